// A reorderable list (select options, tier rules): drag by the handle with the pointer or the keyboard, or use the
// row's up/down buttons. Its own DndContext, so dragging a row never reaches the designer's field list.
import type { ReactNode } from 'react';
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import type { Announcements, DragEndEvent } from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useTranslation } from 'react-i18next';

export interface SortableRowsProps {
  /** Stable ids of the rows, in order. */
  readonly ids: readonly string[];
  /** The row's name for announcements ("Picked up VIP"). */
  readonly nameOf: (id: string) => string;
  readonly label: string;
  readonly onMove: (from: number, to: number) => void;
  readonly children: ReactNode;
}

function useListAnnouncements(ids: readonly string[], nameOf: (id: string) => string): Announcements {
  const { t } = useTranslation();
  const position = (id: string | number | undefined) => ids.indexOf(String(id)) + 1;
  return {
    onDragStart: ({ active }) => t('designer.dnd.pickedUp', { name: nameOf(String(active.id)) }),
    onDragOver: ({ active, over }) =>
      over
        ? t('designer.dnd.over', {
            name: nameOf(String(active.id)),
            position: position(over.id),
            count: ids.length,
          })
        : t('designer.dnd.outside'),
    onDragEnd: ({ active, over }) =>
      over
        ? t('designer.dnd.dropped', { name: nameOf(String(active.id)), position: position(over.id) })
        : t('designer.dnd.cancelled'),
    onDragCancel: () => t('designer.dnd.cancelled'),
  };
}

export function SortableRows({ ids, nameOf, label, onMove, children }: SortableRowsProps) {
  const { t } = useTranslation();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const announcements = useListAnnouncements(ids, nameOf);
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = ids.indexOf(String(active.id));
    const to = ids.indexOf(String(over.id));
    if (from >= 0 && to >= 0) onMove(from, to);
  };
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{
        announcements,
        screenReaderInstructions: { draggable: t('designer.dnd.instructions') },
      }}
    >
      <SortableContext items={[...ids]} strategy={verticalListSortingStrategy}>
        <ol className="designer-rows" aria-label={label}>
          {children}
        </ol>
      </SortableContext>
    </DndContext>
  );
}

export interface SortableRowProps {
  readonly id: string;
  readonly index: number;
  readonly count: number;
  readonly name: string;
  readonly onMove: (from: number, to: number) => void;
  readonly children: ReactNode;
}

/** One row: drag handle, the row's inputs, then move up / move down. */
export function SortableRow({ id, index, count, name, onMove, children }: SortableRowProps) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({ id });
  return (
    <li
      ref={setNodeRef}
      className={isDragging ? 'designer-row designer-row-dragging' : 'designer-row'}
      style={{ transform: CSS.Transform.toString(transform), transition }}
    >
      <button
        type="button"
        ref={setActivatorNodeRef}
        className="btn btn-quiet btn-icon designer-handle"
        {...attributes}
        {...listeners}
        aria-label={t('designer.dnd.handle', { name })}
      >
        ⠿
      </button>
      <div className="designer-row-body">{children}</div>
      <button
        type="button"
        className="btn btn-quiet btn-icon"
        aria-label={t('designer.rows.moveUp', { name })}
        disabled={index === 0}
        onClick={() => onMove(index, index - 1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="btn btn-quiet btn-icon"
        aria-label={t('designer.rows.moveDown', { name })}
        disabled={index === count - 1}
        onClick={() => onMove(index, index + 1)}
      >
        ↓
      </button>
    </li>
  );
}
