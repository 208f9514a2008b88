// A kanban view: the records as cards in columns, one per choice of the stack field (a single select or a tier).
// Dragging a card to another column, or its "Move to…" menu, sets the select; a tier is computed from its rules, so
// its cards stay put. Filter, sorts and hidden fields are the view's own, saved like the grid's.
import { ViewControls } from '../grid/view-controls/view-controls';
import { ViewStatus } from '../grid/view-status';
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person, Table, View } from '../../../engine';
import { tableStore } from '../../../stores/table-store';
import { cellFormatter } from '../grid/cell-format';
import { RecordDrawer } from '../grid/record-drawer';
import { useSaveView, visibleFieldsOf } from '../grid/grid-view';
import { KanbanColumnView } from './kanban-column';
import {
  canMoveCards,
  stackableFields,
  stackFieldOf,
  valueOfColumn,
  type KanbanColumn,
} from './kanban-columns';
import type { CardDetail } from './kanban-card';
import { columnKeyboardCoordinates } from './kanban-keyboard';
import { useKanbanData } from './use-kanban-data';
import '../grid/grid.css';
import './views.css';

export interface KanbanViewProps {
  readonly table: Table;
  readonly view: View;
  readonly people: readonly Person[];
}

/** Fields a card shows below its title. */
const DETAIL_FIELDS = 3;

/** Droppable ids of columns carry a prefix, so they never clash with card (record) ids. */
const COLUMN_PREFIX = 'column:';

