// Links kept consistent on both sides: the link field and its inverse created and removed together, setLinks writing
// both sides (one-to-many with moves, many-to-many, a link to the own table), lookups, rollups and the formulas
// reading them recomputed in the same transaction, and failures leaving both tables as they were.
import { describe, expect, it, vi } from 'vitest';
import type { DataRecord, Field, LinkField } from '../../src/engine';
import { TableEditError } from '../../src/storage';
import { LinksRepository } from '../../src/storage/links';
import { openTestStorage, sequentialIds } from './support';

const UTC = { timeZone: 'UTC' };
const label = { label: 'history.addRecords' };

const ORDERS_LINK = (targetTableId: string, multiple = true): LinkField => ({
  id: 'orders',
  name: 'Orders',
  kind: 'link',
  targetTableId,
  multiple,
});

async function crm(options: { customerMultiple?: boolean; orderMultiple?: boolean } = {}) {
  const test = await openTestStorage();
  const { storage, clock } = test;
  const links = new LinksRepository(storage.connection.db, {
    now: () => clock.now,
    newId: sequentialIds('lk'),
  });
  const app = await storage.definitions.createApp({ name: 'CRM' });
  const customers = await storage.definitions.createTable(app.id, 'Customers', {
    fields: [{ id: 'name', name: 'Name', kind: 'text' }],
    views: [],
  });
  const orders = await storage.definitions.createTable(app.id, 'Orders', {
    fields: [
      { id: 'title', name: 'Title', kind: 'text' },
      { id: 'amount', name: 'Amount', kind: 'number' },
    ],
    views: [],
  });
  const added = await links.addLinkField(
    customers.id,
    ORDERS_LINK(orders.id, options.customerMultiple ?? true),
    {
      name: 'Customer',
      multiple: options.orderMultiple ?? false,
    },
  );
  const inverseId = added.inverse.id;
  // Lookups, rollups and a formula reading a rollup, on both sides.
  const customerFields: Field[] = [
    {
      id: 'total',
      name: 'Total',
      kind: 'rollup',
      linkFieldId: 'orders',
      targetFieldId: 'amount',
      aggregate: 'sum',
    },
    { id: 'count', name: 'Count', kind: 'rollup', linkFieldId: 'orders', aggregate: 'count' },
    { id: 'titles', name: 'Titles', kind: 'lookup', linkFieldId: 'orders', targetFieldId: 'title' },
    {
      id: 'vip',
      name: 'VIP',
      kind: 'formula',
      expression: { '>=': [{ var: 'total' }, 100] },
      resultType: 'boolean',
    },
  ];
  await storage.edits.changeTable(
    customers.id,
    (table) => ({ ...table, fields: [...table.fields, ...customerFields] }),
    label,
    UTC,
  );
  await storage.edits.changeTable(
    orders.id,
    (table) => ({
      ...table,
      fields: [
        ...table.fields,
        {
          id: 'customerName',
          name: 'Customer name',
          kind: 'lookup',
          linkFieldId: inverseId,
          targetFieldId: 'name',
        },
      ],
    }),
    label,
    UTC,
  );
  const [ann, bob] = await storage.edits.addRecords(
    customers.id,
    [{ name: 'Ann' }, { name: 'Bob' }],
    label,
    UTC,
  );
  const [o1, o2, o3] = await storage.edits.addRecords(
    orders.id,
    [
      { title: 'Tea', amount: 80 },
      { title: 'Cake', amount: 40 },
      { title: 'Pie', amount: 5 },
    ],
    label,
    UTC,
  );
  if (!ann || !bob || !o1 || !o2 || !o3) throw new Error('records were not added');
  const values = async (tableId: string, id: string) =>
    (await storage.connection.db.records.get([tableId, id]))?.values;
  return {
    ...test,
    links,
    customers: customers.id,
    orders: orders.id,
    inverseId,
    ann,
    bob,
    o1,
    o2,
    o3,
    values,
  };
}

const ids = (records: readonly DataRecord[]) => records.map((record) => record.id);

