// Undoable table edits: definition changes (with kind conversion), record writes with computed fields and
// auto-numbers, and an undo log that survives a reload.
import { describe, expect, it } from 'vitest';
import { compileFormulaField, type Field, type Table } from '../../src/engine';
import { HISTORY_LIMIT, TableEditError } from '../../src/storage';
import { ScanRepository } from '../../src/storage/scan';
import { openTestStorage, START } from './support';

const UTC = { timeZone: 'UTC' };
const label = (name: string) => ({ label: `history.${name}` });

const NAME: Field = { id: 'name', name: 'Name', kind: 'text' };
const SPEND: Field = { id: 'spend', name: 'Total spend', kind: 'currency', currency: 'CNY' };
const ORDERS: Field = { id: 'orders', name: 'Orders', kind: 'number' };
const REGION: Field = {
  id: 'region',
  name: 'Region',
  kind: 'singleSelect',
  options: [
    { id: 'east', name: '华东', color: 'red' },
    { id: 'south', name: '华南', color: 'blue' },
  ],
};
const TIER: Field = {
  id: 'tier',
  name: 'Tier',
  kind: 'tier',
  rules: [
    { id: 'high', label: 'High value', color: 'green', condition: { '>=': [{ var: 'spend' }, 10000] } },
    { id: 'potential', label: 'Potential', color: 'blue', condition: { '>=': [{ var: 'orders' }, 3] } },
  ],
  fallback: { label: 'General', color: 'gray' },
};
const NUMBER: Field = {
  id: 'no',
  name: 'No.',
  kind: 'autoNumber',
  prefix: 'KH-',
  dateFormat: 'yyyyMMdd',
  digits: 4,
};

function formula(table: Pick<Table, 'fields'>, id: string, name: string, source: string): Field {
  const compiled = compileFormulaField(
    { id: 't', name: 'T', createdAt: 0, updatedAt: 0, version: 1, views: [], fields: table.fields },
    { id, name },
    source,
  );
  return { id, name, kind: 'formula', expression: compiled.json as never, resultType: 'boolean' };
}

async function customers(fields: Field[] = [NAME, SPEND, ORDERS, REGION, TIER, NUMBER]) {
  const test = await openTestStorage();
  const app = await test.storage.definitions.createApp({ name: 'CRM' });
  const table = await test.storage.definitions.createTable(app.id, 'Customers', { fields, views: [] });
  return { ...test, tableId: table.id };
}

describe('adding and editing records', () => {
  it('fills in tiers, formulas (reading selects by option name) and auto-numbers when records are added', async () => {
    const fields = [NAME, SPEND, ORDERS, REGION, TIER, NUMBER];
    const east = formula({ fields }, 'east', 'East', '{Region} = "华东"');
    const { storage, tableId } = await customers([...fields, east]);

    const added = await storage.edits.addRecords(
      tableId,
      [
        { name: 'A', spend: 12000, orders: 1, region: 'east' },
        { name: 'B', spend: 50, orders: 4, region: 'south' },
        { name: 'C', spend: 50, orders: 0 },
      ],
      label('addRecords'),
      UTC,
    );

    expect(added.map((record) => record.values.tier)).toEqual(['High value', 'Potential', 'General']);
    expect(added.map((record) => record.values.east)).toEqual([true, false, false]);
    expect(added.map((record) => record.values.no)).toEqual([
      'KH-20260101-0001',
      'KH-20260101-0002',
      'KH-20260101-0003',
    ]);
  });

  it('recomputes the tier when a value it reads changes, and ignores values typed into computed fields', async () => {
    const { storage, tableId } = await customers();
    const [record] = await storage.edits.addRecords(tableId, [{ spend: 100, orders: 0 }], label('add'), UTC);
    if (!record) throw new Error('no record');

    const [updated] = await storage.edits.updateRecords(
      tableId,
      [{ id: record.id, values: { spend: 20000, tier: 'Forged', no: 'X' } }],
      label('editCell'),
      UTC,
    );

    expect(updated?.values).toMatchObject({ spend: 20000, tier: 'High value', no: 'KH-20260101-0001' });
    expect(updated?.version).toBe(2);
  });

  it('continues auto-numbers across adds and restarts them each day when asked', async () => {
    const daily: Field = { ...NUMBER, resetWithDate: true };
    const { storage, tableId, clock } = await customers([NAME, daily]);
    await storage.edits.addRecords(tableId, [{}, {}], label('add'), UTC);
    const [third] = await storage.edits.addRecords(tableId, [{}], label('add'), UTC);
    clock.now = START + 86_400_000;
    const [nextDay] = await storage.edits.addRecords(tableId, [{}], label('add'), UTC);

    expect(third?.values.no).toBe('KH-20260101-0003');
    expect(nextDay?.values.no).toBe('KH-20260102-0001');
  });
});

