// The page's bridge to the evaluation worker, with fake workers: results, progress, cancel, failures, crashes, stalls.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type {
  FromEvaluateWorker,
  TableEvaluationRequest,
  TableFormula,
  TableRecord,
  ToEvaluateWorker,
} from '../../src/engine/evaluate-table';
import {
  createTableEvaluator,
  TableEvaluationError,
  type EvaluationProgress,
  type EvaluationWorker,
} from '../../src/runtime/table-evaluator';
import { createEvaluateProtocol } from '../../src/workers/evaluate-protocol';

const score: TableFormula = { id: 'score', expression: { '*': [{ var: 'spend' }, 2] } };

function customers(count: number): TableRecord[] {
  return Array.from({ length: count }, (_, index) => ({ id: `c${index}`, values: { spend: index + 1 } }));
}

function request(
  records: readonly TableRecord[],
  fields: readonly TableFormula[] = [score],
): TableEvaluationRequest {
  return { fields, keyTypes: { spend: 'number' }, timeZone: 'UTC', now: Date.UTC(2026, 0, 1), records };
}

/** A worker without the worker: messages are structured-cloned and delivered on later event-loop turns. */
class FakeWorker implements EvaluationWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  terminated = false;
  /** Messages the page sent. */
  readonly received: ToEvaluateWorker[] = [];
  /** Messages the worker sent, delivered or not. */
  readonly sent: FromEvaluateWorker[] = [];
  private readonly handle: ((message: unknown) => void) | undefined;

  constructor(runsProtocol = true) {
    this.handle = runsProtocol
      ? createEvaluateProtocol(
          {
            post: (message) => {
              this.emit(message);
            },
            yieldToEventLoop: () => new Promise((resolve) => setTimeout(resolve, 0)),
            now: () => 0,
          },
          { chunkSize: 2, progressIntervalMs: 0 },
        )
      : undefined;
  }

  postMessage(message: ToEvaluateWorker): void {
    const copy = structuredClone(message);
    this.received.push(copy);
    setTimeout(() => {
      if (!this.terminated) this.handle?.(copy);
    }, 0);
  }

  terminate(): void {
    this.terminated = true;
  }

  /** Sends a message to the page, as the worker would. */
  emit(message: FromEvaluateWorker): void {
    this.sent.push(message);
    const copy = structuredClone(message);
    setTimeout(() => {
      if (!this.terminated) this.onmessage?.(new MessageEvent('message', { data: copy }));
    }, 0);
  }

  /** An uncaught error inside the worker, or the worker dying. */
  crash(message?: string): void {
    const event = Object.assign(
      new Event('error', { cancelable: true }),
      message === undefined ? {} : { message },
    );
    this.onerror?.(event as ErrorEvent);
  }
}

function factory(runsProtocol = true) {
  const workers: FakeWorker[] = [];
  const create = (): FakeWorker => {
    const worker = new FakeWorker(runsProtocol);
    workers.push(worker);
    return worker;
  };
  return { workers, create };
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  vi.useRealTimers();
});