describe('adding and removing link fields', () => {
  it('creates the link field and its inverse in the target table, pointing at each other, with history on both', async () => {
    const { storage, customers, orders, inverseId } = await crm();
    const tables = await storage.connection.db.tableDefs.bulkGet([customers, orders]);
    const link = tables[0]?.fields.find((field) => field.id === 'orders');
    const inverse = tables[1]?.fields.find((field) => field.id === inverseId);
    expect(link).toMatchObject({
      kind: 'link',
      targetTableId: orders,
      inverseFieldId: inverseId,
      multiple: true,
    });
    expect(inverse).toMatchObject({
      kind: 'link',
      name: 'Customer',
      targetTableId: customers,
      inverseFieldId: 'orders',
      multiple: false,
    });
    const history = await storage.connection.db.history.toArray();
    const addLink = history.filter((row) => row.label === 'history.addField');
    expect(addLink.map((row) => row.tableId).sort()).toEqual([customers, orders].sort());
  });

  it('adds nothing to either table when the inverse field is invalid (one transaction)', async () => {
    const { storage, links, customers, orders } = await crm();
    const before = await storage.connection.db.tableDefs.bulkGet([customers, orders]);
    const attempt = links.addLinkField(
      customers,
      { id: 'more', name: 'More orders', kind: 'link', targetTableId: orders, multiple: true },
      { name: '', multiple: true },
    );
    await expect(attempt).rejects.toBeInstanceOf(TableEditError);
    const after = await storage.connection.db.tableDefs.bulkGet([customers, orders]);
    expect(after).toEqual(before);
  });

  it('refuses a link to a table of another app', async () => {
    const { storage, links, customers } = await crm();
    const other = await storage.definitions.createApp({ name: 'Other' });
    const elsewhere = await storage.definitions.createTable(other.id, 'Elsewhere', { fields: [], views: [] });
    await expect(
      links.addLinkField(
        customers,
        { ...ORDERS_LINK(elsewhere.id), id: 'x' },
        { name: 'Back', multiple: true },
      ),
    ).rejects.toMatchObject({ code: 'links.otherApp' });
  });

  it('puts both sides of a link to its own table into that table', async () => {
    const { storage, links, customers } = await crm();
    const added = await links.addLinkField(
      customers,
      { id: 'referrer', name: 'Referred by', kind: 'link', targetTableId: customers, multiple: false },
      { name: 'Referrals', multiple: true },
    );
    expect(added.tables).toHaveLength(1);
    const table = await storage.connection.db.tableDefs.get(customers);
    expect(table?.fields.filter((field) => field.kind === 'link').map((field) => field.id)).toEqual([
      'orders',
      'referrer',
      added.inverse.id,
    ]);
  });

  it('removes both sides and keeps the stored links in the records', async () => {
    const { storage, links, customers, orders, inverseId, ann, o1, values } = await crm();
    await links.setLinks(customers, ann.id, 'orders', [o1.id], UTC);
    await links.deleteLinkField(orders, inverseId);
    const tables = await storage.connection.db.tableDefs.bulkGet([customers, orders]);
    expect(tables[0]?.fields.some((field) => field.id === 'orders')).toBe(false);
    expect(tables[1]?.fields.some((field) => field.id === inverseId)).toBe(false);
    expect((await values(customers, ann.id))?.orders).toEqual([o1.id]);
  });
});

