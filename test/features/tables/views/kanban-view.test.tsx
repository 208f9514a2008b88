// @vitest-environment happy-dom
// The kanban view against stubbed stores: one grouped query gives the columns, records are read a page per column,
// and moving a card (by its "Move to…" menu, the way that needs no dragging) writes the select through the store.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Mock } from 'vitest';
import type { DataRecord, Field, GroupSummary, JsonValue, Table, View } from '../../../../src/engine';
import { KanbanView } from '../../../../src/features/tables/views/kanban-view';
import { queryStore, type QueryState } from '../../../../src/stores/query-store';
import { tableStore, type TableActions, type TableChange } from '../../../../src/stores/table-store';

const NAME: Field = { id: 'name', name: 'Name', kind: 'text' };
const STAGE: Field = {
  id: 'stage',
  name: 'Stage',
  kind: 'singleSelect',
  options: [
    { id: 'lead', name: 'Lead', color: 'blue' },
    { id: 'won', name: 'Won', color: 'green' },
  ],
};
const SPEND: Field = { id: 'spend', name: 'Spend', kind: 'number' };
const TIER: Field = {
  id: 'tier',
  name: 'Tier',
  kind: 'tier',
  rules: [{ id: 'vip', label: 'VIP', color: 'purple', condition: { '>=': [{ var: 'spend' }, 1000] } }],
  fallback: { label: 'Other', color: 'gray' },
};

const TABLE: Table = {
  id: 'tbl',
  name: 'Customers',
  createdAt: 0,
  updatedAt: 0,
  version: 1,
  fields: [NAME, STAGE, SPEND, TIER],
  views: [],
};

function record(id: string, values: Record<string, JsonValue>): DataRecord {
  return { id, tableId: 'tbl', values, createdAt: 1, updatedAt: 1, version: 1, deleted: false };
}

/** What the query worker would answer when grouping `records` by `fieldId` into `order` (group values in order). */
function grouped(records: readonly DataRecord[], fieldId: string, order: readonly (string | null)[]) {
  const ids: string[] = [];
  const groups: GroupSummary[] = [];
  for (const value of order) {
    const members = records.filter((candidate) => (candidate.values[fieldId] ?? null) === value);
    if (members.length === 0) continue;
    groups.push({ key: String(value), value, count: members.length, start: ids.length, aggregates: {} });
    ids.push(...members.map((member) => member.id));
  }
  return { ids, groups, total: records.length, matched: ids.length, problems: [] };
}

let records: DataRecord[];
let query: Mock<QueryState['query']>;
let getRecords: Mock<TableActions['getRecords']>;
let updateRecords: Mock<TableActions['updateRecords']>;
let changeTable: Mock<TableActions['changeTable']>;
let listeners: ((change: TableChange) => void)[];

beforeAll(async () => {
  // 'cimode' renders keys: the catalogs are merged separately, and the keys are what these tests name controls by.
  await i18next.use(initReactI18next).init({ lng: 'cimode', resources: {} });
});

beforeEach(() => {
  records = [
    record('r1', { name: 'Acme', stage: 'lead', spend: 1200, tier: 'VIP' }),
    record('r2', { name: 'Birch', stage: 'won', spend: 50, tier: 'Other' }),
    record('r3', { name: 'Cobalt', spend: 10, tier: 'Other' }),
  ];
  query = vi.fn<QueryState['query']>((_table, request) =>
    Promise.resolve(
      request.groupByFieldId === 'tier'
        ? grouped(
            records.map((candidate) => ({
              ...candidate,
              values: { ...candidate.values, tier: candidate.values.tier === 'VIP' ? 'vip' : 'fallback' },
            })),
            'tier',
            ['vip', 'fallback'],
          )
        : grouped(records, 'stage', ['lead', 'won', null]),
    ),
  );
  getRecords = vi.fn<TableActions['getRecords']>((_tableId, ids) =>
    Promise.resolve(ids.map((id) => records.find((candidate) => candidate.id === id))),
  );
  updateRecords = vi.fn<TableActions['updateRecords']>(() => Promise.resolve([]));
  changeTable = vi.fn<TableActions['changeTable']>(() => Promise.resolve(true));
  listeners = [];
  queryStore.setState({ query });
  tableStore.setState({
    getRecords,
    updateRecords,
    changeTable,
    subscribe: (_tableId, listener) => {
      listeners.push(listener);
      return () => {
        listeners = listeners.filter((candidate) => candidate !== listener);
      };
    },
  });
});