export function KanbanView({ table, view, people }: KanbanViewProps) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const [drawerId, setDrawerId] = useState<string | undefined>();
  const [dragging, setDragging] = useState<string | undefined>();
  // A drop ends with a click on whatever is under the pointer: that click must not open a record.
  const justDropped = useRef(false);
  const saveView = useSaveView(table, view);
  const stackable = stackableFields(table);
  const field = stackFieldOf(table, view.stackFieldId);
  const movable = field !== undefined && canMoveCards(field);
  const data = useKanbanData(table, view, field, search);

  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const format = useMemo(
    () => ({ locale: i18n.language, timeZone, people }),
    [i18n.language, timeZone, people],
  );
  const primary = table.fields.find((candidate) => candidate.id === table.primaryFieldId) ?? table.fields[0];
  const titleFormat = useMemo(
    () => (primary ? cellFormatter(primary, format) : undefined),
    [primary, format],
  );
  const details: CardDetail[] = useMemo(
    () =>
      visibleFieldsOf(table, view)
        .filter((candidate) => candidate.id !== primary?.id && candidate.id !== field?.id)
        .slice(0, DETAIL_FIELDS)
        .map((candidate) => ({ field: candidate, format: cellFormatter(candidate, format) })),
    [table, view, primary, field, format],
  );

  const columns = data.listing?.columns ?? [];
  const columnName = (column: KanbanColumn | undefined) => column?.choice?.name ?? t('views.kanban.empty');
  const columnOf = (key: string) => columns.find((column) => column.key === key);
  const titleOf = (id: string) => {
    const record = data.records.get(id);
    const text = record && titleFormat ? titleFormat(record).text : '';
    return text === '' ? t('drawer.untitled') : text;
  };

  const move = (id: string, toKey: string) => {
    const target = columnOf(toKey);
    if (!field || !movable || !target) return;
    void tableStore
      .getState()
      .updateRecords(table.id, [{ id, values: { [field.id]: valueOfColumn(target) } }], {
        label: 'history.moveCard',
        params: { to: columnName(target) },
      });
  };

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnKeyboardCoordinates }),
  );
  const keyOfDroppable = (id: string | number | undefined) =>
    typeof id === 'string' && id.startsWith(COLUMN_PREFIX) ? id.slice(COLUMN_PREFIX.length) : undefined;
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('views.kanban.dnd.pickedUp', { title: titleOf(String(active.id)) }),
    onDragOver: ({ active, over }) => {
      const key = keyOfDroppable(over?.id);
      return key === undefined
        ? t('views.kanban.dnd.outside', { title: titleOf(String(active.id)) })
        : t('views.kanban.dnd.over', {
            title: titleOf(String(active.id)),
            column: columnName(columnOf(key)),
          });
    },
    onDragEnd: ({ active, over }) => {
      const key = keyOfDroppable(over?.id);
      return key === undefined
        ? t('views.kanban.dnd.cancelled', { title: titleOf(String(active.id)) })
        : t('views.kanban.dnd.dropped', {
            title: titleOf(String(active.id)),
            column: columnName(columnOf(key)),
          });
    },
    onDragCancel: ({ active }) => t('views.kanban.dnd.cancelled', { title: titleOf(String(active.id)) }),
  };

  const onDragStart = (event: DragStartEvent) => setDragging(String(event.active.id));
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragging(undefined);
    justDropped.current = true;
    setTimeout(() => {
      justDropped.current = false;
    }, 0);
    const from = (active.data.current as { columnKey?: string } | undefined)?.columnKey;
    const to = keyOfDroppable(over?.id);
    if (to !== undefined && to !== from) move(String(active.id), to);
  };

  const openRecord = (id: string) => {
    if (!justDropped.current) setDrawerId(id);
  };

  const listing = data.listing;
  return (
    <div className="kanban-view">
      <div className="grid-toolbar" role="toolbar" aria-label={t('views.kanban.toolbar')}>
        <input
          type="search"
          className="text-input grid-search"
          placeholder={t('grid.search')}
          aria-label={t('grid.search')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
        <label className="grid-toolbar-item">
          <span aria-hidden="true">{t('views.kanban.stackBy')}</span>
          <select
            className="text-input"
            aria-label={t('views.kanban.stackBy')}
            value={field?.id ?? ''}
            onChange={(event) => {
              const stackFieldId = event.target.value;
              if (stackFieldId !== '') void saveView((current) => ({ ...current, stackFieldId }));
            }}
          >
            {field ? null : <option value="">{t('views.kanban.chooseStack')}</option>}
            {stackable.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </select>
        </label>
        <ViewControls table={table} view={view} people={people} saveView={saveView} />
      </div>
      <ViewStatus
        tableId={table.id}
        busy={false}
        counts={
          listing === undefined || !field ? undefined : { matched: listing.matched, total: listing.total }
        }
      />
      {!field ? (
        <p className="muted kanban-note">
          {stackable.length === 0 ? t('views.kanban.noStackField') : t('views.kanban.pickStack')}
        </p>
      ) : (
        <>
          {movable ? null : (
            <p className="kanban-note" role="note">
              {t('views.kanban.tierNote', { name: field.name })}
            </p>
          )}
          {listing === undefined ? (
            <p className="muted">{t('common.loading')}</p>
          ) : (
            <DndContext
              sensors={sensors}
              onDragStart={onDragStart}
              onDragEnd={onDragEnd}
              onDragCancel={() => setDragging(undefined)}
              accessibility={{
                announcements,
                screenReaderInstructions: { draggable: t('views.kanban.dnd.instructions') },
              }}
            >
              <div className="kanban-board" aria-label={table.name}>
                {columns.map((column) => (
                  <KanbanColumnView
                    key={column.key}
                    droppableId={`${COLUMN_PREFIX}${column.key}`}
                    column={column}
                    name={columnName(column)}
                    records={data.records}
                    shown={data.shownCount(column.key)}
                    details={details}
                    titleOf={titleOf}
                    moveTargets={
                      movable
                        ? columns
                            .filter((other) => other.key !== column.key)
                            .map((other) => ({ key: other.key, label: columnName(other) }))
                        : undefined
                    }
                    onMove={move}
                    onOpen={openRecord}
                    onShowMore={() => data.showMore(column.key)}
                  />
                ))}
              </div>
              <DragOverlay>
                {dragging ? <div className="kanban-card kanban-card-overlay">{titleOf(dragging)}</div> : null}
              </DragOverlay>
            </DndContext>
          )}
        </>
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
    </div>
  );
}
