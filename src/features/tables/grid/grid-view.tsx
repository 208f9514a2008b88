// A table's grid view: the toolbar (search, group, row height, add, bulk actions) over the data grid, and the record
// drawer. View settings (widths, order, group, row height…) are saved in the view, so they come back after a reload.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  choicesOf,
  summableFields,
  type Field,
  type GroupSummary,
  type Person,
  type Table,
  type View,
  type AttachmentField,
  type LinkField,
} from '../../../engine';
import { releaseAttachmentUrls } from '../../../stores/attachment-store';
import { noticesStore } from '../../../stores/notices-store';
import { tableStore } from '../../../stores/table-store';
import { Button, ConfirmDialog } from '../../../ui';
import { BulkEditDialog } from './bulk-edit-dialog';
import { DataGrid, type CellChange, type RowHeight } from './data-grid';
import type { GridGroup } from './grid-layout';
import { RecordDrawer } from './record-drawer';
import { RelatedEditor } from './related-editor';
import { useGridSource } from './use-grid-source';
import { ViewStatus } from './view-status';
import { ViewControls } from './view-controls/view-controls';
import './grid.css';

export interface GridViewProps {
  readonly table: Table;
  readonly view: View;
  readonly people: readonly Person[];
  /** Extra toolbar items from the page (import, export, sample data, view settings). */
  readonly toolbar?: (context: {
    orderedIds: () => Promise<readonly string[]>;
    visibleFields: Field[];
  }) => React.ReactNode;
}

const NO_KEYS: ReadonlySet<string> = new Set();

/** The view's fields in its order, without hidden ones. */
export function visibleFieldsOf(table: Table, view: View): Field[] {
  const order = view.fieldOrder ?? [];
  const rank = new Map(order.map((id, at) => [id, at]));
  const hidden = new Set(view.hiddenFieldIds ?? []);
  return table.fields
    .map((field, at) => ({ field, at }))
    .sort(
      (a, b) => (rank.get(a.field.id) ?? order.length + a.at) - (rank.get(b.field.id) ?? order.length + b.at),
    )
    .map(({ field }) => field)
    .filter((field) => !hidden.has(field.id));
}

export function useSaveView(table: Table, view: View) {
  return useCallback(
    (change: (view: View) => View) =>
      tableStore.getState().changeTable(
        table.id,
        (current) => ({
          ...current,
          views: current.views.map((candidate) => (candidate.id === view.id ? change(candidate) : candidate)),
        }),
        { label: 'history.changeView', params: { name: view.name } },
      ),
    [table.id, view.id, view.name],
  );
}