afterEach(cleanup);

function board(stackFieldId: string | undefined, extra: Partial<View> = {}): View {
  return {
    id: 'v-board',
    name: 'Pipeline',
    kind: 'kanban',
    ...(stackFieldId ? { stackFieldId } : {}),
    ...extra,
  };
}

function renderBoard(view: View, table: Table = TABLE) {
  return render(<KanbanView table={table} view={view} people={[]} />);
}

/** The column whose header names `name`, with the titles of its cards. */
function column(name: string) {
  const section = screen.getByRole('region', { name });
  const titles = within(section)
    .queryAllByRole('listitem')
    .map((card) => card.querySelector('.kanban-card-title')?.textContent);
  return { section, titles };
}

describe('KanbanView', () => {
  it('lists the options as columns in order, with counts and an empty column, from one grouped query', async () => {
    const filter = { id: 'f', conjunction: 'and' as const, conditions: [] };
    renderBoard(board('stage', { filter, sorts: [{ fieldId: 'name', direction: 'asc' }] }));
    await screen.findByText('Acme');

    expect(screen.getAllByRole('region').map((section) => section.querySelector('h3')?.textContent)).toEqual([
      'Lead',
      'Won',
      'views.kanban.empty',
    ]);
    expect(column('Lead').titles).toEqual(['Acme']);
    expect(column('Won').titles).toEqual(['Birch']);
    expect(column('views.kanban.empty').titles).toEqual(['Cobalt']);
    expect(within(column('Lead').section).getByLabelText('views.kanban.count').textContent).toBe('1');
    expect(query).toHaveBeenCalledWith(
      TABLE,
      expect.objectContaining({
        search: '',
        filter,
        sorts: [{ fieldId: 'name', direction: 'asc' }],
        groupByFieldId: 'stage',
      }),
    );
  });

  it('shows up to three other visible fields on each card', async () => {
    renderBoard(board('stage', { hiddenFieldIds: ['tier'] }));
    const card = (await screen.findByText('Acme')).closest('li');
    if (!card) throw new Error('no card');
    // Name is the title, Stage is the column, Tier is hidden: Spend remains.
    expect([...card.querySelectorAll('dt')].map((term) => term.textContent)).toEqual(['Spend']);
    expect(card.querySelector('dd')?.textContent).toMatch(/1.?200/);
  });

  it('moves a card with its "Move to…" menu by writing the option id', async () => {
    tableStore.setState({ recordHistory: () => Promise.resolve([]) });
    renderBoard(board('stage'));
    const card = (await screen.findByText('Acme')).closest('li');
    if (!card) throw new Error('no card');
    fireEvent.click(within(card).getByRole('button', { name: 'views.kanban.moveCard' }));
    const targets = within(card).getAllByRole('menuitem');
    expect(targets.map((item) => item.textContent)).toEqual(['Won', 'views.kanban.empty']);
    fireEvent.click(within(card).getByRole('menuitem', { name: 'Won' }));

    expect(updateRecords).toHaveBeenCalledWith('tbl', [{ id: 'r1', values: { stage: 'won' } }], {
      label: 'history.moveCard',
      params: { to: 'Won' },
    });
    // Choosing from the menu does not open the record.
    expect(screen.queryByRole('dialog', { name: 'drawer.title' })).toBeNull();
  });

  it('clears the select when a card moves to the empty column', async () => {
    renderBoard(board('stage'));
    const card = (await screen.findByText('Birch')).closest('li');
    if (!card) throw new Error('no card');
    fireEvent.click(within(card).getByRole('button', { name: 'views.kanban.moveCard' }));
    fireEvent.click(within(card).getByRole('menuitem', { name: 'views.kanban.empty' }));
    expect(updateRecords).toHaveBeenCalledWith('tbl', [{ id: 'r2', values: { stage: null } }], {
      label: 'history.moveCard',
      params: { to: 'views.kanban.empty' },
    });
  });

  it('does not offer moving cards of a tier stack and says why', async () => {
    renderBoard(board('tier'));
    await screen.findByText('Acme');
    expect(column('VIP').titles).toEqual(['Acme']);
    expect(column('Other').titles).toEqual(['Birch', 'Cobalt']);
    // A tier has no empty column unless some record lacks a tier.
    expect(screen.queryByRole('region', { name: 'views.kanban.empty' })).toBeNull();
    expect(screen.queryAllByRole('button', { name: 'views.kanban.moveCard' })).toEqual([]);
    expect(screen.queryAllByRole('button', { name: 'views.kanban.dragHandle' })).toEqual([]);
    expect(screen.getByRole('note').textContent).toBe('views.kanban.tierNote');
    expect(updateRecords).not.toHaveBeenCalled();
  });

  it('reads 30 cards per column at first and 30 more on "Show more"', async () => {
    records = Array.from({ length: 65 }, (_, at) =>
      record(`r${String(at).padStart(2, '0')}`, { name: `Customer ${String(at)}`, stage: 'lead' }),
    );
    renderBoard(board('stage'));
    await screen.findByText('Customer 29');
    expect(getRecords).toHaveBeenCalledTimes(1);
    expect(getRecords.mock.calls[0]?.[1]).toEqual(records.slice(0, 30).map((candidate) => candidate.id));
    expect(column('Lead').titles).toHaveLength(30);
    expect(within(column('Lead').section).getByLabelText('views.kanban.count').textContent).toBe('65');

    fireEvent.click(within(column('Lead').section).getByRole('button', { name: 'views.kanban.showMore' }));
    await screen.findByText('Customer 59');
    expect(getRecords.mock.calls[1]?.[1]).toEqual(records.slice(30, 60).map((candidate) => candidate.id));
    fireEvent.click(within(column('Lead').section).getByRole('button', { name: 'views.kanban.showMore' }));
    await screen.findByText('Customer 64');
    expect(getRecords.mock.calls[2]?.[1]).toEqual(records.slice(60).map((candidate) => candidate.id));
    expect(
      within(column('Lead').section).queryByRole('button', { name: 'views.kanban.showMore' }),
    ).toBeNull();
  });

  it('queries again when the table changes, and moves the card to its new column', async () => {
    renderBoard(board('stage'));
    await screen.findByText('Acme');
    expect(query).toHaveBeenCalledTimes(1);

    const moved = record('r1', { name: 'Acme', stage: 'won', spend: 1200, tier: 'VIP' });
    records = records.map((candidate) => (candidate.id === 'r1' ? moved : candidate));
    for (const listener of listeners) listener({ kind: 'records', records: [moved], removedIds: [] });

    await waitFor(() => expect(column('Won').titles).toEqual(['Acme', 'Birch']));
    expect(query).toHaveBeenCalledTimes(2);
    expect(column('Lead').titles).toEqual([]);
  });

  it('saves the stack field in the view', async () => {
    renderBoard(board('stage'));
    await screen.findByText('Acme');
    fireEvent.change(screen.getByLabelText('views.kanban.stackBy'), { target: { value: 'tier' } });
    expect(changeTable).toHaveBeenCalledTimes(1);
    const [tableId, change, label] = changeTable.mock.calls[0] ?? [];
    expect(tableId).toBe('tbl');
    const saved = change?.({ ...TABLE, views: [board('stage')] });
    expect(saved?.views[0]?.stackFieldId).toBe('tier');
    expect(label).toEqual({ label: 'history.changeView', params: { name: 'Pipeline' } });
  });

  it('asks for a stack field when the table has none', () => {
    renderBoard(board(undefined), { ...TABLE, fields: [NAME, SPEND] });
    expect(screen.getByText('views.kanban.noStackField')).toBeTruthy();
    expect(query).not.toHaveBeenCalled();
  });

  it('opens the record drawer when a card is clicked', async () => {
    tableStore.setState({ recordHistory: () => Promise.resolve([]) });
    renderBoard(board('stage'));
    fireEvent.click(await screen.findByText('Birch'));
    expect(screen.getByRole('dialog', { name: 'drawer.title' })).toBeTruthy();
    await waitFor(() => expect(getRecords).toHaveBeenCalledWith('tbl', ['r2']));
  });
});
