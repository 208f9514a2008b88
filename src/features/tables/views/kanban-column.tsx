// One kanban column: its choice as a chip with the card count, the first cards (more on request), and a drop zone.
import { useDroppable } from '@dnd-kit/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DataRecord } from '../../../engine';
import { KanbanCard, type CardDetail, type MoveTarget } from './kanban-card';
import type { KanbanColumn } from './kanban-columns';
import { CARD_PAGE } from './use-kanban-data';

export interface KanbanColumnViewProps {
  readonly droppableId: string;
  readonly column: KanbanColumn;
  readonly name: string;
  readonly records: ReadonlyMap<string, DataRecord>;
  /** Cards shown (the rest waits for "Show more"). */
  readonly shown: number;
  readonly details: readonly CardDetail[];
  readonly titleOf: (id: string) => string;
  /** The other columns, where this column's cards may go; undefined when cards cannot move. */
  readonly moveTargets: readonly MoveTarget[] | undefined;
  readonly onMove: (id: string, columnKey: string) => void;
  readonly onOpen: (id: string) => void;
  readonly onShowMore: () => void;
}

export function KanbanColumnView({
  droppableId,
  column,
  name,
  records,
  shown,
  details,
  titleOf,
  moveTargets,
  onMove,
  onOpen,
  onShowMore,
}: KanbanColumnViewProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const { setNodeRef, isOver } = useDroppable({ id: droppableId, disabled: moveTargets === undefined });
  const ids = column.ids.slice(0, shown);
  const left = column.ids.length - ids.length;

  return (
    <section
      ref={setNodeRef}
      className={isOver ? 'kanban-column kanban-column-over' : 'kanban-column'}
      aria-labelledby={headingId}
      data-column={column.key}
    >
      <header className="kanban-column-header">
        <h3 id={headingId} className="kanban-column-title">
          <span className={column.choice ? `chip chip-${column.choice.color}` : 'chip kanban-chip-empty'}>
            {name}
          </span>
        </h3>
        <span
          className="kanban-column-count"
          aria-label={t('views.kanban.count', { count: column.ids.length })}
        >
          {column.ids.length}
        </span>
      </header>
      <ul className="kanban-cards">
        {ids.map((id) => (
          <KanbanCard
            key={id}
            id={id}
            record={records.get(id)}
            columnKey={column.key}
            title={titleOf(id)}
            details={details}
            moveTargets={moveTargets}
            onMove={(key) => onMove(id, key)}
            onOpen={() => onOpen(id)}
          />
        ))}
      </ul>
      {column.ids.length === 0 ? <p className="kanban-column-empty">{t('views.kanban.noCards')}</p> : null}
      {left > 0 ? (
        <button type="button" className="btn btn-quiet btn-small kanban-more" onClick={onShowMore}>
          {t('views.kanban.showMore', { count: Math.min(left, CARD_PAGE) })}
        </button>
      ) : null}
    </section>
  );
}
