// The table worker's message handling, driven without a worker over a fake-indexeddb database: open → query →
// applyChanges → query, superseded queries, recomputes that persist, cancel.
import { describe, expect, it, onTestFinished } from 'vitest';
import type { DataRecord, Field, Table } from '../../src/engine';
import type { FromTableWorker } from '../../src/engine/query';
import { createStorage } from '../../src/storage';
import { createTableProtocol, openTableStorage } from '../../src/workers/table-protocol';
import { databaseName, START } from '../storage/support';

const fields: Field[] = [
  { id: 'name', name: 'Name', kind: 'text' },
  { id: 'spend', name: 'Spend', kind: 'number' },
  {
    id: 'score',
    name: 'Score',
    kind: 'formula',
    expression: { '*': [{ var: 'spend' }, 2] },
    resultType: 'number',
  },
  {
    id: 'tier',
    name: 'Tier',
    kind: 'tier',
    rules: [{ id: 'gold', label: 'Gold', color: 'yellow', condition: { '>=': [{ var: 'score' }, 100] } }],
    fallback: { label: 'Basic', color: 'gray' },
  },
];

const table: Table = {
  id: 'tbl',
  name: 'Customers',
  createdAt: START,
  updatedAt: START,
  version: 1,
  fields,
  views: [],
};

function record(index: number, values: DataRecord['values']): DataRecord {
  return {
    id: `r${String(index).padStart(4, '0')}`,
    tableId: 'tbl',
    values,
    createdAt: START,
    updatedAt: START,
    version: 1,
    deleted: false,
  };
}

