// One table: its grid (the default view) and its designer ("Fields"), with undo / redo of every change to either.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../engine';
import { useTableStore, tableStore } from '../../stores/table-store';
import { useWorkspace } from '../../stores/workspace-store';
import { Button, EmptyState, PageHeader } from '../../ui';
import { TableDesigner } from './designer/table-designer';
import { GridView } from './grid/grid-view';
import { TableTools } from './table-tools';

const NO_PEOPLE: readonly Person[] = [];

export function TablePage({ appId, tableId }: { appId: string; tableId: string }) {
  const { t } = useTranslation();
  const table = useWorkspace((state) =>
    state.snapshot.tables.find((candidate) => candidate.id === tableId && candidate.appId === appId),
  );
  const people = useWorkspace((state) => state.snapshot.workspace?.people ?? NO_PEOPLE);
  const history = useTableStore((state) => state.history[tableId]);
  const [tab, setTab] = useState<'grid' | 'fields'>('grid');

  useEffect(() => {
    void tableStore.getState().refreshHistory(tableId);
  }, [tableId]);

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
  const view = table.views[0];
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
          onClick={() => setTab('grid')}
        >
          {t('tables.gridTab')}
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'fields'}
          className={tab === 'fields' ? 'table-tab table-tab-active' : 'table-tab'}
          onClick={() => setTab('fields')}
        >
          {t('tables.fieldsTab')}
        </button>
      </div>
      {tab === 'fields' ? (
        <TableDesigner table={table} />
      ) : view ? (
        <GridView
          table={table}
          view={view}
          people={people}
          toolbar={(context) => <TableTools table={table} {...context} />}
        />
      ) : null}
    </div>
  );
}
