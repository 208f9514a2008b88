// The evaluation worker's message handling, driven without a worker: progress, results, cancel between chunks, failures.
import { describe, expect, it } from 'vitest';
import type { FromEvaluateWorker, TableFormula, TableRecord } from '../../src/engine/evaluate-table';
import {
  createEvaluateProtocol,
  createMessageChannelYield,
  type EvaluateProtocolOptions,
} from '../../src/workers/evaluate-protocol';

const NOW = Date.UTC(2026, 10, 22, 9, 30);

const score: TableFormula = { id: 'score', expression: { '*': [{ var: 'spend' }, 2] } };
const tier: TableFormula = {
  id: 'tier',
  expression: { if: [{ '>=': [{ var: 'score' }, 100] }, 'gold', 'silver'] },
};

function customers(count: number): TableRecord[] {
  return Array.from({ length: count }, (_, index) => ({ id: `c${index}`, values: { spend: index * 10 } }));
}

function evaluateMessage(jobId: number, records: readonly TableRecord[], fields = [tier, score]) {
  return {
    type: 'evaluate',
    jobId,
    fields,
    keyTypes: { spend: 'number' },
    timeZone: 'UTC',
    now: NOW,
    records,
  };
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The protocol with a fake host: `posted` collects messages (structured-cloned, as postMessage would), the clock
 * moves `msPerRead` forward each time it is read, and the event-loop turns between chunks are let through by hand.
 */
function harness(options: EvaluateProtocolOptions & { readonly msPerRead?: number } = {}) {
  const posted: FromEvaluateWorker[] = [];
  const turns: (() => void)[] = [];
  let clock = 0;
  const handle = createEvaluateProtocol(
    {
      post: (message) => posted.push(structuredClone(message)),
      yieldToEventLoop: () => new Promise((resolve) => turns.push(resolve)),
      now: () => (clock += options.msPerRead ?? 0),
    },
    options,
  );
  /** Lets one waiting job go on to its next chunk. */
  const turn = async (): Promise<void> => {
    turns.shift()?.();
    await tick();
  };
  /** Lets every job run to its end. */
  const finish = async (): Promise<void> => {
    for (let guard = 0; guard < 10_000 && turns.length > 0; guard++) await turn();
  };
  const of = (jobId: number) => posted.filter((message) => message.jobId === jobId);
  return { posted, handle, turn, finish, of };
}

describe('the evaluation protocol', () => {
  it('evaluates every record and posts the changes and problems as a result', async () => {
    const { handle, finish, of } = harness({ chunkSize: 2 });

    handle(evaluateMessage(1, customers(5)));
    await finish();

    const messages = of(1);
    expect(messages.at(-1)).toEqual({
      type: 'result',
      jobId: 1,
      changes: [
        { id: 'c0', changes: { score: 0, tier: 'silver' } },
        { id: 'c1', changes: { score: 20, tier: 'silver' } },
        { id: 'c2', changes: { score: 40, tier: 'silver' } },
        { id: 'c3', changes: { score: 60, tier: 'silver' } },
        { id: 'c4', changes: { score: 80, tier: 'silver' } },
      ],
      errors: [],
    });
  });

  it('posts progress at the start, then after chunks, never more often than the interval', async () => {
    const { handle, finish, of } = harness({ chunkSize: 2, progressIntervalMs: 50, msPerRead: 20 });

    handle(evaluateMessage(1, customers(10)));
    await finish();

    // The clock reads 20, 40, 60, 80, …: only the third chunk ends 50 ms after the start.
    expect(of(1).filter((message) => message.type === 'progress')).toEqual([
      { type: 'progress', jobId: 1, done: 0, total: 10 },
      { type: 'progress', jobId: 1, done: 6, total: 10 },
    ]);
    expect(of(1).at(-1)?.type).toBe('result');
  });

  it('posts progress after every chunk when chunks are slower than the interval', async () => {
    const { handle, finish, of } = harness({ chunkSize: 3, progressIntervalMs: 50, msPerRead: 100 });

    handle(evaluateMessage(1, customers(10)));
    await finish();

    const done = of(1).flatMap((message) => (message.type === 'progress' ? [message.done] : []));
    expect(done).toEqual([0, 3, 6, 9]);
  });

  it('stops at the next chunk when a cancel arrives mid-job, and posts no result', async () => {
    const { handle, turn, finish, of } = harness({ chunkSize: 2, progressIntervalMs: 0, msPerRead: 1 });

    handle(evaluateMessage(7, customers(10)));
    await turn();
    handle({ type: 'cancel', jobId: 7 });
    await finish();

    expect(of(7)).toEqual([
      { type: 'progress', jobId: 7, done: 0, total: 10 },
      { type: 'progress', jobId: 7, done: 2, total: 10 },
      { type: 'cancelled', jobId: 7 },
    ]);
  });

  it('cancels one job and finishes another running beside it', async () => {
    const { handle, turn, finish, of } = harness({ chunkSize: 2 });

    handle(evaluateMessage(1, customers(6)));
    handle(evaluateMessage(2, customers(3)));
    await turn();
    handle({ type: 'cancel', jobId: 1 });
    await finish();

    expect(of(1).at(-1)).toEqual({ type: 'cancelled', jobId: 1 });
    expect(of(2).at(-1)).toMatchObject({ type: 'result', jobId: 2 });
    expect(of(2).at(-1)).toHaveProperty('changes.length', 3);
  });

  it('reports a bad expression in the result, once, and still computes the other formulas', async () => {
    const { handle, finish, of } = harness({ chunkSize: 2 });
    const broken: TableFormula = { id: 'broken', expression: { LEFT: [] } };

    handle(evaluateMessage(1, customers(4), [score, broken]));
    await finish();

    const result = of(1).at(-1);
    expect(result).toMatchObject({
      type: 'result',
      errors: [{ fieldId: 'broken', phase: 'compile', code: 'argumentCount' }],
    });
    expect(result).toHaveProperty('errors.length', 1);
    expect(result).toHaveProperty('changes.length', 4);
  });

  it('fails a job whose formulas read each other in a loop, naming the loop', async () => {
    const { handle, finish, of } = harness();
    const a: TableFormula = { id: 'a', name: 'A', expression: { var: 'b' } };
    const b: TableFormula = { id: 'b', name: 'B', expression: { var: 'a' } };

    handle(evaluateMessage(3, customers(2), [a, b]));
    await finish();

    expect(of(3)).toEqual([
      {
        type: 'failed',
        jobId: 3,
        message: 'These formulas read each other in a loop: A → B → A',
        reason: {
          kind: 'cycle',
          fieldIds: ['a', 'b', 'a'],
          cycle: 'A → B → A',
          message: 'These formulas read each other in a loop: A → B → A',
        },
      },
    ]);
  });

  it('fails a malformed request instead of throwing', async () => {
    const { handle, finish, of } = harness();

    handle({ ...evaluateMessage(4, []), records: 'all of them' });
    handle({ ...evaluateMessage(5, []), now: Number.NaN });
    await finish();

    expect(of(4)).toEqual([
      { type: 'failed', jobId: 4, message: 'Invalid evaluation request: records must be a list' },
    ]);
    expect(of(5)).toEqual([
      {
        type: 'failed',
        jobId: 5,
        message: 'Invalid evaluation request: now must be a finite number (epoch ms)',
      },
    ]);
  });

  it('fails a job on an unexpected exception while evaluating, and keeps serving others', async () => {
    const { handle, finish, of } = harness({ chunkSize: 1 });
    const hostile: TableRecord = {
      id: 'bad',
      values: {
        get spend(): number {
          throw new TypeError('value cannot be read');
        },
      },
    };

    handle(evaluateMessage(1, [...customers(2), hostile]));
    handle(evaluateMessage(2, customers(2)));
    await finish();

    expect(of(1).at(-1)).toEqual({ type: 'failed', jobId: 1, message: 'TypeError: value cannot be read' });
    expect(of(2).at(-1)).toMatchObject({ type: 'result', jobId: 2 });
  });

  it('refuses a second job with the id of a running one', async () => {
    const { handle, finish, of } = harness();

    handle(evaluateMessage(1, customers(2)));
    handle(evaluateMessage(1, customers(2)));
    await finish();

    expect(of(1).map((message) => message.type)).toEqual(['progress', 'failed', 'result']);
  });

  it('answers an empty table at once with an empty result', () => {
    const { handle, of } = harness();

    handle(evaluateMessage(1, []));

    expect(of(1)).toEqual([
      { type: 'progress', jobId: 1, done: 0, total: 0 },
      { type: 'result', jobId: 1, changes: [], errors: [] },
    ]);
  });

  it('ignores cancels of jobs that are not running and messages it does not know', async () => {
    const { handle, finish, posted } = harness();

    handle({ type: 'cancel', jobId: 99 });
    handle({ type: 'reticulate', jobId: 1 });
    handle('evaluate');
    handle(null);
    await finish();

    expect(posted).toEqual([]);
  });
});

describe('createMessageChannelYield', () => {
  it('resolves every waiting caller, in the order they asked', async () => {
    const yieldToEventLoop = createMessageChannelYield();
    const order: number[] = [];

    await Promise.all([1, 2, 3].map((at) => yieldToEventLoop().then(() => order.push(at))));

    expect(order).toEqual([1, 2, 3]);
  });
});