describe('default values', () => {
  it('fills blank cells of new records with fixed, "today" and formula defaults, and keeps typed values', async () => {
    const stage: Field = { id: 'stage', name: 'Stage', kind: 'text', defaultValue: 'Lead' };
    const joined: Field = { id: 'joined', name: 'Joined', kind: 'date', defaultValue: 'today' };
    const budget: Field = { id: 'budget', name: 'Budget', kind: 'number', defaultValue: 100 };
    const target: Field = {
      id: 'target',
      name: 'Target',
      kind: 'number',
      defaultFormula: { MULTIPLY: [{ var: 'budget' }, 2] },
    };
    const { storage, tableId } = await customers([NAME, stage, joined, budget, target]);

    const [plain, typed] = await storage.edits.addRecords(
      tableId,
      [{ name: 'A' }, { name: 'B', stage: 'Won', budget: 7 }],
      label('add'),
      UTC,
    );

    expect(plain?.values).toMatchObject({ stage: 'Lead', joined: START, budget: 100, target: 200 });

    // "Current user" fills in the person using this device, when one is chosen.
    const owner: Field = { id: 'owner', name: 'Owner', kind: 'person', defaultValue: 'currentUser' };
    const other = await customers([NAME, owner]);
    const [mine] = await other.storage.edits.addRecords(other.tableId, [{}], label('add'), {
      ...UTC,
      currentUserId: 'person-1',
    });
    const [nobody] = await other.storage.edits.addRecords(other.tableId, [{}], label('add'), UTC);
    expect(mine?.values.owner).toBe('person-1');
    expect(nobody?.values.owner ?? null).toBeNull();
    expect(typed?.values).toMatchObject({ stage: 'Won', joined: START, budget: 7, target: 14 });
  });
});

describe('unique fields', () => {
  it('refuses a value another record holds (ignoring case), within a batch too, and stores nothing', async () => {
    const email: Field = { id: 'email', name: 'E-mail', kind: 'email', unique: true };
    const { storage, tableId } = await customers([NAME, email]);
    const [first, second] = await storage.edits.addRecords(
      tableId,
      [{ email: 'a@x.cn' }, { email: 'b@x.cn' }, {}],
      label('add'),
      UTC,
    );
    if (!first || !second) throw new Error('no records');

    const clash = storage.edits.updateRecords(
      tableId,
      [{ id: second.id, values: { email: 'A@x.cn' } }],
      label('e'),
      UTC,
    );
    await expect(clash).rejects.toMatchObject({
      code: 'edits.notUnique',
      params: { field: 'E-mail', value: 'A@x.cn' },
    });
    const twice = storage.edits.addRecords(
      tableId,
      [{ email: 'c@x.cn' }, { email: 'c@x.cn' }],
      label('add'),
      UTC,
    );
    await expect(twice).rejects.toBeInstanceOf(TableEditError);

    expect(await storage.records.countRecords(tableId)).toBe(3);
    expect((await storage.edits.getRecords(tableId, [second.id]))[0]?.values.email).toBe('b@x.cn');
    // A record may keep its own value, blanks never clash, and a swap through blank works.
    await storage.edits.updateRecords(
      tableId,
      [{ id: first.id, values: { email: 'a@x.cn', name: 'A' } }],
      label('e'),
      UTC,
    );
    await storage.edits.addRecords(tableId, [{}, { email: '' }], label('add'), UTC);
  });
});

