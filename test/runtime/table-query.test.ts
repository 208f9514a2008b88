// The page's bridge to the table worker, with a fake worker running the real protocol over fake-indexeddb: open,
// queries (a newer one aborts the older), recompute progress and cancel, crash and stall recovery.
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Table } from '../../src/engine';
import type { FromTableWorker, ToTableWorker } from '../../src/engine/query';
import { createTableQuery, TableQueryError, type TableWorker } from '../../src/runtime/table-query';
import { createStorage } from '../../src/storage';
import { createTableProtocol } from '../../src/workers/table-protocol';
import { databaseName, START } from '../storage/support';

const table: Table = {
  id: 'tbl',
  name: 'Customers',
  createdAt: START,
  updatedAt: START,
  version: 1,
  fields: [
    { id: 'spend', name: 'Spend', kind: 'number' },
    {
      id: 'score',
      name: 'Score',
      kind: 'formula',
      expression: { '+': [{ var: 'spend' }, 1] },
      resultType: 'number',
    },
  ],
  views: [],
};

const ENV = { now: START, timeZone: 'UTC', locale: 'en' };

async function seed(count: number): Promise<string> {
  const name = databaseName();
  const storage = createStorage({ name });
  await storage.connection.open();
  await storage.connection.db.records.bulkAdd(
    Array.from({ length: count }, (_, index) => ({
      id: `r${String(index).padStart(4, '0')}`,
      tableId: 'tbl',
      values: { spend: index },
      createdAt: START,
      updatedAt: START,
      version: 1,
      deleted: 0 as const,
    })),
  );
  storage.connection.close();
  return name;
}

/** A worker without the worker: messages are structured-cloned and delivered on later event-loop turns. */
class FakeWorker implements TableWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  terminated = false;
  readonly received: ToTableWorker[] = [];
  private readonly handle: ((message: unknown) => void) | undefined;

  constructor(runsProtocol = true) {
    this.handle = runsProtocol
      ? createTableProtocol(
          {
            post: (message) => {
              this.emit(message);
            },
            yieldToEventLoop: () => new Promise((resolve) => setTimeout(resolve, 0)),
            now: () => performance.now(),
          },
          { chunkSize: 4, progressIntervalMs: 0, loadChunkSize: 8 },
        )
      : undefined;
  }

  postMessage(message: ToTableWorker): void {
    const copy = structuredClone(message);
    this.received.push(copy);
    setTimeout(() => {
      if (!this.terminated) this.handle?.(copy);
    }, 0);
  }

  terminate(): void {
    this.terminated = true;
  }

  emit(message: FromTableWorker): void {
    const copy = structuredClone(message);
    setTimeout(() => {
      if (!this.terminated) this.onmessage?.(new MessageEvent('message', { data: copy }));
    }, 0);
  }

  crash(): void {
    // Node has no ErrorEvent: an Event carrying a message stands in, as a crashed worker's error event would.
    const event = Object.assign(new Event('error', { cancelable: true }), { message: 'out of memory' });
    this.onerror?.(event as ErrorEvent);
  }
}

function service(options: { stallTimeoutMs?: number; runsProtocol?: boolean } = {}) {
  const workers: FakeWorker[] = [];
  const bridge = createTableQuery(
    () => {
      const worker = new FakeWorker(options.runsProtocol ?? true);
      workers.push(worker);
      return worker;
    },
    options.stallTimeoutMs !== undefined ? { stallTimeoutMs: options.stallTimeoutMs } : {},
  );
  onTestFinished(() => {
    bridge.close();
  });
  return { bridge, workers };
}

