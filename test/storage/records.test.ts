// Records in storage: windows in creation order, counts, versioned updates and deletion tombstones.
import { describe, expect, it } from 'vitest';
import { createStorage } from '../../src/storage';
import { must } from '../engine/model/documents';
import { databaseName, openTestStorage, START } from './support';

async function tableWithRecords(count: number) {
  const test = await openTestStorage();
  const app = await test.storage.definitions.createApp({ name: 'CRM' });
  const table = await test.storage.definitions.createTable(app.id, 'Customers');
  const ids = await test.storage.records.addRecords(
    table.id,
    Array.from({ length: count }, (_, index) => ({ n: index })),
  );
  return { ...test, tableId: table.id, ids };
}

describe('adding and reading records', () => {
  it('adds records at version 1, stamped now, and returns their ids in order', async () => {
    const { storage, tableId, ids } = await tableWithRecords(3);

    const window = await storage.records.readWindow(tableId, 0, 10);

    expect(window.map((record) => record.id)).toEqual(ids);
    expect(window[0]).toEqual({
      id: ids[0],
      tableId,
      values: { n: 0 },
      createdAt: START,
      updatedAt: START,
      version: 1,
      deleted: false,
    });
  });

  it('reads a window by offset and limit, in creation order across separate adds', async () => {
    const { storage, tableId } = await tableWithRecords(5);
    await storage.records.addRecords(tableId, [{ n: 5 }, { n: 6 }]);

    const values = async (offset: number, limit: number) =>
      (await storage.records.readWindow(tableId, offset, limit)).map((record) => record.values.n);

    expect(await values(0, 3)).toEqual([0, 1, 2]);
    expect(await values(3, 3)).toEqual([3, 4, 5]);
    expect(await values(6, 3)).toEqual([6]);
    expect(await values(7, 3)).toEqual([]);
  });

  it('keeps creation order with the real time-ordered ids', async () => {
    const storage = createStorage({ name: databaseName() });
    await storage.connection.open();
    const app = await storage.definitions.createApp({ name: 'CRM' });
    const table = await storage.definitions.createTable(app.id, 'Customers');
    for (let batch = 0; batch < 5; batch += 1) {
      await storage.records.addRecords(
        table.id,
        Array.from({ length: 40 }, (_, index) => ({ n: batch * 40 + index })),
      );
    }

    const window = await storage.records.readWindow(table.id, 0, 200);
    storage.connection.close();

    expect(window.map((record) => record.values.n)).toEqual(Array.from({ length: 200 }, (_, index) => index));
  });

  it('counts the live records of one table only', async () => {
    const { storage, tableId } = await tableWithRecords(4);
    const app = await storage.definitions.createApp({ name: 'Other' });
    const other = await storage.definitions.createTable(app.id, 'Other');
    await storage.records.addRecords(other.id, [{ x: 1 }]);

    expect(await storage.records.countRecords(tableId)).toBe(4);
    expect(await storage.records.countRecords(other.id)).toBe(1);
    expect((await storage.records.readWindow(other.id, 0, 10)).map((record) => record.values)).toEqual([
      { x: 1 },
    ]);
  });

  it('refuses records for a table that does not exist and stores none of them', async () => {
    const { storage } = await tableWithRecords(1);

    await expect(storage.records.addRecords('no-such-table', [{ a: 1 }, { a: 2 }])).rejects.toMatchObject({
      name: 'StorageError',
    });
    expect(await storage.records.countRecords('no-such-table')).toBe(0);
    expect((await storage.backup.exportWorkspace()).records).toHaveLength(1);
  });
});

describe('updating records', () => {
  it('merges the changed values, bumps the version and stamps the time', async () => {
    const { storage, clock, tableId, ids } = await tableWithRecords(2);
    const id = must(ids[1]);
    clock.now += 7000;

    const updated = await storage.records.updateRecord(tableId, id, { n: 10, note: 'called' });
    clock.now += 1000;
    const again = await storage.records.updateRecord(tableId, id, { note: 'called twice' });

    expect(updated).toMatchObject({ version: 2, updatedAt: START + 7000, values: { n: 10, note: 'called' } });
    expect(again).toMatchObject({
      version: 3,
      updatedAt: START + 8000,
      values: { n: 10, note: 'called twice' },
    });
    const window = await storage.records.readWindow(tableId, 0, 10);
    expect(window[1]).toEqual(again);
    expect(window[1]?.createdAt).toBe(START);
    expect(window[0]).toMatchObject({ version: 1, values: { n: 0 } });
  });

  it('refuses to update a deleted record', async () => {
    const { storage, tableId, ids } = await tableWithRecords(1);
    const id = must(ids[0]);
    await storage.records.deleteRecords(tableId, [id]);

    await expect(storage.records.updateRecord(tableId, id, { n: 1 })).rejects.toMatchObject({
      name: 'StorageError',
    });
  });
});

describe('deleting records', () => {
  it('leaves tombstones that are neither counted nor read, but kept in the export', async () => {
    const { storage, clock, tableId, ids } = await tableWithRecords(4);
    const [first, second, third, fourth] = [0, 1, 2, 3].map((index) => must(ids[index]));
    clock.now += 3000;

    await storage.records.deleteRecords(tableId, [must(second), must(third)]);

    expect(await storage.records.countRecords(tableId)).toBe(2);
    expect((await storage.records.readWindow(tableId, 0, 10)).map((record) => record.values.n)).toEqual([
      0, 3,
    ]);
    expect((await storage.records.readWindow(tableId, 1, 10)).map((record) => record.values.n)).toEqual([3]);
    const exported = await storage.backup.exportWorkspace();
    expect(exported.records.map((record) => [record.id, record.deleted])).toEqual([
      [first, false],
      [second, true],
      [third, true],
      [fourth, false],
    ]);
    expect(exported.records[1]).toMatchObject({ version: 2, updatedAt: START + 3000 });
  });

  it('ignores records that are already deleted or do not exist', async () => {
    const { storage, clock, tableId, ids } = await tableWithRecords(2);
    const id = must(ids[0]);
    await storage.records.deleteRecords(tableId, [id]);
    clock.now += 1000;

    await storage.records.deleteRecords(tableId, [id, 'no-such-record']);

    const exported = await storage.backup.exportWorkspace();
    expect(
      exported.records.map((record) => [record.id, record.deleted, record.version, record.updatedAt]),
    ).toEqual([
      [id, true, 2, START],
      [ids[1], false, 1, START],
    ]);
  });
});