describe('the recompute flag', () => {
  it('is set when a formula changes, with the change, and a recompute of that version clears it', async () => {
    const score: Field = { id: 'score', name: 'Score', kind: 'formula', expression: { var: 'spend' } };
    const { storage, tableId } = await customers([NAME, SPEND, score]);
    const renamed = await storage.edits.changeTable(
      tableId,
      (table) => ({
        ...table,
        name: 'Clients',
        fields: table.fields.map((f) => (f.id === 'name' ? { ...f, name: 'Who' } : f)),
      }),
      label('changeField'),
      UTC,
    );
    expect(renamed.recomputePending).toBeUndefined();

    const redefined = await storage.edits.changeTable(
      tableId,
      (table) => ({
        ...table,
        fields: table.fields.map((f) =>
          f.id === 'score' ? { ...score, expression: { '*': [{ var: 'spend' }, 2] } } : f,
        ),
      }),
      label('changeField'),
      UTC,
    );
    expect(redefined.recomputePending).toBe(true);

    // Values computed for an older definition leave the flag; those of the current one clear it with the values.
    const scan = new ScanRepository(storage.connection.db, { now: () => START, newId: () => 'x' });
    await scan.writeComputed(tableId, [], { complete: true, tableVersion: redefined.version - 1 });
    expect((await storage.links.readTable(tableId))?.recomputePending).toBe(true);
    await scan.writeComputed(tableId, [], { complete: true, tableVersion: redefined.version });
    expect((await storage.links.readTable(tableId))?.recomputePending).toBeUndefined();

    // Undoing the formula change owes a recompute again.
    await storage.edits.undo(tableId);
    expect((await storage.links.readTable(tableId))?.recomputePending).toBe(true);
  });
});

describe('undo and redo', () => {
  it('undoes and redoes an edit, newest first, and a new change drops the redo', async () => {
    const { storage, tableId } = await customers();
    const [record] = await storage.edits.addRecords(tableId, [{ orders: 1 }], label('add'), UTC);
    if (!record) throw new Error('no record');
    await storage.edits.updateRecords(
      tableId,
      [{ id: record.id, values: { orders: 5 } }],
      label('editCell'),
      UTC,
    );

    const undone = await storage.edits.undo(tableId);
    expect(undone?.label).toBe('history.editCell');
    expect((await storage.edits.getRecords(tableId, [record.id]))[0]?.values).toMatchObject({
      orders: 1,
      tier: 'General',
    });
    expect(await storage.edits.historyState(tableId)).toEqual({
      undo: { label: 'history.add' },
      redo: { label: 'history.editCell' },
    });

    await storage.edits.redo(tableId);
    expect((await storage.edits.getRecords(tableId, [record.id]))[0]?.values).toMatchObject({
      orders: 5,
      tier: 'Potential',
    });

    await storage.edits.undo(tableId);
    await storage.edits.updateRecords(
      tableId,
      [{ id: record.id, values: { orders: 2 } }],
      label('other'),
      UTC,
    );
    expect((await storage.edits.historyState(tableId)).redo).toBeUndefined();
  });

  it('undoes an add by deleting the records again, and a delete by bringing them back', async () => {
    const { storage, tableId } = await customers();
    const added = await storage.edits.addRecords(tableId, [{ name: 'A' }, { name: 'B' }], label('add'), UTC);
    const ids = added.map((record) => record.id);
    await storage.edits.deleteRecords(tableId, ids, label('deleteRecords'));
    expect(await storage.records.countRecords(tableId)).toBe(0);

    await storage.edits.undo(tableId);
    expect(await storage.records.countRecords(tableId)).toBe(2);
    await storage.edits.undo(tableId);
    expect(await storage.records.countRecords(tableId)).toBe(0);
    await storage.edits.redo(tableId);
    expect((await storage.records.readWindow(tableId, 0, 10)).map((record) => record.values.name)).toEqual([
      'A',
      'B',
    ]);
  });

  it('keeps the log across a reload (a new storage on the same database)', async () => {
    const { storage, tableId, name } = await customers();
    await storage.edits.addRecords(tableId, [{ name: 'A' }], label('add'), UTC);
    storage.connection.close();

    const reopened = await openTestStorage({ name, idPrefix: 'again' });
    expect((await reopened.storage.edits.historyState(tableId)).undo).toEqual({ label: 'history.add' });
    await reopened.storage.edits.undo(tableId);
    expect(await reopened.storage.records.countRecords(tableId)).toBe(0);
  });

  it(`keeps the last ${HISTORY_LIMIT} changes`, async () => {
    const { storage, tableId } = await customers([NAME]);
    const [record] = await storage.edits.addRecords(tableId, [{ name: '0' }], label('add'), UTC);
    if (!record) throw new Error('no record');
    for (let step = 1; step <= HISTORY_LIMIT + 5; step++)
      await storage.edits.updateRecords(
        tableId,
        [{ id: record.id, values: { name: String(step) } }],
        label('e'),
        UTC,
      );

    let undone = 0;
    while (await storage.edits.undo(tableId)) undone++;
    expect(undone).toBe(HISTORY_LIMIT);
    expect((await storage.edits.getRecords(tableId, [record.id]))[0]?.values.name).toBe('5');
  });
});

