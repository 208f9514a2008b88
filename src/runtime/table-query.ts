// The page's side of the table worker: opens a table in it, sends queries (a newer one settles the older ones),
// forwards edits, runs whole-table recomputes with progress and cancel, and replaces the worker when it crashes or
// stops answering — reopening the same table from storage on the next call, so the grid recovers by asking again.
import type { DataRecord, Table } from '../engine';
import type {
  FromTableWorker,
  QueryResult,
  RecomputeResult,
  TableQuery,
  ToTableWorker,
} from '../engine/query';

/** The part of `Worker` the bridge uses, so tests can pass a fake. */
export interface TableWorker {
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
  postMessage(message: ToTableWorker): void;
  terminate(): void;
}

export interface TableQueryEnv {
  /** Epoch ms for "today" in filters and TODAY() in recomputes; each query and recompute may bring a newer one. */
  readonly now: number;
  readonly timeZone: string;
  /** Orders text: the UI language ('zh-CN' sorts by pinyin). */
  readonly locale: string;
}

export interface TableQueryResult extends QueryResult {
  /** Time the worker spent on the query. */
  readonly ms: number;
}

export interface RecomputeProgress {
  readonly done: number;
  readonly total: number;
}

export interface RecomputeOptions {
  readonly onProgress?: (progress: RecomputeProgress) => void;
  /** The new values are computed and the worker serves them (readRecords) while they are being stored. */
  readonly onEvaluated?: (evaluated: { readonly changed: number; readonly evaluateMs: number }) => void;
  /** Aborting cancels the recompute (nothing is written) and rejects with an AbortError. */
  readonly signal?: AbortSignal;
  readonly now?: number;
}

export interface TableQueryService {
  /** Loads the table's live records into the worker; resolves with their number. Another open replaces it. */
  readonly open: (
    dbName: string,
    table: Table,
    env: TableQueryEnv,
    /** Records read so far while the worker loads the table. */
    onLoading?: (loaded: number, total: number) => void,
  ) => Promise<{ count: number }>;
  /**
   * Runs a query over the opened table. When a newer query is sent before this one is answered, this one rejects
   * with an AbortError at once (the grid shows the newest only); callers ignore AbortErrors.
   */
  readonly query: (query: TableQuery & { readonly now?: number }) => Promise<TableQueryResult>;
  /** Tells the worker about records the page wrote (and deleted), so later queries see them. Re-query afterwards. */
  readonly applyChanges: (upserts: readonly DataRecord[], deletedIds: readonly string[]) => void;
  /** The table's definition changed (fields, options, rules). Re-query afterwards. */
  readonly setTable: (table: Table) => void;
  /**
   * Recomputes formula and tier fields over every record (`fieldIds`: those and the fields reading them) and writes
   * changed values in one transaction. Rejects with a TableQueryError ('failed', reason.kind 'cycle' for a loop).
   */
  readonly recompute: (fieldIds?: readonly string[], options?: RecomputeOptions) => Promise<RecomputeResult>;
  /** Records of the open table from the worker's memory: by id (null where unknown), or by creation-order position. */
  readonly readRecords: (
    request: { readonly ids: readonly string[] } | { readonly offset: number; readonly limit: number },
  ) => Promise<(DataRecord | null)[]>;
  /** Stops the worker; pending calls reject with code 'terminated'; the service can be opened again. */
  readonly close: () => void;
}

export type TableQueryErrorCode = 'failed' | 'crashed' | 'terminated' | 'notOpen';

export class TableQueryError extends Error {
  override readonly name = 'TableQueryError';

  constructor(
    readonly code: TableQueryErrorCode,
    message: string,
    /** Why the formulas cannot be evaluated (a recompute failing with code 'failed'). */
    readonly reason?: Extract<FromTableWorker, { type: 'failed' }>['reason'],
  ) {
    super(message);
  }
}

export interface TableQueryOptions {
  /**
   * While something is pending, a worker that sends nothing for this long (ms) is taken for crashed. Loading reports
   * every chunk and recomputes every chunk, so this is far above the time of one.
   */
  readonly stallTimeoutMs?: number;
}

export const DEFAULT_TABLE_STALL_TIMEOUT_MS = 60_000;

/** The table worker, bundled by Vite (it detects `new Worker(new URL(…, import.meta.url))` and emits a chunk). */
export function createTableWorker(): Worker {
  return new Worker(new URL('../workers/table.worker.ts', import.meta.url), {
    type: 'module',
    name: 'liucun-table',
  });
}

function abortError(message: string, signal?: AbortSignal): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : new DOMException(message, 'AbortError');
}

/** A module worker that fails to load reports a plain Event, without a message, despite the ErrorEvent type. */
function describeWorkerError(event: ErrorEvent): string {
  const message = (event as { message?: unknown }).message;
  return typeof message === 'string' && message !== ''
    ? `The table worker crashed: ${message}`
    : 'The table worker crashed or could not be loaded.';
}

interface Pending<T> {
  readonly resolve: (value: T) => void;
  readonly reject: (error: Error) => void;
}

