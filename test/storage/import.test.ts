// Storing an import: fields, options, auto numbers, computed values and records in one transaction, all or nothing.
import { describe, expect, it } from 'vitest';
import type { Field } from '../../src/engine';
import { ImportRepository, ImportTableMissingError } from '../../src/storage/import';
import { StorageError } from '../../src/storage';
import { openTestStorage, sequentialIds, START } from './support';

const FIELDS: Field[] = [
  { id: 'name', name: 'Name', kind: 'text' },
  { id: 'spend', name: 'Spend', kind: 'number' },
  {
    id: 'level',
    name: 'Level',
    kind: 'singleSelect',
    options: [{ id: 'o1', name: 'Gold', color: 'yellow' }],
  },
  { id: 'no', name: 'No.', kind: 'autoNumber', prefix: 'KH-', dateFormat: 'yyyyMMdd', digits: 4 },
  {
    id: 'tier',
    name: 'Tier',
    kind: 'tier',
    rules: [{ id: 'r', label: 'High', color: 'red', condition: { '>=': [{ var: 'spend' }, 100] } }],
    fallback: { label: 'General', color: 'gray' },
  },
];

async function setup() {
  const test = await openTestStorage();
  const app = await test.storage.definitions.createApp({ name: 'CRM' });
  const table = await test.storage.definitions.createTable(app.id, 'Customers', {
    fields: FIELDS,
    views: [],
  });
  const imports = new ImportRepository(test.storage.connection.db, {
    now: () => test.clock.now,
    newId: sequentialIds('imp'),
  });
  const snapshot = async () => ({
    table: await test.storage.connection.db.tableDefs.get(table.id),
    records: await test.storage.connection.db.records.toArray(),
    sequences: await test.storage.connection.db.sequences.toArray(),
  });
  return { ...test, tableId: table.id, imports, snapshot };
}

const NEW_FIELD: Field = { id: 'city', name: 'City', kind: 'text' };
const SILVER = { id: 'o2', name: 'Silver', color: 'gray' as const };