describe('changing the definition', () => {
  it('converts values when a field changes kind, clears those that do not convert, and undo restores them', async () => {
    const notes: Field = { id: 'notes', name: 'Notes', kind: 'text' };
    const { storage, tableId } = await customers([NAME, notes]);
    const added = await storage.edits.addRecords(
      tableId,
      [{ notes: '12' }, { notes: 'twelve' }, { notes: '3.5' }],
      label('add'),
      UTC,
    );
    const preview = await storage.edits.previewKindChange(
      tableId,
      notes,
      { id: 'notes', name: 'Notes', kind: 'number' },
      UTC,
    );
    expect(preview).toMatchObject({ converted: 2, failedCount: 1 });
    expect(preview.failed[0]?.value).toBe('twelve');

    await storage.edits.changeTable(
      tableId,
      (table) => ({
        ...table,
        fields: table.fields.map((field) =>
          field.id === 'notes' ? { id: 'notes', name: 'Notes', kind: 'number' } : field,
        ),
      }),
      label('changeField'),
      UTC,
    );
    const values = async () =>
      (
        await storage.edits.getRecords(
          tableId,
          added.map((record) => record.id),
        )
      ).map((record) => record?.values.notes);
    expect(await values()).toEqual([12, null, 3.5]);

    await storage.edits.undo(tableId);
    expect(await values()).toEqual(['12', 'twelve', '3.5']);
    expect((await storage.edits.historyState(tableId)).redo).toEqual({ label: 'history.changeField' });
  });

  it('creates select options from the text values when a text field becomes a single select', async () => {
    const city: Field = { id: 'city', name: 'City', kind: 'text' };
    const { storage, tableId } = await customers([city]);
    await storage.edits.addRecords(
      tableId,
      [{ city: '上海' }, { city: '北京' }, { city: '上海' }],
      label('add'),
      UTC,
    );

    const saved = await storage.edits.changeTable(
      tableId,
      (table) => ({
        ...table,
        fields: [{ id: 'city', name: 'City', kind: 'singleSelect', options: [] }],
      }),
      label('changeField'),
      UTC,
    );

    const field = saved.fields[0];
    if (field?.kind !== 'singleSelect') throw new Error('not a select');
    expect(field.options.map((option) => option.name)).toEqual(['上海', '北京']);
    const stored = (await storage.records.readWindow(tableId, 0, 10)).map((record) => record.values.city);
    const idOf = (name: string) => field.options.find((option) => option.name === name)?.id;
    expect(stored).toEqual([idOf('上海'), idOf('北京'), idOf('上海')]);
  });

  it('refuses formulas that read each other in a loop, naming it, and stores nothing', async () => {
    const { storage, tableId } = await customers([NAME]);
    const a: Field = { id: 'a', name: 'A', kind: 'formula', expression: { var: 'b' } };
    const b: Field = { id: 'b', name: 'B', kind: 'formula', expression: { var: 'a' } };

    const change = storage.edits.changeTable(
      tableId,
      (table) => ({ ...table, fields: [...table.fields, a, b] }),
      label('x'),
      UTC,
    );

    await expect(change).rejects.toBeInstanceOf(TableEditError);
    await expect(change).rejects.toMatchObject({ code: 'edits.cycle', params: { cycle: 'A → B → A' } });
    expect((await storage.edits.historyState(tableId)).undo).toBeUndefined();
  });
});