export function GridView({ table, view, people, toolbar }: GridViewProps) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [drawerId, setDrawerId] = useState<string | undefined>();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [bulkEdit, setBulkEdit] = useState(false);
  const [related, setRelated] = useState<
    { recordId: string; field: LinkField | AttachmentField } | undefined
  >();
  useEffect(() => () => releaseAttachmentUrls(), [table.id]);
  // Collapsed groups belong to one grouping: grouping by another field starts with every group open.
  const [collapsedState, setCollapsedState] = useState<{ by: string | undefined; keys: ReadonlySet<string> }>(
    {
      by: undefined,
      keys: new Set(),
    },
  );
  const collapsed = collapsedState.by === view.groupByFieldId ? collapsedState.keys : NO_KEYS;
  const setCollapsed = (
    update: ReadonlySet<string> | ((current: ReadonlySet<string>) => ReadonlySet<string>),
  ) =>
    setCollapsedState((state) => {
      const current = state.by === view.groupByFieldId ? state.keys : NO_KEYS;
      return { by: view.groupByFieldId, keys: typeof update === 'function' ? update(current) : update };
    });
  const saveView = useSaveView(table, view);
  const fields = useMemo(() => visibleFieldsOf(table, view), [table, view]);
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const format = useMemo(
    () => ({ locale: i18n.language, timeZone, people }),
    [i18n.language, timeZone, people],
  );

  const groupField = table.fields.find((field) => field.id === view.groupByFieldId);
  const groupsOf = useCallback(
    (result: { groups?: unknown }): GridGroup[] | undefined => {
      const groups = result.groups as GroupSummary[] | undefined;
      if (!groups || !groupField) return undefined;
      const choices = new Map(choicesOf(groupField).map((choice) => [choice.id, choice]));
      const money = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
      const summable = summableFields(table.fields).filter((field) => fields.includes(field));
      return groups.map((group) => {
        const choice = typeof group.value === 'string' ? choices.get(group.value) : undefined;
        const label =
          group.value === null
            ? t('grid.blankGroup')
            : (group.label ??
              choice?.name ??
              (typeof group.value === 'object' ? JSON.stringify(group.value) : String(group.value)));
        const summary = summable.flatMap((field) => {
          const figures = group.aggregates[field.id];
          if (!figures || figures.count === 0) return [];
          return [
            t('grid.groupSummary', {
              field: field.name,
              sum: money.format(figures.sum),
              average: figures.average === null ? '—' : money.format(figures.average),
            }),
          ];
        });
        return {
          key: group.key,
          label,
          color: choice?.color,
          count: group.count,
          start: group.start,
          summary,
        };
      });
    },
    [groupField, table.fields, fields, i18n.language, t],
  );

  const source = useGridSource(table, view, search, groupsOf);

  const onCommit = (changes: CellChange[], kind: 'edit' | 'paste' | 'fill' | 'clear') => {
    const labels = {
      edit: 'history.editCell',
      paste: 'history.paste',
      fill: 'history.fillDown',
      clear: 'history.clearCells',
    } as const;
    void tableStore.getState().updateRecords(table.id, changes, {
      label: labels[kind],
      params: { count: changes.length },
    });
  };

  const addRecord = async () => {
    const added = await tableStore.getState().addRecords(table.id, [{}]);
    if (added?.[0]) setDrawerId(added[0].id);
  };

  const deleteSelected = async () => {
    setConfirmDelete(false);
    const ids = [...selected];
    const count = await tableStore.getState().deleteRecords(table.id, ids);
    if (count !== undefined) {
      setSelected(new Set());
      noticesStore.getState().toast('info', 'grid.deleted', { count });
    }
  };

  const groupable = table.fields.filter((field) => field.kind !== 'attachment' && field.kind !== 'longText');

  return (
    <div className="grid-view">
      <div className="grid-toolbar" role="toolbar" aria-label={t('grid.toolbar')}>
        <input
          type="search"
          className="text-input grid-search"
          placeholder={t('grid.search')}
          aria-label={t('grid.search')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
        <ViewControls table={table} view={view} people={people} saveView={saveView} columns />
        <label className="grid-toolbar-item">
          <span aria-hidden="true">{t('grid.groupBy')}</span>
          <select
            className="text-input"
            aria-label={t('grid.groupBy')}
            value={view.groupByFieldId ?? ''}
            onChange={(event) => {
              const value = event.target.value;
              void saveView((current) => {
                const { groupByFieldId: _old, ...rest } = current;
                return value === '' ? rest : { ...rest, groupByFieldId: value };
              });
            }}
          >
            <option value="">{t('grid.noGrouping')}</option>
            {groupable.map((field) => (
              <option key={field.id} value={field.id}>
                {field.name}
              </option>
            ))}
          </select>
        </label>
        {source.groups ? (
          <Button
            size="small"
            variant="quiet"
            onClick={() =>
              setCollapsed(
                collapsed.size > 0 ? new Set() : new Set(source.groups?.map((group) => group.key) ?? []),
              )
            }
          >
            {collapsed.size > 0 ? t('grid.expandAll') : t('grid.collapseAll')}
          </Button>
        ) : null}
        <label className="grid-toolbar-item">
          <span aria-hidden="true">{t('grid.rowHeight')}</span>
          <select
            className="text-input"
            aria-label={t('grid.rowHeight')}
            value={view.rowHeight ?? 'short'}
            onChange={(event) => {
              const rowHeight = event.target.value as RowHeight;
              void saveView((current) => ({ ...current, rowHeight }));
            }}
          >
            {(['short', 'medium', 'tall'] as const).map((height) => (
              <option key={height} value={height}>
                {t(`grid.rowHeights.${height}`)}
              </option>
            ))}
          </select>
        </label>
        {toolbar?.({ orderedIds: source.orderedIds, visibleFields: fields })}
        <span className="grid-toolbar-spacer" />
        {selected.size > 0 ? (
          <>
            <span className="grid-selection">{t('grid.selected', { count: selected.size })}</span>
            <Button size="small" onClick={() => setBulkEdit(true)}>
              {t('grid.bulkEdit')}
            </Button>
            <Button size="small" variant="danger" onClick={() => setConfirmDelete(true)}>
              {t('grid.deleteSelected')}
            </Button>
          </>
        ) : null}
        <Button size="small" variant="primary" onClick={() => void addRecord()}>
          {t('grid.addRecord')}
        </Button>
      </div>
      <ViewStatus
        tableId={table.id}
        busy={source.busy}
        counts={{ matched: source.matched, total: source.total }}
      />
      {fields.length === 0 ? (
        <p className="muted">{table.fields.length === 0 ? t('grid.noFields') : t('grid.noVisibleFields')}</p>
      ) : (
        <DataGrid
          ariaLabel={table.name}
          fields={fields}
          window={source.window}
          groups={source.groups}
          collapsedGroups={collapsed}
          onToggleGroup={(key) =>
            setCollapsed((current) => {
              const next = new Set(current);
              if (next.has(key)) next.delete(key);
              else next.add(key);
              return next;
            })
          }
          frozenCount={view.frozenFieldCount ?? 1}
          columnWidths={view.columnWidths ?? {}}
          rowHeight={view.rowHeight ?? 'short'}
          format={format}
          selectedIds={selected}
          onSelectedIdsChange={setSelected}
          onResizeColumn={(fieldId, width) =>
            void saveView((current) => ({
              ...current,
              columnWidths: { ...current.columnWidths, [fieldId]: width },
            }))
          }
          onMoveColumn={(fieldId, toIndex) =>
            void saveView((current) => {
              const order = visibleFieldsOf(table, current).map((field) => field.id);
              const from = order.indexOf(fieldId);
              if (from < 0) return current;
              order.splice(from, 1);
              order.splice(toIndex, 0, fieldId);
              return { ...current, fieldOrder: order };
            })
          }
          onCommit={onCommit}
          onOpenRecord={setDrawerId}
          onEditRelated={(record, field) => setRelated({ recordId: record.id, field })}
          onProblems={(messages) =>
            noticesStore.getState().toast('error', 'grid.problems', {
              count: messages.length,
              first: messages.slice(0, 3).join(' · '),
            })
          }
        />
      )}
      {drawerId ? (
        <RecordDrawer
          table={table}
          recordId={drawerId}
          people={people}
          format={format}
          onClose={() => setDrawerId(undefined)}
        />
      ) : null}
      <ConfirmDialog
        open={confirmDelete}
        danger
        title={t('grid.deleteTitle', { count: selected.size })}
        confirmLabel={t('grid.deleteSelected')}
        cancelLabel={t('common.cancel')}
        onConfirm={() => void deleteSelected()}
        onCancel={() => setConfirmDelete(false)}
      >
        {t('grid.deleteText', { count: selected.size })}
      </ConfirmDialog>
      {related ? (
        <RelatedEditor
          table={table}
          recordId={related.recordId}
          field={related.field}
          onClose={() => setRelated(undefined)}
        />
      ) : null}
      {bulkEdit ? (
        <BulkEditDialog
          table={table}
          recordIds={[...selected]}
          timeZone={timeZone}
          onClose={() => setBulkEdit(false)}
        />
      ) : null}
    </div>
  );
}
