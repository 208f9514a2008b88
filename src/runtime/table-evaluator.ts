// The page's side of whole-table evaluation: sends jobs to the evaluation worker, relays progress, cancels through an
// AbortSignal, and replaces the worker when it crashes or stops answering.
import type {
  FromEvaluateWorker,
  TableEvaluationFailure,
  TableEvaluationRequest,
  TableEvaluationResult,
  ToEvaluateWorker,
} from '../engine/evaluate-table';

/** The part of `Worker` the evaluator uses, so tests can pass a fake. */
export interface EvaluationWorker {
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
  postMessage(message: ToEvaluateWorker): void;
  terminate(): void;
}

export interface EvaluationProgress {
  /** Records evaluated so far, of `total`. */
  readonly done: number;
  readonly total: number;
}

export interface EvaluateOptions {
  readonly onProgress?: (progress: EvaluationProgress) => void;
  /** Aborting cancels the job in the worker and rejects the promise with the signal's reason (an AbortError). */
  readonly signal?: AbortSignal;
}

export interface TableEvaluator {
  /**
   * Evaluates the formulas of every record in the worker. Rejects with a TableEvaluationError when the table cannot
   * be evaluated (a formula cycle, reason.kind 'cycle') or the worker failed, and with an AbortError when aborted.
   */
  readonly evaluate: (
    request: TableEvaluationRequest,
    options?: EvaluateOptions,
  ) => Promise<TableEvaluationResult>;
  /** Stops the worker now; running jobs reject with code 'terminated'. The next evaluate starts a new worker. */
  readonly terminate: () => void;
}

export interface TableEvaluatorOptions {
  /**
   * While a job runs, a worker that sends nothing for this long (ms) is taken for crashed (a browser may kill a worker
   * that runs out of memory without telling the page). It reports at least once per chunk, so this is far above the
   * time of one chunk.
   */
  readonly stallTimeoutMs?: number;
}

export type TableEvaluationErrorCode = 'failed' | 'crashed' | 'terminated';

export class TableEvaluationError extends Error {
  override readonly name = 'TableEvaluationError';

  constructor(
    readonly code: TableEvaluationErrorCode,
    message: string,
    /** Why the table cannot be evaluated, when that is the cause (code 'failed'). */
    readonly reason?: TableEvaluationFailure,
  ) {
    super(message);
  }
}

export const DEFAULT_STALL_TIMEOUT_MS = 60_000;

/** The evaluation worker, bundled by Vite (it detects `new Worker(new URL(…, import.meta.url))` and emits a chunk). */
export function createEvaluateWorker(): Worker {
  return new Worker(new URL('../workers/evaluate.worker.ts', import.meta.url), {
    type: 'module',
    name: 'liucun-evaluate',
  });
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new DOMException('The evaluation was cancelled.', 'AbortError');
}

function isWorkerMessage(data: unknown): data is FromEvaluateWorker {
  return (
    typeof data === 'object' &&
    data !== null &&
    typeof (data as { jobId?: unknown }).jobId === 'number' &&
    typeof (data as { type?: unknown }).type === 'string'
  );
}

/** A module worker that fails to load reports a plain Event, without a message, despite the ErrorEvent type. */
function describeWorkerError(event: ErrorEvent): string {
  const message = (event as { message?: unknown }).message;
  return typeof message === 'string' && message !== ''
    ? `The evaluation worker crashed: ${message}`
    : 'The evaluation worker crashed or could not be loaded.';
}

interface Job {
  readonly worker: EvaluationWorker;
  readonly onProgress: ((progress: EvaluationProgress) => void) | undefined;
  readonly resolve: (result: TableEvaluationResult) => void;
  readonly reject: (error: Error) => void;
  /** Detaches the abort listener. */
  readonly release: () => void;
}

/**
 * Creates the bridge. The worker starts on the first evaluate and is reused; jobs sent together run side by side in
 * it, taking turns by chunk.
 */