async function seed(count: number): Promise<string> {
  const name = databaseName();
  const storage = createStorage({ name });
  await storage.connection.open();
  await storage.connection.db.records.bulkAdd(
    Array.from({ length: count }, (_, index) => ({
      ...record(index, { name: `c${index}`, spend: index }),
      deleted: 0 as const,
    })),
  );
  storage.connection.close();
  return name;
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function harness(dbName: string, wait?: (ms: number) => Promise<void>) {
  const posted: FromTableWorker[] = [];
  const handle = createTableProtocol(
    {
      ...(wait ? { wait } : {}),
      post: (message) => posted.push(structuredClone(message)),
      yieldToEventLoop: tick,
      now: () => performance.now(),
      openStorage: (name) => {
        const storage = openTableStorage(name, 16);
        onTestFinished(() => {
          storage.close();
        });
        return storage;
      },
    },
    { chunkSize: 8, progressIntervalMs: 0 },
  );
  const waitFor = async <T extends FromTableWorker['type']>(
    type: T,
    accept: (message: Extract<FromTableWorker, { type: T }>) => boolean = () => true,
  ): Promise<Extract<FromTableWorker, { type: T }>> => {
    for (let turn = 0; turn < 2000; turn++) {
      const found = posted.find(
        (message): message is Extract<FromTableWorker, { type: T }> =>
          message.type === type && accept(message as Extract<FromTableWorker, { type: T }>),
      );
      if (found) return found;
      await tick();
    }
    throw new Error(`No ${type} message; got ${posted.map((message) => message.type).join(', ')}`);
  };
  const open = () => {
    handle({ type: 'open', dbName, table, now: START, timeZone: 'UTC', locale: 'en' });
  };
  return { handle, posted, waitFor, open };
}

describe('table protocol', () => {
  it('loads the live records with progress, answers queries and follows applied changes', async () => {
    const dbName = await seed(40);
    const { handle, posted, waitFor, open } = harness(dbName);
    open();
    // A query sent while loading is answered once the table is in memory.
    handle({ type: 'query', queryId: 1, sorts: [{ fieldId: 'spend', direction: 'desc' }] });
    expect((await waitFor('ready')).count).toBe(40);
    const loading = posted.filter((message) => message.type === 'loading');
    expect(loading.at(0)).toEqual({ type: 'loading', loaded: 0, total: 40 });
    expect(loading.at(-1)).toEqual({ type: 'loading', loaded: 40, total: 40 });
    const first = await waitFor('result', (message) => message.queryId === 1);
    expect(first.ids.slice(0, 3)).toEqual(['r0039', 'r0038', 'r0037']);
    expect(first.total).toBe(40);

    handle({
      type: 'applyChanges',
      upserts: [record(5, { name: 'c5', spend: 1000 }), record(100, { name: 'new', spend: 999 })],
      deletedIds: ['r0039'],
    });
    handle({
      type: 'query',
      queryId: 2,
      sorts: [{ fieldId: 'spend', direction: 'desc' }],
      filter: {
        id: 'g',
        conjunction: 'and',
        conditions: [{ id: 'c', fieldId: 'spend', operator: 'gte', value: 38 }],
      },
    });
    const second = await waitFor('result', (message) => message.queryId === 2);
    expect(second.ids).toEqual(['r0005', 'r0100', 'r0038']);
    expect(second.total).toBe(40);
    expect(second.matched).toBe(3);
  });

  it('answers only the newest of queries sent together', async () => {
    const dbName = await seed(5);
    const { handle, posted, waitFor, open } = harness(dbName);
    open();
    await waitFor('ready');
    handle({ type: 'query', queryId: 1, search: 'c1' });
    handle({ type: 'query', queryId: 2, search: 'c2' });
    handle({ type: 'query', queryId: 3, search: 'c3' });
    expect((await waitFor('result')).queryId).toBe(3);
    await tick();
    expect(posted.filter((message) => message.type === 'result')).toHaveLength(1);
  });

  it('recomputes formula and tier fields, persists them and uses them in later queries', async () => {
    const dbName = await seed(60);
    const { handle, posted, waitFor, open } = harness(dbName);
    open();
    await waitFor('ready');
    handle({ type: 'recompute', jobId: 7 });
    const done = await waitFor('recomputed');
    expect(done.changed).toBe(60);
    expect(done.errors).toEqual([]);
    expect(
      posted.some((message) => message.type === 'progress' && message.done > 0 && message.done < 60),
    ).toBe(true);

    const storage = createStorage({ name: dbName });
    onTestFinished(() => {
      storage.connection.close();
    });
    const stored = await storage.connection.db.records.get(['tbl', 'r0050']);
    expect(stored?.values).toEqual({ name: 'c50', spend: 50, score: 100, tier: 'Gold' });
    expect(stored?.updatedAt).toBe(START);

    handle({
      type: 'query',
      queryId: 1,
      filter: {
        id: 'g',
        conjunction: 'and',
        conditions: [{ id: 'c', fieldId: 'tier', operator: 'is', value: 'gold' }],
      },
      groupByFieldId: 'tier',
    });
    const result = await waitFor('result');
    expect(result.matched).toBe(10);
    expect(result.groups?.map((group) => [group.label, group.count, group.aggregates.score?.sum])).toEqual([
      ['Gold', 10, (50 + 59) * 5 * 2],
    ]);
  });

  it('serves the new values from memory as soon as they are computed, before they are stored', async () => {
    const dbName = await seed(30);
    const { handle, posted, waitFor, open } = harness(dbName);
    open();
    await waitFor('ready');
    handle({ type: 'recompute', jobId: 3 });
    await waitFor('evaluated');
    const order = posted.map((message) => message.type);
    expect(order.indexOf('evaluated')).toBeLessThan(
      order.indexOf('recomputed') === -1 ? Infinity : order.indexOf('recomputed'),
    );

    handle({ type: 'records', requestId: 11, ids: ['r0005', 'missing'] });
    const byId = await waitFor('records', (message) => message.requestId === 11);
    expect(byId.records[0]?.values).toMatchObject({ spend: 5, score: 10 });
    expect(byId.records[0]?.createdAt).toBe(START);
    expect(byId.records[1]).toBeNull();

    handle({ type: 'records', requestId: 12, offset: 28, limit: 5 });
    const window = await waitFor('records', (message) => message.requestId === 12);
    expect(window.records.map((found) => found?.id)).toEqual(['r0028', 'r0029']);
    await waitFor('recomputed');
  });

  it('waits for the page to read the new values before storing them (at most a moment)', async () => {
    const dbName = await seed(20);
    // A wait that never ends: only the page's read lets the worker go on to store.
    const { handle, posted, waitFor, open } = harness(dbName, () => new Promise(() => undefined));
    open();
    await waitFor('ready');
    handle({ type: 'recompute', jobId: 4 });
    await waitFor('evaluated');
    for (let turn = 0; turn < 20; turn++) await tick();
    expect(posted.some((message) => message.type === 'recomputed')).toBe(false);

    handle({ type: 'records', requestId: 1, offset: 0, limit: 10 });
    await waitFor('records');
    expect((await waitFor('recomputed')).changed).toBe(20);
  });

  it('does not write results for records edited during the recompute', async () => {
    const dbName = await seed(40);
    const { handle, waitFor, open } = harness(dbName);
    open();
    await waitFor('ready');
    handle({ type: 'recompute', jobId: 1 });
    await waitFor('progress', (message) => message.done > 0);
    // The page wrote an edit (with its own computed values) while the job was running.
    handle({
      type: 'applyChanges',
      upserts: [record(3, { name: 'c3', spend: 70, score: 140, tier: 'Gold' })],
      deletedIds: [],
    });
    const done = await waitFor('recomputed');
    expect(done.changed).toBe(39);
    const storage = createStorage({ name: dbName });
    onTestFinished(() => {
      storage.connection.close();
    });
    expect((await storage.connection.db.records.get(['tbl', 'r0003']))?.values).toEqual({
      name: 'c3',
      spend: 3,
    });
  });

  it('cancels a recompute between chunks without writing anything', async () => {
    const dbName = await seed(80);
    const { handle, waitFor, open } = harness(dbName);
    open();
    await waitFor('ready');
    handle({ type: 'recompute', jobId: 3 });
    handle({ type: 'cancel', jobId: 3 });
    expect(await waitFor('cancelled')).toEqual({ type: 'cancelled', jobId: 3 });
    const storage = createStorage({ name: dbName });
    onTestFinished(() => {
      storage.connection.close();
    });
    expect((await storage.connection.db.records.get(['tbl', 'r0001']))?.values).toEqual({
      name: 'c1',
      spend: 1,
    });
  });

  it('fails a recompute of formulas that read each other in a loop, naming the loop', async () => {
    const dbName = await seed(2);
    const { handle, waitFor, open } = harness(dbName);
    open();
    await waitFor('ready');
    handle({
      type: 'setTable',
      table: {
        ...table,
        fields: [
          { id: 'a', name: 'A', kind: 'formula', expression: { var: 'b' } },
          { id: 'b', name: 'B', kind: 'formula', expression: { var: 'a' } },
        ],
      },
    });
    handle({ type: 'recompute', jobId: 1 });
    const failed = await waitFor('failed');
    expect(failed.reason?.kind).toBe('cycle');
  });

  it('answers queries before any open with a failure', async () => {
    const { handle, waitFor } = harness('unused');
    handle({ type: 'query', queryId: 1 });
    expect((await waitFor('queryFailed')).message).toMatch(/not open/);
  });
});

describe('table protocol with linked tables', () => {
  const orders: Table = {
    id: 'ord',
    name: 'Orders',
    createdAt: START,
    updatedAt: START,
    version: 1,
    views: [],
    fields: [
      { id: 'amount', name: 'Amount', kind: 'number' },
      {
        id: 'buyer',
        name: 'Buyer',
        kind: 'link',
        targetTableId: 'tbl',
        inverseFieldId: 'orders',
        multiple: false,
      },
    ],
  };
  const linked: Table = {
    ...table,
    fields: [
      { id: 'name', name: 'Name', kind: 'text' },
      {
        id: 'orders',
        name: 'Orders',
        kind: 'link',
        targetTableId: 'ord',
        inverseFieldId: 'buyer',
        multiple: true,
      },
      {
        id: 'total',
        name: 'Total',
        kind: 'rollup',
        linkFieldId: 'orders',
        targetFieldId: 'amount',
        aggregate: 'sum',
      },
      {
        id: 'big',
        name: 'Big orders',
        kind: 'rollup',
        linkFieldId: 'orders',
        aggregate: 'count',
        filter: { '>': [{ var: 'amount' }, 50] },
      },
      // A formula reading the rollup: computed after it, in the same job.
      { id: 'double', name: 'Double', kind: 'formula', expression: { '*': [{ var: 'total' }, 2] } },
    ],
  };

  async function seedLinked(): Promise<string> {
    const name = databaseName();
    const storage = createStorage({ name });
    await storage.connection.open();
    const { db } = storage.connection;
    await db.tableDefs.bulkAdd([
      { ...linked, appId: 'app', order: 0, schemaVersion: 2 },
      { ...orders, appId: 'app', order: 1, schemaVersion: 2 },
    ]);
    const row = (tableId: string, id: string, values: DataRecord['values']) => ({
      id,
      tableId,
      values,
      createdAt: START,
      updatedAt: START,
      version: 1,
      deleted: 0 as const,
    });
    await db.records.bulkAdd([
      row('tbl', 'c1', { name: 'Ann', orders: ['o1', 'o2'] }),
      row('tbl', 'c2', { name: 'Bob', orders: ['o3'], total: 999 }),
      row('tbl', 'c3', { name: 'Cy' }),
      row('ord', 'o1', { amount: 80, buyer: ['c1'] }),
      row('ord', 'o2', { amount: 40, buyer: ['c1'] }),
      row('ord', 'o3', { amount: 60, buyer: ['c2'] }),
      { ...row('ord', 'o4', { amount: 1000, buyer: ['c3'] }), deleted: 1 as const },
    ]);
    storage.connection.close();
    return name;
  }

  it('fills rollups from the linked table, then formulas reading them, and persists both', async () => {
    const dbName = await seedLinked();
    const { handle, waitFor } = harness(dbName);
    handle({ type: 'open', dbName, table: linked, now: START, timeZone: 'UTC', locale: 'en' });
    await waitFor('ready');
    handle({ type: 'recompute', jobId: 1 });
    const done = await waitFor('recomputed');
    expect(done.errors).toEqual([]);
    const storage = createStorage({ name: dbName });
    onTestFinished(() => {
      storage.connection.close();
    });
    const stored = await storage.connection.db.records.bulkGet([
      ['tbl', 'c1'],
      ['tbl', 'c2'],
      ['tbl', 'c3'],
    ]);
    expect(stored.map((row) => row?.values)).toEqual([
      { name: 'Ann', orders: ['o1', 'o2'], total: 120, big: 1, double: 240 },
      { name: 'Bob', orders: ['o3'], total: 60, big: 1, double: 120 },
      // The deleted order is no linked record.
      { name: 'Cy', total: 0, big: 0, double: 0 },
    ]);
    expect(done.changed).toBe(3);
  });

  it('skips lookups when the recompute names only formula fields', async () => {
    const dbName = await seedLinked();
    const { handle, waitFor } = harness(dbName);
    handle({ type: 'open', dbName, table: linked, now: START, timeZone: 'UTC', locale: 'en' });
    await waitFor('ready');
    handle({ type: 'recompute', jobId: 2, fieldIds: ['double'] });
    await waitFor('recomputed');
    const storage = createStorage({ name: dbName });
    onTestFinished(() => {
      storage.connection.close();
    });
    // Bob's stale stored total stays; the formula reads it as stored.
    expect((await storage.connection.db.records.get(['tbl', 'c2']))?.values).toMatchObject({
      total: 999,
      double: 1998,
    });
  });
});
