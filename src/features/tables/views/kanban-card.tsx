// One kanban card: the record's title and a few of its fields. Where cards can move it is draggable (pointer from
// anywhere on the card, keyboard from its handle) and has a "Move to…" menu, the way that needs no dragging at all.
import { useDraggable } from '@dnd-kit/core';
import type { KeyboardEventHandler, PointerEventHandler } from 'react';
import { useTranslation } from 'react-i18next';
import type { DataRecord, Field } from '../../../engine';
import { Menu } from '../../../ui';
import type { CellDisplay, CellFormatter } from '../grid/cell-format';

export interface CardDetail {
  readonly field: Field;
  readonly format: CellFormatter;
}

export interface MoveTarget {
  readonly key: string;
  readonly label: string;
}

/** Drag data of a card: the column it starts in. */
export interface CardDragData {
  readonly columnKey: string;
}

export interface KanbanCardProps {
  readonly id: string;
  /** Undefined while the record is being read. */
  readonly record: DataRecord | undefined;
  readonly columnKey: string;
  readonly title: string;
  readonly details: readonly CardDetail[];
  /** Columns the card may move to; undefined when cards cannot move (a computed stack field). */
  readonly moveTargets: readonly MoveTarget[] | undefined;
  readonly onMove: (columnKey: string) => void;
  readonly onOpen: () => void;
}

/** Whether an event comes from the card's menu, which neither opens the record nor starts a drag. */
function fromMenu(target: EventTarget): boolean {
  return target instanceof Element && target.closest('.kanban-card-menu') !== null;
}

export function CardValue({ display }: { readonly display: CellDisplay }) {
  if (display.chips && display.chips.length > 0)
    return (
      <span className="kanban-chips">
        {display.chips.map((chip, at) => (
          <span key={`${chip.label}-${String(at)}`} className={`chip chip-${chip.color}`}>
            {chip.label}
          </span>
        ))}
      </span>
    );
  if (display.stars)
    return (
      <span aria-label={display.text}>
        {'★'.repeat(Math.max(0, Math.min(display.stars.value, display.stars.max)))}
      </span>
    );
  if (display.checked !== undefined) return <span>{display.checked ? '✓' : '—'}</span>;
  return <span className={display.tone === 'error' ? 'kanban-error' : undefined}>{display.text}</span>;
}

export function KanbanCard({
  id,
  record,
  columnKey,
  title,
  details,
  moveTargets,
  onMove,
  onOpen,
}: KanbanCardProps) {
  const { t } = useTranslation();
  const data: CardDragData = { columnKey };
  const movable = moveTargets !== undefined && record !== undefined;
  const { setNodeRef, setActivatorNodeRef, listeners, attributes, isDragging } = useDraggable({
    id,
    data,
    disabled: !movable,
  });
  // dnd-kit types its listeners loosely (Function); these are the pointer and keyboard sensors' activators.
  const onPointerDown = listeners?.onPointerDown as PointerEventHandler<HTMLLIElement> | undefined;
  const onHandleKeyDown = listeners?.onKeyDown as KeyboardEventHandler<HTMLButtonElement> | undefined;

  if (!record)
    return (
      <li className="kanban-card kanban-card-loading" aria-busy="true">
        {t('common.loading')}
      </li>
    );

  const shown = details
    .map((detail) => ({ field: detail.field, display: detail.format(record) }))
    .filter(({ display }) => display.text !== '' || display.checked !== undefined);

  return (
    <li
      ref={setNodeRef}
      className={isDragging ? 'kanban-card kanban-card-dragging' : 'kanban-card'}
      data-record-id={id}
      onPointerDown={(event) => {
        if (!fromMenu(event.target)) onPointerDown?.(event);
      }}
      onClick={(event) => {
        if (!fromMenu(event.target)) onOpen();
      }}
    >
      <div className="kanban-card-head">
        {movable ? (
          <button
            type="button"
            ref={setActivatorNodeRef}
            {...attributes}
            className="kanban-card-handle"
            aria-label={t('views.kanban.dragHandle', { title })}
            onKeyDown={onHandleKeyDown}
            onClick={(event) => event.stopPropagation()}
          >
            ⠿
          </button>
        ) : null}
        {/* The title is a button so the keyboard can open the record; its click bubbles to the card. */}
        <button type="button" className="kanban-card-title">
          {title}
        </button>
        {movable && moveTargets.length > 0 ? (
          <div className="kanban-card-menu">
            <Menu
              label={t('views.kanban.moveCard', { title })}
              items={moveTargets.map((target) => ({
                label: target.label,
                onSelect: () => onMove(target.key),
              }))}
            />
          </div>
        ) : null}
      </div>
      {shown.length > 0 ? (
        <dl className="kanban-card-fields">
          {shown.map(({ field, display }) => (
            <div key={field.id} className="kanban-card-field">
              <dt>{field.name}</dt>
              <dd>
                <CardValue display={display} />
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </li>
  );
}
