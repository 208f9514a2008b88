// The page's side of CSV/Excel import and export: sends jobs to the import worker, relays progress, cancels through an
// AbortSignal, and replaces the worker when it crashes or stops answering (like table-evaluator.ts).
import type {
  FromImportWorker,
  ImportFailureCode,
  ImportFileFormat,
  ImportMapping,
  ImportPhase,
  ImportPreview,
  ImportResult,
  ToImportWorker,
} from '../engine/import';
import { DEFAULT_DATABASE_NAME } from '../storage/database';

/** The part of `Worker` the importer uses, so tests can pass a fake. */
export interface ImportWorker {
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
  postMessage(message: ToImportWorker): void;
  terminate(): void;
}

export interface ImportProgress {
  readonly phase: ImportPhase;
  /** Rows converted (or, while writing, 0) of `total`. */
  readonly done: number;
  readonly total: number;
}

export interface ImportRunRequest {
  readonly tableId: string;
  readonly mapping: ImportMapping;
  readonly file: Blob;
  readonly format: ImportFileFormat;
  /** Defaults: the importer's clock, the browser's time zone. */
  readonly now?: number;
  readonly timeZone?: string;
}

export interface ImportRunOptions {
  readonly onProgress?: (progress: ImportProgress) => void;
  /**
   * Aborting asks the worker to stop. The promise settles with the worker's answer: an AbortError once nothing was
   * stored, or the result when the import had already been stored.
   */
  readonly signal?: AbortSignal;
}

export interface ExportViewRequest {
  readonly tableId: string;
  /** Records in view order. */
  readonly recordIds: readonly string[];
  /** Visible fields in view order. */
  readonly fieldIds: readonly string[];
  readonly format: ImportFileFormat;
  readonly timeZone?: string;
  readonly locale?: string;
}

export interface Importer {
  readonly preview: (file: Blob, format: ImportFileFormat) => Promise<ImportPreview>;
  readonly run: (request: ImportRunRequest, options?: ImportRunOptions) => Promise<ImportResult>;
  readonly exportView: (request: ExportViewRequest) => Promise<Blob>;
  /** Stops the worker now; running jobs reject with code 'crashed'. The next job starts a new worker. */
  readonly terminate: () => void;
}

export interface ImporterOptions {
  /** The database the worker opens (the app's default database when absent). */
  readonly dbName?: string;
  /** A worker that sends nothing for this long (ms) while a job runs is taken for crashed. */
  readonly stallTimeoutMs?: number;
  readonly now?: () => number;
  readonly timeZone?: () => string;
}

/** A failed job; `code` names the catalog message import.failures.<code>. Nothing was stored. */
export class ImportError extends Error {
  override readonly name = 'ImportError';

  constructor(
    readonly code: ImportFailureCode,
    message: string,
    /** Details for the message, e.g. the field and value of a duplicate. */
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(message);
  }
}

/** Storing 100k records is one transaction without messages in between: allow it minutes, not seconds. */
export const DEFAULT_IMPORT_STALL_TIMEOUT_MS = 180_000;

/** The import worker, bundled by Vite (it detects `new Worker(new URL(…, import.meta.url))` and emits a chunk). */
export function createImportWorker(): Worker {
  return new Worker(new URL('../workers/import.worker.ts', import.meta.url), {
    type: 'module',
    name: 'liucun-import',
  });
}

function isWorkerMessage(data: unknown): data is FromImportWorker {
  return (
    typeof data === 'object' &&
    data !== null &&
    typeof (data as { jobId?: unknown }).jobId === 'number' &&
    typeof (data as { type?: unknown }).type === 'string'
  );
}

function abortError(): DOMException {
  return new DOMException('The import was cancelled.', 'AbortError');
}

function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

interface Job {
  readonly worker: ImportWorker;
  readonly onMessage: (message: FromImportWorker) => void;
  readonly reject: (error: Error) => void;
  readonly release: () => void;
}

