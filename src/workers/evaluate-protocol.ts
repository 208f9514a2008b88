// The message handling of the whole-table evaluation worker, apart from `self` so tests can drive it: jobs run chunk by
// chunk and give the event loop a turn between chunks, so a cancel message is read while a job is still running.
import { prepareTableEvaluation, requestEnv } from '../engine/evaluate-table';
import type {
  FromEvaluateWorker,
  RecordChanges,
  TableEvaluationRequest,
  ToEvaluateWorker,
} from '../engine/evaluate-table';

/** What the protocol needs from its surroundings (the worker global in production, fakes in tests). */
export interface EvaluateHost {
  readonly post: (message: FromEvaluateWorker) => void;
  /** Resolves after the event loop has had a turn, so messages that arrived meanwhile have been handled. */
  readonly yieldToEventLoop: () => Promise<void>;
  /** A monotonic clock in ms (performance.now()), only for spacing out progress messages. */
  readonly now: () => number;
}

export interface EvaluateProtocolOptions {
  /** Records per chunk: the work done between two looks at the message queue. */
  readonly chunkSize?: number;
  /** Least time between two progress messages, in ms. */
  readonly progressIntervalMs?: number;
}

export const DEFAULT_CHUNK_SIZE = 2_000;
export const DEFAULT_PROGRESS_INTERVAL_MS = 50;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** What is wrong with an 'evaluate' message's shape, or undefined when it can be run. */
function requestProblem(message: Record<string, unknown>): string | undefined {
  const { fields, keyTypes, timeZone, now, records } = message;
  if (!Array.isArray(fields)) return 'fields must be a list';
  for (const field of fields as unknown[])
    if (!isObject(field) || typeof field.id !== 'string') return 'every field needs a string id';
  if (!isObject(keyTypes)) return 'keyTypes must be an object';
  if (typeof timeZone !== 'string') return 'timeZone must be a string';
  if (typeof now !== 'number' || !Number.isFinite(now)) return 'now must be a finite number (epoch ms)';
  if (!Array.isArray(records)) return 'records must be a list';
  for (const record of records as unknown[])
    if (!isObject(record) || typeof record.id !== 'string' || !isObject(record.values))
      return 'every record needs a string id and an object of values';
  return undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * Returns the handler for messages arriving at the worker. Several jobs may run at once; they take turns by chunk.
 * A cancel for a job that is not running (finished, or unknown) is ignored.
 */
export function createEvaluateProtocol(
  host: EvaluateHost,
  options: EvaluateProtocolOptions = {},
): (message: unknown) => void {
  const chunkSize = Math.max(1, Math.floor(options.chunkSize ?? DEFAULT_CHUNK_SIZE));
  const progressInterval = options.progressIntervalMs ?? DEFAULT_PROGRESS_INTERVAL_MS;
  const running = new Set<number>();
  const cancelled = new Set<number>();

  const run = async (jobId: number, request: TableEvaluationRequest): Promise<void> => {
    const prepared = prepareTableEvaluation({
      fields: request.fields,
      keyTypes: request.keyTypes,
      env: requestEnv(request),
    });
    if (!prepared.ok) {
      host.post({ type: 'failed', jobId, message: prepared.error.message, reason: prepared.error });
      return;
    }
    const evaluation = prepared.value;
    const { records } = request;
    const total = records.length;
    const changes: RecordChanges[] = [];
    host.post({ type: 'progress', jobId, done: 0, total });
    let lastProgress = host.now();
    for (let from = 0; from < total; from += chunkSize) {
      await host.yieldToEventLoop();
      if (cancelled.has(jobId)) {
        host.post({ type: 'cancelled', jobId });
        return;
      }
      const to = Math.min(total, from + chunkSize);
      for (const changed of evaluation.evaluateRange(records, { from, to })) changes.push(changed);
      const time = host.now();
      if (to < total && time - lastProgress >= progressInterval) {
        host.post({ type: 'progress', jobId, done: to, total });
        lastProgress = time;
      }
    }
    host.post({ type: 'result', jobId, changes, errors: evaluation.problems() });
  };

  const start = (jobId: number, message: Record<string, unknown>): void => {
    const problem = requestProblem(message);
    if (problem !== undefined) {
      host.post({ type: 'failed', jobId, message: `Invalid evaluation request: ${problem}` });
      return;
    }
    running.add(jobId);
    run(jobId, message as unknown as TableEvaluationRequest)
      .catch((error: unknown) => {
        host.post({ type: 'failed', jobId, message: messageOf(error) });
      })
      .finally(() => {
        running.delete(jobId);
        cancelled.delete(jobId);
      });
  };

  return (message) => {
    if (!isObject(message) || typeof message.jobId !== 'number') return;
    const { jobId } = message;
    const type = message.type as ToEvaluateWorker['type'] | undefined;
    if (type === 'cancel') {
      if (running.has(jobId)) cancelled.add(jobId);
    } else if (type === 'evaluate') {
      if (running.has(jobId)) {
        host.post({ type: 'failed', jobId, message: `Job ${jobId} is already running` });
        return;
      }
      start(jobId, message);
    }
  };
}

/**
 * Gives the event loop a turn through a MessageChannel: unlike nested setTimeout(0), it is not clamped to 4 ms, and
 * messages already queued for the worker (a cancel) are handled before it resolves.
 */
export function createMessageChannelYield(): () => Promise<void> {
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => {
    waiting.shift()?.();
  };
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    });
}
