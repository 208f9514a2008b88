// The table's fields in order: select one to edit it, drag it by its handle (pointer or keyboard) to reorder, or use
// its menu to move it up or down or delete it. Palette items dropped here become new fields at the drop position.
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useTranslation } from 'react-i18next';
import type { Field } from '../../../engine';
import { Menu } from '../../../ui';
import { useDesignerNames } from './kind-names';
import { KIND_ICONS } from './palette';

/** Droppable id of the list itself (dropping below the last row means "at the end"). */
export const FIELD_LIST_ID = 'designer:field-list';

export interface FieldListProps {
  readonly tableName: string;
  readonly fields: readonly Field[];
  readonly selectedId: string | undefined;
  readonly onSelect: (fieldId: string) => void;
  readonly onMove: (fieldId: string, toIndex: number) => void;
  readonly onDelete: (field: Field) => void;
}

interface FieldRowProps {
  readonly field: Field;
  readonly index: number;
  readonly count: number;
  readonly selected: boolean;
  readonly onSelect: (fieldId: string) => void;
  readonly onMove: (fieldId: string, toIndex: number) => void;
  readonly onDelete: (field: Field) => void;
}

function FieldRow({ field, index, count, selected, onSelect, onMove, onDelete }: FieldRowProps) {
  const { t } = useTranslation();
  const names = useDesignerNames();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({ id: field.id, data: { type: 'field' } });
  const items = [
    ...(index > 0 ? [{ label: t('designer.list.moveUp'), onSelect: () => onMove(field.id, index - 1) }] : []),
    ...(index < count - 1
      ? [{ label: t('designer.list.moveDown'), onSelect: () => onMove(field.id, index + 1) }]
      : []),
    { label: t('common.delete'), danger: true, onSelect: () => onDelete(field) },
  ];
  const classes = [
    'designer-field-row',
    selected ? 'designer-field-row-selected' : '',
    isDragging ? 'designer-row-dragging' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <li
      ref={setNodeRef}
      className={classes}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      data-testid={`field-row-${field.name}`}
    >
      <button
        type="button"
        ref={setActivatorNodeRef}
        className="btn btn-quiet btn-icon designer-handle"
        {...attributes}
        {...listeners}
        aria-label={t('designer.dnd.handle', { name: field.name })}
      >
        ⠿
      </button>
      <button
        type="button"
        className="designer-field-select"
        aria-current={selected ? 'true' : undefined}
        onClick={() => onSelect(field.id)}
      >
        <span className="designer-kind-icon" aria-hidden="true">
          {KIND_ICONS[field.kind]}
        </span>
        <span className="designer-field-name">{field.name}</span>
        <span className="muted designer-field-kind">{names.kind(field.kind)}</span>
      </button>
      <Menu label={t('designer.list.actionsFor', { name: field.name })} items={items} />
    </li>
  );
}

export function FieldList({ tableName, fields, selectedId, onSelect, onMove, onDelete }: FieldListProps) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: FIELD_LIST_ID });
  return (
    <section className="designer-list" aria-label={t('designer.list.title')}>
      <h3>{t('designer.list.title')}</h3>
      <div
        ref={setNodeRef}
        className={isOver ? 'designer-dropzone designer-dropzone-over' : 'designer-dropzone'}
      >
        <SortableContext items={fields.map((field) => field.id)} strategy={verticalListSortingStrategy}>
          <ul className="designer-fields" aria-label={t('designer.list.label', { table: tableName })}>
            {fields.map((field, index) => (
              <FieldRow
                key={field.id}
                field={field}
                index={index}
                count={fields.length}
                selected={field.id === selectedId}
                onSelect={onSelect}
                onMove={onMove}
                onDelete={onDelete}
              />
            ))}
          </ul>
        </SortableContext>
        <p className="muted designer-hint designer-drop-hint">
          {fields.length === 0 ? t('designer.list.empty') : t('designer.list.dropHint')}
        </p>
      </div>
    </section>
  );
}