export function createImporter(
  createWorker: () => ImportWorker = createImportWorker,
  options: ImporterOptions = {},
): Importer {
  const stallTimeout = options.stallTimeoutMs ?? DEFAULT_IMPORT_STALL_TIMEOUT_MS;
  const dbName = options.dbName ?? DEFAULT_DATABASE_NAME;
  const clock = options.now ?? (() => Date.now());
  const zone = options.timeZone ?? browserTimeZone;
  let worker: ImportWorker | undefined;
  let nextJobId = 1;
  const jobs = new Map<number, Job>();
  let watchdog: ReturnType<typeof setTimeout> | undefined;

  const disarm = (): void => {
    if (watchdog !== undefined) clearTimeout(watchdog);
    watchdog = undefined;
  };

  const arm = (): void => {
    disarm();
    const current = worker;
    if (current === undefined || jobs.size === 0) return;
    watchdog = setTimeout(() => {
      stop(current, new ImportError('crashed', `The import worker did not answer for ${stallTimeout} ms.`));
    }, stallTimeout);
  };

  const finish = (jobId: number): Job | undefined => {
    const job = jobs.get(jobId);
    if (!job) return undefined;
    jobs.delete(jobId);
    job.release();
    if (jobs.size === 0) disarm();
    return job;
  };

  const stop = (target: ImportWorker, error: ImportError): void => {
    if (target !== worker) return;
    worker = undefined;
    target.onmessage = null;
    target.onerror = null;
    target.onmessageerror = null;
    target.terminate();
    for (const [jobId, job] of [...jobs]) {
      if (job.worker !== target) continue;
      finish(jobId);
      job.reject(error);
    }
    disarm();
  };

  const ensureWorker = (): ImportWorker => {
    if (worker) return worker;
    const created = createWorker();
    created.onmessage = (event) => {
      const data: unknown = event.data;
      if (!isWorkerMessage(data)) return;
      const job = jobs.get(data.jobId);
      if (!job) return;
      arm();
      job.onMessage(data);
    };
    created.onerror = (event) => {
      event.preventDefault();
      const message = (event as { message?: unknown }).message;
      stop(
        created,
        new ImportError(
          'crashed',
          typeof message === 'string' && message !== ''
            ? `The import worker crashed: ${message}`
            : 'The import worker crashed or could not be loaded.',
        ),
      );
    };
    created.onmessageerror = () => {
      stop(created, new ImportError('crashed', 'A message from the import worker could not be read.'));
    };
    worker = created;
    return created;
  };

  /**
   * Sends one job; `settle` turns the worker's messages into the result (returning true when the job is over).
   * Failures and cancellations are handled here.
   */
  const send = <T>(
    message: (jobId: number) => ToImportWorker,
    settle: (data: FromImportWorker, resolve: (value: T) => void) => boolean,
    signal?: AbortSignal,
  ): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortError());
        return;
      }
      const jobId = nextJobId++;
      const target = ensureWorker();
      const onAbort = (): void => {
        if (jobs.has(jobId)) target.postMessage({ type: 'cancel', jobId });
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      jobs.set(jobId, {
        worker: target,
        reject,
        release: () => signal?.removeEventListener('abort', onAbort),
        onMessage: (data) => {
          if (data.type === 'failed') {
            finish(jobId);
            reject(new ImportError(data.code, data.message, data.params));
          } else if (data.type === 'cancelled') {
            finish(jobId);
            reject(abortError());
          } else if (settle(data, resolve)) {
            finish(jobId);
          }
        },
      });
      try {
        target.postMessage(message(jobId));
      } catch (error) {
        finish(jobId);
        reject(error instanceof Error ? error : new ImportError('unknown', String(error)));
        return;
      }
      arm();
    });

  return {
    preview: (file, format) =>
      send<ImportPreview>(
        (jobId) => ({ type: 'preview', jobId, file, format }),
        (data, resolve) => {
          if (data.type !== 'preview') return false;
          resolve(data.preview);
          return true;
        },
      ),
    run: (request, { onProgress, signal } = {}) =>
      send<ImportResult>(
        (jobId) => ({
          type: 'import',
          jobId,
          dbName,
          tableId: request.tableId,
          mapping: request.mapping,
          file: request.file,
          format: request.format,
          now: request.now ?? clock(),
          timeZone: request.timeZone ?? zone(),
        }),
        (data, resolve) => {
          if (data.type === 'progress') {
            onProgress?.({ phase: data.phase, done: data.done, total: data.total });
            return false;
          }
          if (data.type !== 'done') return false;
          resolve(data.result);
          return true;
        },
        signal,
      ),
    exportView: (request) =>
      send<Blob>(
        (jobId) => ({
          type: 'export',
          jobId,
          dbName,
          tableId: request.tableId,
          recordIds: request.recordIds,
          fieldIds: request.fieldIds,
          format: request.format,
          timeZone: request.timeZone ?? zone(),
          ...(request.locale === undefined ? {} : { locale: request.locale }),
        }),
        (data, resolve) => {
          if (data.type !== 'exported') return false;
          resolve(data.blob);
          return true;
        },
      ),
    terminate: () => {
      if (worker) stop(worker, new ImportError('crashed', 'The import worker was stopped.'));
    },
  };
}