interface Job extends Pending<RecomputeResult> {
  readonly onProgress: ((progress: RecomputeProgress) => void) | undefined;
  readonly onEvaluated: RecomputeOptions['onEvaluated'];
  readonly release: () => void;
}

interface OpenRequest {
  readonly dbName: string;
  table: Table;
  readonly env: TableQueryEnv;
}

export function createTableQuery(
  createWorker: () => TableWorker = createTableWorker,
  options: TableQueryOptions = {},
): TableQueryService {
  const stallTimeout = options.stallTimeoutMs ?? DEFAULT_TABLE_STALL_TIMEOUT_MS;
  let worker: TableWorker | undefined;
  let opened: OpenRequest | undefined;
  let opening: Pending<{ count: number }> | undefined;
  let pendingQuery: (Pending<TableQueryResult> & { readonly queryId: number }) | undefined;
  const jobs = new Map<number, Job>();
  const reads = new Map<number, Pending<(DataRecord | null)[]>>();
  let loadingListener: ((loaded: number, total: number) => void) | undefined;
  let nextId = 1;
  let watchdog: ReturnType<typeof setTimeout> | undefined;

  const busy = (): boolean =>
    opening !== undefined || pendingQuery !== undefined || jobs.size > 0 || reads.size > 0;

  const disarm = (): void => {
    if (watchdog !== undefined) clearTimeout(watchdog);
    watchdog = undefined;
  };

  /** (Re)starts the stall timer; called on each message from the worker and each new request. */
  const arm = (): void => {
    disarm();
    const current = worker;
    if (current === undefined || !busy()) return;
    watchdog = setTimeout(() => {
      stop(
        current,
        new TableQueryError('crashed', `The table worker did not answer for ${stallTimeout} ms.`),
      );
    }, stallTimeout);
  };

  /** Terminates `target` (if current) and rejects everything pending; the next call starts a new worker. */
  const stop = (target: TableWorker, error: TableQueryError): void => {
    if (target !== worker) return;
    worker = undefined;
    target.onmessage = null;
    target.onerror = null;
    target.onmessageerror = null;
    target.terminate();
    disarm();
    const failedOpen = opening;
    opening = undefined;
    failedOpen?.reject(error);
    const failedQuery = pendingQuery;
    pendingQuery = undefined;
    failedQuery?.reject(error);
    for (const [jobId, job] of [...jobs]) {
      jobs.delete(jobId);
      job.release();
      job.reject(error);
    }
    for (const [requestId, read] of [...reads]) {
      reads.delete(requestId);
      read.reject(error);
    }
  };

  const receive = (data: FromTableWorker): void => {
    arm();
    switch (data.type) {
      case 'loading':
        loadingListener?.(data.loaded, data.total);
        return;
      case 'ready': {
        const done = opening;
        opening = undefined;
        done?.resolve({ count: data.count });
        break;
      }
      case 'openFailed': {
        const failed = opening;
        opening = undefined;
        opened = undefined;
        failed?.reject(new TableQueryError('failed', data.message));
        break;
      }
      case 'result':
      case 'queryFailed': {
        if (pendingQuery?.queryId !== data.queryId) return; // Superseded: already settled.
        const settled = pendingQuery;
        pendingQuery = undefined;
        if (data.type === 'result') {
          const { type: _type, queryId: _queryId, ...result } = data;
          settled.resolve(result);
        } else settled.reject(new TableQueryError('failed', data.message));
        break;
      }
      case 'progress':
        jobs.get(data.jobId)?.onProgress?.({ done: data.done, total: data.total });
        return;
      case 'evaluated':
        jobs.get(data.jobId)?.onEvaluated?.({ changed: data.changed, evaluateMs: data.evaluateMs });
        return;
      case 'records': {
        const read = reads.get(data.requestId);
        reads.delete(data.requestId);
        read?.resolve([...data.records]);
        break;
      }
      case 'recomputed':
      case 'cancelled':
      case 'failed': {
        const job = jobs.get(data.jobId);
        if (!job) return;
        jobs.delete(data.jobId);
        job.release();
        if (data.type === 'recomputed') {
          const { type: _type, jobId: _jobId, ...result } = data;
          job.resolve(result);
        } else if (data.type === 'cancelled')
          job.reject(new DOMException('The recompute was cancelled.', 'AbortError'));
        else job.reject(new TableQueryError('failed', data.message, data.reason));
        break;
      }
    }
    if (!busy()) disarm();
  };

  const startWorker = (): TableWorker => {
    const created = createWorker();
    created.onmessage = (event) => {
      const data: unknown = event.data;
      if (typeof data === 'object' && data !== null && typeof (data as { type?: unknown }).type === 'string')
        receive(data as FromTableWorker);
    };
    created.onerror = (event) => {
      event.preventDefault(); // The page handles it: no "uncaught error in worker" report on top.
      stop(created, new TableQueryError('crashed', describeWorkerError(event)));
    };
    created.onmessageerror = () => {
      stop(created, new TableQueryError('crashed', 'A message from the table worker could not be read.'));
    };
    worker = created;
    return created;
  };

  /** Posts to the worker; a message that cannot be cloned rejects instead of throwing. */
  const send = (target: TableWorker, message: ToTableWorker): Error | undefined => {
    try {
      target.postMessage(message);
      return undefined;
    } catch (error) {
      return error instanceof Error ? error : new TableQueryError('failed', String(error));
    }
  };

  const openIn = (target: TableWorker, request: OpenRequest): Promise<{ count: number }> =>
    new Promise((resolve, reject) => {
      opening?.reject(new DOMException('A newer table was opened.', 'AbortError'));
      opening = { resolve, reject };
      const { dbName, table, env } = request;
      const error = send(target, { type: 'open', dbName, table, ...env });
      if (error) {
        opening = undefined;
        reject(error);
        return;
      }
      arm();
    });

  /** The worker with the opened table, starting (and reopening in) a new one after a crash. */
  const ready = (): TableWorker | undefined => {
    if (worker) return worker;
    if (!opened) return undefined;
    const created = startWorker();
    // The reload's outcome reaches callers through their own requests (which wait for it in the worker).
    openIn(created, opened).catch(() => undefined);
    return created;
  };

  const open = (
    dbName: string,
    table: Table,
    env: TableQueryEnv,
    onLoading?: (loaded: number, total: number) => void,
  ): Promise<{ count: number }> => {
    opened = { dbName, table, env };
    loadingListener = onLoading;
    try {
      return openIn(worker ?? startWorker(), opened);
    } catch (error) {
      // createWorker threw (no Worker support, blocked by policy).
      opened = undefined;
      return Promise.reject(error instanceof Error ? error : new TableQueryError('failed', String(error)));
    }
  };

  const query = (request: TableQuery & { readonly now?: number }): Promise<TableQueryResult> =>
    new Promise((resolve, reject) => {
      const target = ready();
      if (!target) {
        reject(new TableQueryError('notOpen', 'No table is open.'));
        return;
      }
      pendingQuery?.reject(new DOMException('A newer query was sent.', 'AbortError'));
      const queryId = nextId++;
      pendingQuery = { queryId, resolve, reject };
      const { filter, sorts, search, groupByFieldId, aggregateFieldIds, now } = request;
      const error = send(target, {
        type: 'query',
        queryId,
        ...(filter !== undefined ? { filter } : {}),
        ...(sorts !== undefined ? { sorts } : {}),
        ...(search !== undefined ? { search } : {}),
        ...(groupByFieldId !== undefined ? { groupByFieldId } : {}),
        ...(aggregateFieldIds !== undefined ? { aggregateFieldIds } : {}),
        ...(now !== undefined ? { now } : {}),
      });
      if (error) {
        pendingQuery = undefined;
        reject(error);
        return;
      }
      arm();
    });

  const applyChanges = (upserts: readonly DataRecord[], deletedIds: readonly string[]): void => {
    // Without a worker there is nothing to update: the next start reads storage, which already has the changes.
    if (worker) send(worker, { type: 'applyChanges', upserts, deletedIds });
  };

  const setTable = (table: Table): void => {
    if (opened) opened.table = table;
    if (worker) send(worker, { type: 'setTable', table });
  };

  const recompute = (
    fieldIds?: readonly string[],
    { onProgress, onEvaluated, signal, now }: RecomputeOptions = {},
  ): Promise<RecomputeResult> =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortError('The recompute was cancelled.', signal));
        return;
      }
      const target = ready();
      if (!target) {
        reject(new TableQueryError('notOpen', 'No table is open.'));
        return;
      }
      const jobId = nextId++;
      const onAbort = (): void => {
        const job = jobs.get(jobId);
        if (!job) return;
        jobs.delete(jobId);
        job.release();
        send(target, { type: 'cancel', jobId });
        reject(abortError('The recompute was cancelled.', signal));
        if (!busy()) disarm();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      jobs.set(jobId, {
        resolve,
        reject,
        onProgress,
        onEvaluated,
        release: () => signal?.removeEventListener('abort', onAbort),
      });
      const error = send(target, {
        type: 'recompute',
        jobId,
        ...(fieldIds !== undefined ? { fieldIds } : {}),
        ...(now !== undefined ? { now } : {}),
      });
      if (error) {
        jobs.delete(jobId);
        signal?.removeEventListener('abort', onAbort);
        reject(error);
        return;
      }
      arm();
    });

  const close = (): void => {
    opened = undefined;
    if (worker) stop(worker, new TableQueryError('terminated', 'The table worker was stopped.'));
  };

  const readRecords = (
    request: { readonly ids: readonly string[] } | { readonly offset: number; readonly limit: number },
  ): Promise<(DataRecord | null)[]> =>
    new Promise((resolve, reject) => {
      const target = ready();
      if (!target) {
        reject(new TableQueryError('notOpen', 'No table is open.'));
        return;
      }
      const requestId = nextId++;
      reads.set(requestId, { resolve, reject });
      const error = send(target, { type: 'records', requestId, ...request });
      if (error) {
        reads.delete(requestId);
        reject(error);
        return;
      }
      arm();
    });

  return { open, query, applyChanges, setTable, recompute, readRecords, close };
}