describe('importing records into storage', () => {
  it('adds fields, options, auto numbers, tiers and the records in one go', async () => {
    const { imports, tableId, snapshot, storage } = await setup();

    const result = await imports.importRecords(
      tableId,
      { newFields: [NEW_FIELD], newOptions: [{ fieldId: 'level', options: [SILVER] }] },
      [
        { name: 'A', spend: 150, level: 'o2', city: '上海' },
        { name: 'B', spend: 5 },
      ],
      { timeZone: 'UTC' },
    );

    const after = await snapshot();
    expect(after.table?.fields.map((field) => field.id)).toEqual([
      'name',
      'spend',
      'level',
      'no',
      'tier',
      'city',
    ]);
    expect(after.table?.fields[2]).toMatchObject({ options: [{ id: 'o1' }, SILVER] });
    expect(after.table?.version).toBe(2);
    const window = await storage.records.readWindow(tableId, 0, 10);
    expect(window.map((record) => record.id)).toEqual(result.recordIds);
    expect(window.map((record) => record.values)).toEqual([
      { name: 'A', spend: 150, level: 'o2', city: '上海', no: 'KH-20260101-0001', tier: 'High' },
      { name: 'B', spend: 5, no: 'KH-20260101-0002', tier: 'General' },
    ]);
    expect(window[0]).toMatchObject({ createdAt: START, updatedAt: START, version: 1, deleted: false });
    expect(after.sequences).toEqual([{ key: `${tableId}/no`, tableId, value: 2 }]);
  });

  it('is one undoable step: undo removes the records and the fields it added, redo brings them back', async () => {
    const { imports, tableId, storage } = await setup();
    await imports.importRecords(
      tableId,
      { newFields: [NEW_FIELD], newOptions: [] },
      [{ name: 'A' }, { name: 'B' }],
      {
        timeZone: 'UTC',
      },
    );
    expect(await storage.edits.historyState(tableId)).toEqual({
      undo: { label: 'history.import', params: { count: 2 } },
      redo: undefined,
    });
    const fieldIds = async () => (await storage.links.readTable(tableId))?.fields.map((field) => field.id);

    await storage.edits.undo(tableId);
    expect(await storage.records.countRecords(tableId)).toBe(0);
    expect(await fieldIds()).not.toContain('city');

    await storage.edits.redo(tableId);
    expect((await storage.records.readWindow(tableId, 0, 10)).map((record) => record.values.name)).toEqual([
      'A',
      'B',
    ]);
    expect(await fieldIds()).toContain('city');
  });

  it('refuses duplicates of a unique field, against the table and within the file, storing nothing', async () => {
    const { imports, tableId, snapshot, storage } = await setup();
    await storage.edits.changeTable(
      tableId,
      (table) => ({
        ...table,
        fields: table.fields.map((f) => (f.id === 'name' ? { ...f, unique: true } : f)),
      }),
      { label: 'history.changeField' },
      { timeZone: 'UTC' },
    );
    await imports.importRecords(tableId, { newFields: [], newOptions: [] }, [{ name: 'Ann' }], {
      timeZone: 'UTC',
    });
    const before = await snapshot();

    const again = imports.importRecords(
      tableId,
      { newFields: [], newOptions: [] },
      [{ name: 'Bob' }, { name: 'ann' }],
      {
        timeZone: 'UTC',
      },
    );
    await expect(again).rejects.toMatchObject({
      code: 'edits.notUnique',
      params: { field: 'Name', value: 'ann' },
    });
    const twice = imports.importRecords(
      tableId,
      { newFields: [], newOptions: [] },
      [{ name: 'Cy' }, { name: 'Cy' }],
      {
        timeZone: 'UTC',
      },
    );
    await expect(twice).rejects.toMatchObject({ code: 'edits.notUnique' });
    expect(await snapshot()).toEqual(before);
  });

  it('continues auto numbers where the last import stopped', async () => {
    const { imports, tableId, storage } = await setup();
    await imports.importRecords(tableId, { newFields: [], newOptions: [] }, [{ name: 'A' }]);
    await imports.importRecords(tableId, { newFields: [], newOptions: [] }, [{ name: 'B' }, { name: 'C' }]);
    const window = await storage.records.readWindow(tableId, 0, 10);
    expect(window.map((record) => record.values.no)).toEqual([
      'KH-20260101-0001',
      'KH-20260101-0002',
      'KH-20260101-0003',
    ]);
  });

  it('stores nothing (no field, no option, no counter) when the signal aborts while it runs', async () => {
    const { imports, tableId, snapshot } = await setup();
    const before = await snapshot();
    const controller = new AbortController();
    const values = Array.from({ length: 2000 }, (_, index) => ({ name: `n${index}` }));

    const pending = imports.importRecords(
      tableId,
      { newFields: [NEW_FIELD], newOptions: [{ fieldId: 'level', options: [SILVER] }] },
      values,
      { signal: controller.signal },
    );
    // Let the transaction start and the records be on their way before aborting.
    await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();

    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(await snapshot()).toEqual(before);
  });

  it('rolls everything back when storing a record fails', async () => {
    const test = await setup();
    const before = await test.snapshot();
    // Two records with one id: the second add fails inside the transaction.
    const clashing = new ImportRepository(test.storage.connection.db, {
      now: () => START,
      newId: () => 'same',
    });

    await expect(
      clashing.importRecords(test.tableId, { newFields: [NEW_FIELD], newOptions: [] }, [
        { name: 'A' },
        { name: 'B' },
      ]),
    ).rejects.toBeInstanceOf(StorageError);
    expect(await test.snapshot()).toEqual(before);
  });

  it('refuses a table in the trash', async () => {
    const { imports, tableId, storage } = await setup();
    await storage.definitions.trashTable(tableId);
    await expect(
      imports.importRecords(tableId, { newFields: [], newOptions: [] }, [{ name: 'A' }]),
    ).rejects.toBeInstanceOf(ImportTableMissingError);
  });

  it('reads live records by id in the order asked, skipping deleted and unknown ones', async () => {
    const { imports, tableId, storage } = await setup();
    const { recordIds } = await imports.importRecords(tableId, { newFields: [], newOptions: [] }, [
      { name: 'A' },
      { name: 'B' },
      { name: 'C' },
    ]);
    const [a, b, c] = recordIds;
    if (!a || !b || !c) throw new Error('three ids expected');
    await storage.records.deleteRecords(tableId, [b]);
    const read = await imports.readRecords(tableId, [c, 'nope', b, a]);
    expect(read.map((record) => record.values.name)).toEqual(['C', 'A']);
  });
});