describe('createTableEvaluator', () => {
  it('resolves with the changed values and reports progress chunk by chunk', async () => {
    const { create } = factory();
    const evaluator = createTableEvaluator(create);
    const progress: EvaluationProgress[] = [];

    const result = await evaluator.evaluate(request(customers(5)), { onProgress: (p) => progress.push(p) });

    expect(result.changes).toEqual([
      { id: 'c0', changes: { score: 2 } },
      { id: 'c1', changes: { score: 4 } },
      { id: 'c2', changes: { score: 6 } },
      { id: 'c3', changes: { score: 8 } },
      { id: 'c4', changes: { score: 10 } },
    ]);
    expect(result.errors).toEqual([]);
    expect(progress).toEqual([
      { done: 0, total: 5 },
      { done: 2, total: 5 },
      { done: 4, total: 5 },
    ]);
  });

  it('starts one worker and reuses it for the next evaluations', async () => {
    const { workers, create } = factory();
    const evaluator = createTableEvaluator(create);

    await evaluator.evaluate(request(customers(1)));
    await evaluator.evaluate(request(customers(3)));

    expect(workers).toHaveLength(1);
  });

  it('cancels mid-job on abort: rejects with an AbortError and the worker stops before the next chunk', async () => {
    const { workers, create } = factory();
    const evaluator = createTableEvaluator(create);
    const controller = new AbortController();
    const progress: number[] = [];

    const job = evaluator.evaluate(request(customers(20)), {
      signal: controller.signal,
      onProgress: ({ done }) => {
        progress.push(done);
        if (done === 4) controller.abort();
      },
    });

    await expect(job).rejects.toMatchObject({ name: 'AbortError' });
    const worker = workers[0];
    expect(worker?.received.map((message) => message.type)).toEqual(['evaluate', 'cancel']);
    await vi.waitFor(() => expect(worker?.sent.at(-1)).toEqual({ type: 'cancelled', jobId: 1 }));
    expect(worker?.sent.some((message) => message.type === 'result')).toBe(false);
    expect(progress).toEqual([0, 2, 4]);

    // The late 'cancelled' changes nothing, and the same worker goes on serving.
    await expect(evaluator.evaluate(request(customers(2)))).resolves.toHaveProperty('changes.length', 2);
    expect(workers).toHaveLength(1);
  });

  it('rejects with the reason the signal was aborted with', async () => {
    const { create } = factory();
    const evaluator = createTableEvaluator(create);
    const controller = new AbortController();
    const reason = new Error('The formula changed again');

    const job = evaluator.evaluate(request(customers(10)), { signal: controller.signal });
    controller.abort(reason);

    await expect(job).rejects.toBe(reason);
  });

  it('rejects at once for an already aborted signal, without starting a worker', async () => {
    const { workers, create } = factory();
    const evaluator = createTableEvaluator(create);

    await expect(
      evaluator.evaluate(request(customers(2)), { signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(workers).toHaveLength(0);
  });

  it('resolves with the problem of a bad expression, the other formulas computed', async () => {
    const { create } = factory();
    const evaluator = createTableEvaluator(create);
    const broken: TableFormula = { id: 'broken', expression: { NOSUCHFUNCTION: [] } };

    const result = await evaluator.evaluate(request(customers(3), [broken, score]));

    expect(result.errors).toEqual([
      expect.objectContaining({ fieldId: 'broken', phase: 'compile', code: 'unknownOperator' }),
    ]);
    expect(result.changes).toHaveLength(3);
  });

  it('rejects formulas that read each other in a loop with the loop as the reason', async () => {
    const { create } = factory();
    const evaluator = createTableEvaluator(create);
    const a: TableFormula = { id: 'a', expression: { var: 'b' } };
    const b: TableFormula = { id: 'b', expression: { var: 'a' } };

    const failure = await evaluator.evaluate(request(customers(3), [a, b])).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(TableEvaluationError);
    expect(failure).toMatchObject({ code: 'failed', reason: { kind: 'cycle', fieldIds: ['a', 'b', 'a'] } });
  });

  it('sends only the parts of the request, so extra properties a caller attached cannot break cloning', async () => {
    const { workers, create } = factory();
    const evaluator = createTableEvaluator(create);
    const withExtras = { ...request(customers(1)), refresh: () => undefined };

    await evaluator.evaluate(withExtras);

    expect(Object.keys(workers[0]?.received[0] ?? {}).sort()).toEqual(
      ['fields', 'jobId', 'keyTypes', 'now', 'records', 'timeZone', 'type'].sort(),
    );
  });

  it('on a worker crash rejects every running job, terminates the worker and starts a new one next time', async () => {
    const { workers, create } = factory();
    const evaluator = createTableEvaluator(create);
    const first = evaluator.evaluate(request(customers(50))).catch((error: unknown) => error);
    const second = evaluator.evaluate(request(customers(50))).catch((error: unknown) => error);
    await tick();

    workers[0]?.crash('Out of memory');

    for (const failure of [await first, await second]) {
      expect(failure).toBeInstanceOf(TableEvaluationError);
      expect(failure).toMatchObject({ code: 'crashed' });
      expect((failure as Error).message).toContain('Out of memory');
    }
    expect(workers[0]?.terminated).toBe(true);
    await expect(evaluator.evaluate(request(customers(2)))).resolves.toHaveProperty('changes.length', 2);
    expect(workers).toHaveLength(2);
  });

  it('takes a worker that fails to load (an error without a message) for crashed', async () => {
    const { workers, create } = factory(false);
    const evaluator = createTableEvaluator(create);
    const job = evaluator.evaluate(request(customers(1))).catch((error: unknown) => error);

    workers[0]?.crash();

    const failure = await job;
    expect(failure).toMatchObject({ code: 'crashed' });
    expect((failure as Error).message).toContain('could not be loaded');
  });

  it('takes an unreadable message from the worker for a crash', async () => {
    const { workers, create } = factory(false);
    const evaluator = createTableEvaluator(create);
    const job = evaluator.evaluate(request(customers(1))).catch((error: unknown) => error);

    workers[0]?.onmessageerror?.(new MessageEvent('messageerror'));

    expect(await job).toMatchObject({ code: 'crashed' });
    expect(workers[0]?.terminated).toBe(true);
  });

  it('takes a worker that stays silent past the stall timeout for crashed, but not one that reports', async () => {
    vi.useFakeTimers();
    const { workers, create } = factory(false);
    const evaluator = createTableEvaluator(create, { stallTimeoutMs: 1_000 });
    let failure: unknown;
    void evaluator.evaluate(request(customers(1))).catch((error: unknown) => (failure = error));
    const worker = workers[0];

    await vi.advanceTimersByTimeAsync(800);
    worker?.emit({ type: 'progress', jobId: 1, done: 0, total: 1 });
    await vi.advanceTimersByTimeAsync(900);
    expect(failure).toBeUndefined();
    expect(worker?.terminated).toBe(false);

    await vi.advanceTimersByTimeAsync(200);
    expect(failure).toMatchObject({ code: 'crashed' });
    expect((failure as Error).message).toContain('1000 ms');
    expect(worker?.terminated).toBe(true);
  });

  it('does not watch an idle worker: no job, no stall', async () => {
    vi.useFakeTimers();
    const { workers, create } = factory();
    const evaluator = createTableEvaluator(create, { stallTimeoutMs: 1_000 });
    const done = evaluator.evaluate(request(customers(1)));
    await vi.advanceTimersByTimeAsync(10);
    await done;

    await vi.advanceTimersByTimeAsync(5_000);

    expect(workers[0]?.terminated).toBe(false);
  });

  it('terminate() stops the worker and rejects its running jobs', async () => {
    const { workers, create } = factory();
    const evaluator = createTableEvaluator(create);
    const job = evaluator.evaluate(request(customers(50))).catch((error: unknown) => error);

    evaluator.terminate();

    expect(await job).toMatchObject({ code: 'terminated' });
    expect(workers[0]?.terminated).toBe(true);
    await expect(evaluator.evaluate(request(customers(2)))).resolves.toHaveProperty('changes.length', 2);
    expect(workers).toHaveLength(2);
  });

  it('rejects when no worker can be started', async () => {
    const evaluator = createTableEvaluator(() => {
      throw new DOMException('Workers are blocked', 'SecurityError');
    });

    await expect(evaluator.evaluate(request(customers(1)))).rejects.toMatchObject({ name: 'SecurityError' });
  });
});
