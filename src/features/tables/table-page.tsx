// One table: its grid (the default view) and its designer ("Fields"), with undo / redo of every change to either.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../engine';
import { queryStore } from '../../stores/query-store';
import { useTableStore, tableStore } from '../../stores/table-store';
import { useWorkspace } from '../../stores/workspace-store';
import { Button, EmptyState, PageHeader } from '../../ui';
import { TableDesigner } from './designer/table-designer';
import { GridView } from './grid/grid-view';
import { TableTools } from './table-tools';
import { KanbanView } from './views/kanban-view';
import { useActiveView } from './views/use-active-view';
import { ViewTabs } from './views/view-tabs';

const NO_PEOPLE: readonly Person[] = [];

type TableTab = 'grid' | 'fields';

function readTab(tableId: string): TableTab | undefined {
  const value = sessionStorage.getItem(`liucun.tab.${tableId}`);
  return value === 'grid' || value === 'fields' ? value : undefined;
}

function rememberTab(tableId: string, tab: TableTab): void {
  sessionStorage.setItem(`liucun.tab.${tableId}`, tab);
}

export function TablePage({ appId, tableId }: { appId: string; tableId: string }) {
  const { t } = useTranslation();
  const table = useWorkspace((state) =>
    state.snapshot.tables.find((candidate) => candidate.id === tableId && candidate.appId === appId),
  );
  const people = useWorkspace((state) => state.snapshot.workspace?.people ?? NO_PEOPLE);
  const history = useTableStore((state) => state.history[tableId]);
  const [view, setViewId] = useActiveView(table);
  const [chosenTab, setChosenTab] = useState<{ tableId: string; tab: TableTab } | undefined>();

  useEffect(() => {
    void tableStore.getState().refreshHistory(tableId);
  }, [tableId]);

  // Stored formula values still owe a recompute (e.g. the tab was closed while one ran): run it now.
  const pending = table?.recomputePending === true ? table : undefined;
  useEffect(() => {
    if (pending) void queryStore.getState().recompute(pending);
  }, [pending]);

  // A table opens on the tab last used in this browser session; the first time on its grid, or on its designer
  // while it has no fields. Kept in sessionStorage, so it also survives the page being mounted again.
  const hasFields = table !== undefined && table.fields.length > 0;
  const known = table !== undefined;
  const initialTab: TableTab = hasFields ? 'grid' : 'fields';
  useEffect(() => {
    // Remember the first tab shown, so adding the first field keeps the designer open (also if the page remounts).
    if (known && !readTab(tableId)) rememberTab(tableId, initialTab);
  }, [tableId, known, initialTab]);
  const setTab = (next: { tableId: string; tab: TableTab }) => {
    rememberTab(next.tableId, next.tab);
    setChosenTab(next);
  };

  // Ctrl/Cmd+Z undoes, Shift+Ctrl/Cmd+Z (or Ctrl+Y) redoes — except while typing in a text box.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      if (!(event.ctrlKey || event.metaKey)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        void tableStore.getState().undo(tableId);
      } else if ((key === 'z' && event.shiftKey) || key === 'y') {
        event.preventDefault();
        void tableStore.getState().redo(tableId);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [tableId]);

  if (!table) {
    return (
      <div className="page">
        <EmptyState icon="?" title={t('tables.notFound')} />
      </div>
    );
  }
  // Until the user picks a tab, a table without fields opens on its designer: a grid has nothing to show yet.
  const tab =
    chosenTab?.tableId === tableId ? chosenTab.tab : (readTab(tableId) ?? (hasFields ? 'grid' : 'fields'));
  const undoLabel = history?.undo ? t(history.undo.label, { ...history.undo.params }) : undefined;
  const redoLabel = history?.redo ? t(history.redo.label, { ...history.redo.params }) : undefined;

  return (
    <div className="page table-page">
      <PageHeader
        title={table.name}
        subtitle={t('tables.fieldCount', { count: table.fields.length })}
        actions={
          <>
            <Button
              variant="quiet"
              disabled={!undoLabel}
              title={undoLabel ? t('history.undoWhat', { what: undoLabel }) : undefined}
              onClick={() => void tableStore.getState().undo(tableId)}
            >
              {t('history.undo')}
            </Button>
            <Button
              variant="quiet"
              disabled={!redoLabel}
              title={redoLabel ? t('history.redoWhat', { what: redoLabel }) : undefined}
              onClick={() => void tableStore.getState().redo(tableId)}
            >
              {t('history.redo')}
            </Button>
          </>
        }
      />
      <div className="table-tabs" role="tablist" aria-label={table.name}>
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'grid'}
          className={tab === 'grid' ? 'table-tab table-tab-active' : 'table-tab'}
          onClick={() => setTab({ tableId, tab: 'grid' })}
        >
          {t('tables.gridTab')}
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'fields'}
          className={tab === 'fields' ? 'table-tab table-tab-active' : 'table-tab'}
          onClick={() => setTab({ tableId, tab: 'fields' })}
        >
          {t('tables.fieldsTab')}
        </button>
      </div>
      {tab === 'fields' ? (
        <TableDesigner table={table} />
      ) : (
        <>
          <ViewTabs table={table} activeViewId={view?.id} onSelect={setViewId} />
          {/* One view at a time, keyed by id: the query worker answers the newest query only. */}
          {view?.kind === 'kanban' ? (
            <KanbanView key={view.id} table={table} view={view} people={people} />
          ) : view ? (
            <GridView
              key={view.id}
              table={table}
              view={view}
              people={people}
              toolbar={(context) => <TableTools table={table} {...context} />}
            />
          ) : null}
        </>
      )}
    </div>
  );
}