describe('setting links', () => {
  it('writes both sides of a one-to-many link and recomputes lookups, rollups and formulas reading them', async () => {
    const { links, customers, orders, inverseId, ann, o1, o2, values } = await crm();
    const result = await links.setLinks(customers, ann.id, 'orders', [o1.id, o2.id], UTC);

    expect(await values(customers, ann.id)).toMatchObject({
      orders: [o1.id, o2.id],
      total: 120,
      count: 2,
      titles: ['Tea', 'Cake'],
      vip: true,
    });
    expect(await values(orders, o1.id)).toMatchObject({ [inverseId]: [ann.id], customerName: ['Ann'] });
    expect(await values(orders, o2.id)).toMatchObject({ [inverseId]: [ann.id], customerName: ['Ann'] });
    const byTable = new Map(result.changed.map((entry) => [entry.tableId, ids(entry.records)]));
    expect(byTable.get(customers)).toEqual([ann.id]);
    expect(byTable.get(orders)?.sort()).toEqual([o1.id, o2.id].sort());
  });

  it('moves an order to another customer when the order side holds one customer', async () => {
    const { links, customers, orders, inverseId, ann, bob, o1, o2, values } = await crm();
    await links.setLinks(customers, ann.id, 'orders', [o1.id, o2.id], UTC);
    await links.setLinks(customers, bob.id, 'orders', [o2.id], UTC);

    expect(await values(customers, ann.id)).toMatchObject({
      orders: [o1.id],
      total: 80,
      count: 1,
      vip: false,
    });
    expect(await values(customers, bob.id)).toMatchObject({ orders: [o2.id], total: 40, titles: ['Cake'] });
    expect((await values(orders, o2.id))?.[inverseId]).toEqual([bob.id]);
    expect(await values(orders, o2.id)).toMatchObject({ customerName: ['Bob'] });
  });

  it('sets the link from the "one" side too, updating the old and the new customer', async () => {
    const { links, customers, orders, inverseId, ann, bob, o1, values } = await crm();
    await links.setLinks(orders, o1.id, inverseId, [ann.id], UTC);
    expect(await values(customers, ann.id)).toMatchObject({ orders: [o1.id], total: 80 });
    await links.setLinks(orders, o1.id, inverseId, [bob.id], UTC);
    const annAfter = await values(customers, ann.id);
    expect(annAfter?.orders ?? null).toBeNull();
    expect(annAfter).toMatchObject({ total: 0, count: 0, titles: null });
    expect(await values(customers, bob.id)).toMatchObject({ orders: [o1.id], total: 80, vip: false });
    await links.setLinks(orders, o1.id, inverseId, [], UTC);
    expect(await values(customers, bob.id)).toMatchObject({ orders: null, total: 0 });
    expect(await values(orders, o1.id)).toMatchObject({ [inverseId]: null, customerName: null });
  });

  it('keeps many-to-many links consistent when links are added and removed', async () => {
    const { links, customers, orders, inverseId, ann, bob, o1, o2, values } = await crm({
      orderMultiple: true,
    });
    await links.setLinks(customers, ann.id, 'orders', [o1.id, o2.id], UTC);
    await links.setLinks(customers, bob.id, 'orders', [o1.id], UTC);
    // Shared: o1 belongs to both; nothing moved away from Ann.
    expect((await values(orders, o1.id))?.[inverseId]).toEqual([ann.id, bob.id]);
    expect((await values(customers, ann.id))?.orders).toEqual([o1.id, o2.id]);
    expect(await values(orders, o1.id)).toMatchObject({ customerName: ['Ann', 'Bob'] });

    await links.setLinks(orders, o1.id, inverseId, [bob.id], UTC);
    expect(await values(customers, ann.id)).toMatchObject({ orders: [o2.id], total: 40 });
    expect(await values(customers, bob.id)).toMatchObject({ orders: [o1.id], total: 80 });
  });

  it('refuses several targets for a one-record link, and unknown targets, changing nothing', async () => {
    const { storage, links, customers, orders, inverseId, ann, bob, o1 } = await crm();
    const before = await storage.connection.db.records.toArray();
    await expect(links.setLinks(orders, o1.id, inverseId, [ann.id, bob.id], UTC)).rejects.toMatchObject({
      code: 'links.onlyOne',
    });
    await expect(links.setLinks(customers, ann.id, 'orders', [o1.id, 'ghost'], UTC)).rejects.toMatchObject({
      code: 'links.targetMissing',
    });
    await expect(links.setLinks(customers, ann.id, 'name', [o1.id], UTC)).rejects.toMatchObject({
      code: 'links.notLink',
    });
    expect(await storage.connection.db.records.toArray()).toEqual(before);
  });

  it('leaves both tables unchanged when the write fails part-way', async () => {
    const { storage, links, customers, ann, o1 } = await crm();
    const db = storage.connection.db;
    const before = await db.records.toArray();
    const historyBefore = await db.history.count();
    const add = db.history.add.bind(db.history);
    let calls = 0;
    // The first table's history entry is written; the second one fails, as a full disk would.
    const spy = vi.spyOn(db.history, 'add').mockImplementation((...args: Parameters<typeof add>) => {
      calls += 1;
      if (calls === 2) throw new Error('disk full');
      return add(...args);
    });
    await expect(links.setLinks(customers, ann.id, 'orders', [o1.id], UTC)).rejects.toThrow();
    spy.mockRestore();
    expect(calls).toBe(2);
    expect(await db.records.toArray()).toEqual(before);
    expect(await db.history.count()).toBe(historyBefore);
  });

  it('undoes and redoes a link change on both sides at once, from either table', async () => {
    const { storage, links, customers, orders, inverseId, ann, o1, values } = await crm();
    await links.setLinks(customers, ann.id, 'orders', [o1.id], UTC);
    expect((await values(orders, o1.id))?.[inverseId]).toEqual([ann.id]);

    // Undo from the other side: the customer's side goes back too.
    const undone = await storage.edits.undo(orders);
    expect(undone?.others.map((other) => other.tableId)).toEqual([customers]);
    expect((await values(orders, o1.id))?.[inverseId] ?? null).toBeNull();
    expect((await values(customers, ann.id))?.orders ?? null).toBeNull();
    expect((await storage.edits.historyState(customers)).redo).toMatchObject({ label: 'history.setLinks' });

    await storage.edits.redo(customers);
    expect((await values(orders, o1.id))?.[inverseId]).toEqual([ann.id]);
    expect((await values(customers, ann.id))?.orders).toEqual([o1.id]);
  });

  it('writes a history entry per table and bumps record versions once', async () => {
    const { storage, links, customers, orders, ann, o1, o2 } = await crm();
    await links.setLinks(customers, ann.id, 'orders', [o1.id, o2.id], UTC);
    const history = await storage.edits.historyState(orders);
    expect(history.undo?.label).toBe('history.setLinks');
    expect((await storage.edits.historyState(customers)).undo?.label).toBe('history.setLinks');
    const stored = await storage.connection.db.records.get([customers, ann.id]);
    expect(stored?.version).toBe(ann.version + 1);
  });

  it('links records of the same table on both sides (referrals)', async () => {
    const { links, customers, ann, bob, values } = await crm();
    const added = await links.addLinkField(
      customers,
      { id: 'referrer', name: 'Referred by', kind: 'link', targetTableId: customers, multiple: false },
      { name: 'Referrals', multiple: true },
    );
    await links.setLinks(customers, bob.id, 'referrer', [ann.id], UTC);
    expect((await values(customers, bob.id))?.referrer).toEqual([ann.id]);
    expect((await values(customers, ann.id))?.[added.inverse.id]).toEqual([bob.id]);
    // A record may refer to itself; both of its fields hold its own id.
    await links.setLinks(customers, ann.id, 'referrer', [ann.id], UTC);
    expect(await values(customers, ann.id)).toMatchObject({
      referrer: [ann.id],
      [added.inverse.id]: [bob.id, ann.id],
    });
  });
});