export function createTableEvaluator(
  createWorker: () => EvaluationWorker = createEvaluateWorker,
  options: TableEvaluatorOptions = {},
): TableEvaluator {
  const stallTimeout = options.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS;
  let worker: EvaluationWorker | undefined;
  let nextJobId = 1;
  const jobs = new Map<number, Job>();
  let watchdog: ReturnType<typeof setTimeout> | undefined;

  const finish = (jobId: number): Job | undefined => {
    const job = jobs.get(jobId);
    if (!job) return undefined;
    jobs.delete(jobId);
    job.release();
    if (jobs.size === 0) disarm();
    return job;
  };

  const disarm = (): void => {
    if (watchdog !== undefined) clearTimeout(watchdog);
    watchdog = undefined;
  };

  /** (Re)starts the stall timer of the current worker; called on each message and each new job. */
  const arm = (): void => {
    disarm();
    const current = worker;
    if (current === undefined || jobs.size === 0) return;
    watchdog = setTimeout(() => {
      stop(
        current,
        new TableEvaluationError('crashed', `The evaluation worker did not answer for ${stallTimeout} ms.`),
      );
    }, stallTimeout);
  };

  /** Terminates `target` (if it is still the current worker) and rejects every job sent to it. */
  const stop = (target: EvaluationWorker, error: TableEvaluationError): void => {
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

  const receive = (data: unknown): void => {
    if (!isWorkerMessage(data)) return;
    const job = jobs.get(data.jobId);
    if (!job) return; // Finished, aborted or unknown: a late message changes nothing.
    arm();
    switch (data.type) {
      case 'progress':
        job.onProgress?.({ done: data.done, total: data.total });
        return;
      case 'result':
        finish(data.jobId);
        job.resolve({ changes: data.changes, errors: data.errors });
        return;
      case 'cancelled':
        finish(data.jobId);
        job.reject(new DOMException('The evaluation was cancelled.', 'AbortError'));
        return;
      case 'failed':
        finish(data.jobId);
        job.reject(new TableEvaluationError('failed', data.message, data.reason));
        return;
    }
  };

  const ensureWorker = (): EvaluationWorker => {
    if (worker) return worker;
    const created = createWorker();
    created.onmessage = (event) => {
      receive(event.data);
    };
    created.onerror = (event) => {
      // The page handles it: no "uncaught error in worker" report on top.
      event.preventDefault();
      stop(created, new TableEvaluationError('crashed', describeWorkerError(event)));
    };
    created.onmessageerror = () => {
      stop(
        created,
        new TableEvaluationError('crashed', 'A message from the evaluation worker could not be read.'),
      );
    };
    worker = created;
    return created;
  };

  const evaluate = (
    request: TableEvaluationRequest,
    { onProgress, signal }: EvaluateOptions = {},
  ): Promise<TableEvaluationResult> =>
    new Promise<TableEvaluationResult>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortError(signal));
        return;
      }
      const jobId = nextJobId++;
      const target = ensureWorker();
      const onAbort = (): void => {
        if (!finish(jobId)) return;
        target.postMessage({ type: 'cancel', jobId });
        if (signal) reject(abortError(signal));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      jobs.set(jobId, {
        worker: target,
        onProgress,
        resolve,
        reject,
        release: () => signal?.removeEventListener('abort', onAbort),
      });
      // Only the request's own parts cross over: structured cloning fails on anything else a caller attached.
      const { fields, keyTypes, timeZone, now, records } = request;
      try {
        target.postMessage({ type: 'evaluate', jobId, fields, keyTypes, timeZone, now, records });
      } catch (error) {
        finish(jobId);
        reject(error instanceof Error ? error : new TableEvaluationError('failed', String(error)));
        return;
      }
      arm();
    });

  const terminate = (): void => {
    if (worker) stop(worker, new TableEvaluationError('terminated', 'The evaluation worker was stopped.'));
  };

  // A createWorker that throws (no Worker support, blocked by policy) rejects the promise: it runs in its executor.
  return { evaluate, terminate };
}
