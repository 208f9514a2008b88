// The link store over a real (fake-indexeddb) storage: searching the linked table by text and title, titles by id,
// and link writes that tell both tables' listeners what changed, or show why they were refused.
import { afterEach, describe, expect, it } from 'vitest';
import type { TableChange } from '../../src/stores/table-store';
import { connectTableStore, tableStore } from '../../src/stores/table-store';
import { connectLinkStore, linkStore, MAX_LINK_RESULTS } from '../../src/stores/link-store';
import { noticesStore } from '../../src/stores/notices-store';
import { LinksRepository } from '../../src/storage/links';
import { openTestStorage, sequentialIds } from '../storage/support';

const UTC = { timeZone: 'UTC' };
const disconnect: (() => void)[] = [];

afterEach(() => {
  for (const stop of disconnect.splice(0)) stop();
});

async function setup(orderCount = 3) {
  const { storage, clock } = await openTestStorage();
  const links = new LinksRepository(storage.connection.db, {
    now: () => clock.now,
    newId: sequentialIds('lk'),
  });
  disconnect.push(
    connectTableStore(storage),
    connectLinkStore({ links, edits: storage.edits, records: storage.records }),
  );
  const app = await storage.definitions.createApp({ name: 'CRM' });
  const customers = await storage.definitions.createTable(app.id, 'Customers', {
    fields: [{ id: 'name', name: 'Name', kind: 'text' }],
    views: [],
  });
  const orders = await storage.definitions.createTable(app.id, 'Orders', {
    fields: [
      { id: 'amount', name: 'Amount', kind: 'number' },
      { id: 'title', name: 'Title', kind: 'text' },
    ],
    views: [],
  });
  // The title is the primary field, though not the first.
  await storage.edits.changeTable(
    orders.id,
    (table) => ({ ...table, primaryFieldId: 'title' }),
    { label: 'x' },
    UTC,
  );
  const ok = await linkStore
    .getState()
    .addLinkField(
      customers.id,
      { id: 'orders', name: 'Orders', kind: 'link', targetTableId: orders.id, multiple: true },
      { name: 'Customer', multiple: false },
    );
  if (!ok) throw new Error('link field not added');
  const [ann] = await storage.edits.addRecords(customers.id, [{ name: 'Ann' }], { label: 'x' }, UTC);
  const added = await storage.edits.addRecords(
    orders.id,
    Array.from({ length: orderCount }, (_, at) => ({
      amount: at,
      title: at === 1 ? 'Green tea' : `Order ${at}`,
    })),
    { label: 'x' },
    UTC,
  );
  if (!ann) throw new Error('no customer');
  return { storage, customers: customers.id, orders: orders.id, ann, added };
}

describe('link store', () => {
  it('finds records of the linked table by words, titled by its primary field', async () => {
    const { orders, added } = await setup();
    const found = await linkStore.getState().searchRecords(orders, 'green');
    expect(found).toEqual([{ id: added[1]?.id, title: 'Green tea' }]);
    expect(await linkStore.getState().searchRecords(orders, 'nothing like this')).toEqual([]);
    expect((await linkStore.getState().searchRecords(orders, '')).map((item) => item.title)).toEqual([
      'Order 0',
      'Green tea',
      'Order 2',
    ]);
  });

  it('returns at most the cap, however many match', async () => {
    const { orders } = await setup(MAX_LINK_RESULTS + 5);
    expect(await linkStore.getState().searchRecords(orders, 'order', 500)).toHaveLength(MAX_LINK_RESULTS);
  });

  it('titles records by id in the order asked, marking ids without a record', async () => {
    const { orders, added } = await setup();
    const ids = [added[2]?.id ?? '', 'ghost', added[0]?.id ?? ''];
    expect(await linkStore.getState().recordTitles(orders, ids)).toEqual([
      { id: ids[0], title: 'Order 2' },
      { id: 'ghost', title: '', missing: true },
      { id: ids[2], title: 'Order 0' },
    ]);
  });

  it('writes a link and tells both tables what changed', async () => {
    const { customers, orders, ann, added } = await setup();
    const heard: [string, TableChange][] = [];
    disconnect.push(
      tableStore.getState().subscribe(customers, (change) => heard.push([customers, change])),
      tableStore.getState().subscribe(orders, (change) => heard.push([orders, change])),
    );
    const revision = linkStore.getState().revision;
    const target = added[1]?.id ?? '';
    expect(await linkStore.getState().setLinks(customers, ann.id, 'orders', [target])).toBe(true);
    const records = (tableId: string) =>
      heard.flatMap(([id, change]) => (id === tableId && change.kind === 'records' ? change.records : []));
    expect(records(customers).map((record) => record.values.orders)).toEqual([[target]]);
    expect(records(orders).map((record) => record.id)).toEqual([target]);
    expect(linkStore.getState().revision).toBe(revision + 1);
    expect(tableStore.getState().history[orders]?.undo?.label).toBe('history.setLinks');
  });

  it('shows the reason when a link is refused', async () => {
    const { customers, ann } = await setup();
    expect(await linkStore.getState().setLinks(customers, ann.id, 'orders', ['ghost'])).toBe(false);
    expect(noticesStore.getState().toasts.at(-1)).toMatchObject({
      tone: 'error',
      key: 'links.targetMissing',
    });
  });
});
