// @vitest-environment happy-dom
// View tabs: adding, renaming, duplicating and deleting views are table edits through the table store (undoable),
// and the open view is remembered per table.
import { act, cleanup, fireEvent, render, renderHook, screen, waitFor, within } from '@testing-library/react';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Mock } from 'vitest';
import type { Field, Table, View } from '../../../../src/engine';
import { activeViewKey, useActiveView } from '../../../../src/features/tables/views/use-active-view';
import { ViewTabs } from '../../../../src/features/tables/views/view-tabs';
import { tableStore, type TableActions } from '../../../../src/stores/table-store';

const STAGE: Field = {
  id: 'stage',
  name: 'Stage',
  kind: 'singleSelect',
  options: [{ id: 'lead', name: 'Lead', color: 'blue' }],
};
const NAME: Field = { id: 'name', name: 'Name', kind: 'text' };
const GRID: View = {
  id: 'v-grid',
  name: 'All customers',
  kind: 'grid',
  sorts: [{ fieldId: 'name', direction: 'asc' }],
};
const BOARD: View = { id: 'v-board', name: 'Pipeline', kind: 'kanban', stackFieldId: 'stage' };

function tableOf(fields: Field[], views: View[]): Table {
  return { id: 'tbl', name: 'Customers', createdAt: 0, updatedAt: 0, version: 1, fields, views };
}

let changeTable: Mock<TableActions['changeTable']>;

beforeAll(async () => {
  // 'cimode' renders keys: the catalogs are merged separately, and the keys are what these tests name controls by.
  await i18next.use(initReactI18next).init({ lng: 'cimode', resources: {} });
});

beforeEach(() => {
  changeTable = vi.fn<TableActions['changeTable']>(() => Promise.resolve(true));
  tableStore.setState({ changeTable });
  sessionStorage.clear();
});

afterEach(cleanup);

/** The table the `call`-th changeTable would save, and its history label. */
function applied(table: Table, call = 0): { table: Table; label: unknown } {
  const args = changeTable.mock.calls[call];
  if (!args) throw new Error(`changeTable was not called ${String(call + 1)} time(s)`);
  expect(args[0]).toBe(table.id);
  return { table: args[1](table), label: args[2] };
}