describe('createTableQuery', () => {
  it('opens a table and answers queries with ordered ids', async () => {
    const { bridge } = service();
    expect(await bridge.open(await seed(20), table, ENV)).toEqual({ count: 20 });
    const result = await bridge.query({ sorts: [{ fieldId: 'spend', direction: 'desc' }] });
    expect(result.ids.slice(0, 2)).toEqual(['r0019', 'r0018']);
    expect(result.matched).toBe(20);
    expect(result.ms).toBeGreaterThanOrEqual(0);
  });

  it('rejects an older query with an AbortError when a newer one is sent', async () => {
    const { bridge } = service();
    await bridge.open(await seed(5), table, ENV);
    const older = bridge.query({ search: 'x' });
    const newer = bridge.query({ sorts: [{ fieldId: 'spend', direction: 'desc' }] });
    await expect(older).rejects.toMatchObject({ name: 'AbortError' });
    expect((await newer).ids[0]).toBe('r0004');
  });

  it('sees records after applyChanges', async () => {
    const { bridge } = service();
    await bridge.open(await seed(3), table, ENV);
    bridge.applyChanges(
      [
        {
          id: 'r9999',
          tableId: 'tbl',
          values: { spend: 99 },
          createdAt: START,
          updatedAt: START,
          version: 1,
          deleted: false,
        },
      ],
      ['r0000'],
    );
    expect((await bridge.query({})).ids).toEqual(['r0001', 'r0002', 'r9999']);
  });

  it('recomputes with progress and reports what changed', async () => {
    const { bridge } = service();
    const loaded: [number, number][] = [];
    await bridge.open(await seed(12), table, ENV, (done, total) => loaded.push([done, total]));
    expect(loaded.at(-1)).toEqual([12, 12]);
    const progress: number[] = [];
    const evaluated: number[] = [];
    const result = await bridge.recompute(undefined, {
      onProgress: ({ done }) => progress.push(done),
      onEvaluated: ({ changed }) => evaluated.push(changed),
    });
    expect(result.changed).toBe(12);
    expect(evaluated).toEqual([12]);
    const [first, missing] = await bridge.readRecords({ ids: ['r0011', 'nope'] });
    expect(first?.values.score).toBe(12);
    expect(missing).toBeNull();
    expect((await bridge.readRecords({ offset: 10, limit: 5 })).map((found) => found?.id)).toEqual([
      'r0010',
      'r0011',
    ]);
    expect(progress.some((done) => done > 0 && done < 12)).toBe(true);
    const sorted = await bridge.query({
      filter: {
        id: 'g',
        conjunction: 'and',
        conditions: [{ id: 'c', fieldId: 'score', operator: 'gt', value: 10 }],
      },
    });
    expect(sorted.ids).toEqual(['r0010', 'r0011']);
  });

  it('cancels a recompute through its AbortSignal', async () => {
    const { bridge, workers } = service();
    await bridge.open(await seed(40), table, ENV);
    const controller = new AbortController();
    const job = bridge.recompute(undefined, { signal: controller.signal });
    controller.abort();
    await expect(job).rejects.toMatchObject({ name: 'AbortError' });
    expect(workers[0]?.received.map((message) => message.type)).toContain('cancel');
  });

  it('rejects pending calls when the worker crashes and reopens the table on the next query', async () => {
    const { bridge, workers } = service();
    await bridge.open(await seed(6), table, ENV);
    const pending = bridge.query({});
    workers[0]?.crash();
    await expect(pending).rejects.toMatchObject({ name: 'TableQueryError', code: 'crashed' });
    await expect(pending).rejects.toThrow('out of memory');
    expect(workers[0]?.terminated).toBe(true);
    const again = await bridge.query({ sorts: [{ fieldId: 'spend', direction: 'desc' }] });
    expect(workers).toHaveLength(2);
    expect(again.ids[0]).toBe('r0005');
  });

  it('takes a worker that stops answering for crashed', async () => {
    const { bridge } = service({ stallTimeoutMs: 30, runsProtocol: false });
    await expect(bridge.open('db', table, ENV)).rejects.toMatchObject({ code: 'crashed' });
  });

  it('refuses queries before a table is opened', async () => {
    const { bridge } = service();
    const error = await bridge.query({}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TableQueryError);
    expect(error).toMatchObject({ code: 'notOpen' });
  });
});