describe('refreshing lookups after linked records change', () => {
  it('recomputes the linking records after an edit and a deletion, without history or version changes', async () => {
    const { storage, links, customers, orders, ann, o1, o2, values } = await crm();
    await links.setLinks(customers, ann.id, 'orders', [o1.id, o2.id], UTC);
    const before = await storage.connection.db.records.get([customers, ann.id]);
    const historyCount = await storage.connection.db.history.count();

    await storage.edits.updateRecords(orders, [{ id: o1.id, values: { amount: 10 } }], label, UTC);
    const refreshed = await links.refreshLinkedLookups(orders, [o1.id], UTC);
    expect(refreshed.changed.map((entry) => [entry.tableId, ids(entry.records)])).toEqual([
      [customers, [ann.id]],
    ]);
    expect(await values(customers, ann.id)).toMatchObject({ total: 50, vip: false });

    await storage.edits.deleteRecords(orders, [o2.id], label);
    await links.refreshLinkedLookups(orders, [o2.id], UTC);
    expect(await values(customers, ann.id)).toMatchObject({ total: 10, count: 1, titles: ['Tea'] });

    const after = await storage.connection.db.records.get([customers, ann.id]);
    expect(after?.version).toBe(before?.version);
    expect(after?.updatedAt).toBe(before?.updatedAt);
    // Only the two order edits were logged, not the refreshes.
    expect(await storage.connection.db.history.count()).toBe(historyCount + 2);
  });
});