describe('ViewTabs', () => {
  it('shows a tab per view with the open one selected', () => {
    render(
      <ViewTabs table={tableOf([NAME, STAGE], [GRID, BOARD])} activeViewId="v-board" onSelect={vi.fn()} />,
    );
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((tab) => tab.textContent)).toEqual(['▦All customers', '▥Pipeline']);
    expect(tabs.map((tab) => tab.getAttribute('aria-selected'))).toEqual(['false', 'true']);
  });

  it('selects a view by its tab', () => {
    const onSelect = vi.fn<(id: string) => void>();
    render(
      <ViewTabs table={tableOf([NAME, STAGE], [GRID, BOARD])} activeViewId="v-grid" onSelect={onSelect} />,
    );
    fireEvent.click(screen.getByRole('tab', { name: /Pipeline/ }));
    expect(onSelect).toHaveBeenCalledWith('v-board');
  });

  it('adds a kanban view stacked by the first single-select field, then opens it', async () => {
    const table = tableOf([NAME, STAGE], [GRID]);
    const onSelect = vi.fn<(id: string) => void>();
    render(<ViewTabs table={table} activeViewId="v-grid" onSelect={onSelect} />);
    fireEvent.click(screen.getByRole('button', { name: 'views.add' }));
    fireEvent.click(screen.getByRole('menuitem', { name: /views\.addKanban/ }));

    await waitFor(() => expect(onSelect).toHaveBeenCalledTimes(1));
    const saved = applied(table);
    expect(saved.table.views).toHaveLength(2);
    const added = saved.table.views[1];
    expect(added).toMatchObject({ kind: 'kanban', stackFieldId: 'stage', name: 'views.defaultName.kanban' });
    expect(added?.id).not.toBe('v-grid');
    expect(onSelect).toHaveBeenCalledWith(added?.id);
    expect(saved.label).toEqual({ label: 'history.addView', params: { name: 'views.defaultName.kanban' } });
  });

  it('stacks a new kanban by a tier field when there is no single select', () => {
    const tier: Field = {
      id: 'tier',
      name: 'Tier',
      kind: 'tier',
      rules: [{ id: 'vip', label: 'VIP', color: 'purple', condition: true }],
      fallback: { label: 'Other', color: 'gray' },
    };
    const table = tableOf([NAME, tier], [GRID]);
    render(<ViewTabs table={table} activeViewId="v-grid" onSelect={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'views.add' }));
    fireEvent.click(screen.getByRole('menuitem', { name: /views\.addKanban/ }));
    expect(applied(table).table.views[1]).toMatchObject({ kind: 'kanban', stackFieldId: 'tier' });
  });

  it('adds a grid view with a name no other view has', async () => {
    const table = tableOf([NAME], [{ ...GRID, name: 'views.defaultName.grid' }]);
    const onSelect = vi.fn<(id: string) => void>();
    render(<ViewTabs table={table} activeViewId="v-grid" onSelect={onSelect} />);
    fireEvent.click(screen.getByRole('button', { name: 'views.add' }));
    fireEvent.click(screen.getByRole('menuitem', { name: /views\.addGrid/ }));
    await waitFor(() => expect(onSelect).toHaveBeenCalled());
    expect(applied(table).table.views[1]).toMatchObject({ kind: 'grid', name: 'views.defaultName.grid 2' });
  });

  it('disables the kanban item with its reason when no field can stack cards', () => {
    render(<ViewTabs table={tableOf([NAME], [GRID])} activeViewId="v-grid" onSelect={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'views.add' }));
    const item = screen.getByRole('menuitem', { name: /views\.addKanban/ });
    expect(item.getAttribute('aria-disabled')).toBe('true');
    const reasonId = item.getAttribute('aria-describedby');
    expect(reasonId && document.getElementById(reasonId)?.textContent).toBe('views.kanbanNeedsField');
    fireEvent.click(item);
    expect(changeTable).not.toHaveBeenCalled();
  });

  it('does not offer deleting the last view', () => {
    render(<ViewTabs table={tableOf([NAME], [GRID])} activeViewId="v-grid" onSelect={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'views.actionsFor' }));
    const items = screen.getAllByRole('menuitem').map((item) => item.textContent);
    expect(items).toEqual(['common.rename', 'common.duplicate']);
  });

  it('deletes a view after confirming and opens its neighbour', async () => {
    const table = tableOf([NAME, STAGE], [GRID, BOARD]);
    const onSelect = vi.fn<(id: string) => void>();
    render(<ViewTabs table={table} activeViewId="v-board" onSelect={onSelect} />);
    const menus = screen.getAllByRole('button', { name: 'views.actionsFor' });
    fireEvent.click(menus[1] as HTMLElement);
    fireEvent.click(screen.getByRole('menuitem', { name: 'common.delete' }));
    expect(changeTable).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'views.deleteConfirm' }));

    await waitFor(() => expect(onSelect).toHaveBeenCalledWith('v-grid'));
    const saved = applied(table);
    expect(saved.table.views.map((view) => view.id)).toEqual(['v-grid']);
    expect(saved.label).toEqual({ label: 'history.deleteView', params: { name: 'Pipeline' } });
  });

  it('renames a view through the name dialog', async () => {
    const table = tableOf([NAME, STAGE], [GRID, BOARD]);
    render(<ViewTabs table={table} activeViewId="v-grid" onSelect={vi.fn()} />);
    fireEvent.click(screen.getAllByRole('button', { name: 'views.actionsFor' })[0] as HTMLElement);
    fireEvent.click(screen.getByRole('menuitem', { name: 'common.rename' }));
    const dialog = screen.getByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('common.name'), { target: { value: '  Churn risk  ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'common.save' }));

    await waitFor(() => expect(changeTable).toHaveBeenCalledTimes(1));
    const saved = applied(table);
    expect(saved.table.views.map((view) => view.name)).toEqual(['Churn risk', 'Pipeline']);
    // The rest of the view (its sorts) is kept.
    expect(saved.table.views[0]?.sorts).toEqual(GRID.sorts);
  });

  it('duplicates a view with its settings, right after it', async () => {
    const table = tableOf([NAME, STAGE], [GRID, BOARD]);
    const onSelect = vi.fn<(id: string) => void>();
    render(<ViewTabs table={table} activeViewId="v-grid" onSelect={onSelect} />);
    fireEvent.click(screen.getAllByRole('button', { name: 'views.actionsFor' })[0] as HTMLElement);
    fireEvent.click(screen.getByRole('menuitem', { name: 'common.duplicate' }));

    await waitFor(() => expect(onSelect).toHaveBeenCalled());
    const views = applied(table).table.views;
    expect(views.map((view) => view.id).slice(0, 1)).toEqual(['v-grid']);
    expect(views[2]?.id).toBe('v-board');
    expect(views[1]).toMatchObject({ kind: 'grid', sorts: GRID.sorts });
    expect(views[1]?.id).not.toBe('v-grid');
    expect(onSelect).toHaveBeenCalledWith(views[1]?.id);
  });
});

describe('useActiveView', () => {
  it('falls back to the first view and remembers a choice per table in sessionStorage', () => {
    const table = tableOf([NAME, STAGE], [GRID, BOARD]);
    const first = renderHook(() => useActiveView(table));
    expect(first.result.current[0]?.id).toBe('v-grid');
    act(() => first.result.current[1]('v-board'));
    expect(first.result.current[0]?.id).toBe('v-board');
    expect(sessionStorage.getItem(activeViewKey('tbl'))).toBe('v-board');
    first.unmount();

    // A later visit (a reload) opens the remembered view.
    expect(renderHook(() => useActiveView(table)).result.current[0]?.id).toBe('v-board');
  });

  it('has no view while the table is not there yet, then opens its remembered one', () => {
    sessionStorage.setItem(activeViewKey('tbl'), 'v-board');
    const { result, rerender } = renderHook(
      ({ table }: { table: Table | undefined }) => useActiveView(table),
      {
        initialProps: { table: undefined as Table | undefined },
      },
    );
    expect(result.current[0]).toBeUndefined();
    rerender({ table: tableOf([NAME], [GRID, BOARD]) });
    expect(result.current[0]?.id).toBe('v-board');
  });

  it('opens the first view when the remembered one was deleted', () => {
    sessionStorage.setItem(activeViewKey('tbl'), 'gone');
    const { result } = renderHook(() => useActiveView(tableOf([NAME], [GRID, BOARD])));
    expect(result.current[0]?.id).toBe('v-grid');
  });

  it('reads the choice of the table it is given when the table changes', () => {
    sessionStorage.setItem(activeViewKey('other'), 'v-board');
    const { result, rerender } = renderHook(({ table }: { table: Table }) => useActiveView(table), {
      initialProps: { table: tableOf([NAME], [GRID, BOARD]) },
    });
    expect(result.current[0]?.id).toBe('v-grid');
    rerender({ table: { ...tableOf([NAME], [GRID, BOARD]), id: 'other' } });
    expect(result.current[0]?.id).toBe('v-board');
  });
});
