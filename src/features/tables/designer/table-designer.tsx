// The table designer: palette | field list | properties of the selected field. One DndContext covers the palette
// (items dragged onto the list become new fields there) and the list (rows dragged to reorder). Every drag has a
// click or keyboard way too: palette items are buttons that add at the end, rows have Move up / Move down, and the
// row handles can be picked up with Space and moved with the arrow keys.
import { useState } from 'react';
import {
  closestCenter,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import type {
  Active,
  Announcements,
  CollisionDetection,
  DragEndEvent,
  DragStartEvent,
  Over,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { useTranslation } from 'react-i18next';
import type { Field, FieldKind } from '../../../engine';
import { defaultFieldName, newField } from '../../../engine';
import { newId } from '../../../shared/ids';
import { linkStore } from '../../../stores/link-store';
import { useTableStore } from '../../../stores/table-store';
import type { TableRow } from '../../../stores/workspace-store';
import { useWorkspace } from '../../../stores/workspace-store';
import { ConfirmDialog } from '../../../ui';
import './designer.css';
import type { DesignerEnv } from './field-form';
import { FieldList, FIELD_LIST_ID } from './field-list';
import { FieldPanel } from './field-panel';
import { useDesignerNames } from './kind-names';
import type { PaletteDragData } from './palette';
import { KIND_ICONS, Palette } from './palette';
import { targetsFor } from './targets';

export interface TableDesignerProps {
  readonly table: TableRow;
}

function paletteKind(active: Active | null): FieldKind | undefined {
  const data = active?.data.current as Partial<PaletteDragData> | undefined;
  return data?.type === 'palette' ? data.kind : undefined;
}

/**
 * With a pointer: the row under it, else the list when the pointer is over the list, else nothing (dropping over the
 * palette adds nothing). With the keyboard (no pointer): the closest row.
 */
const collisionDetection: CollisionDetection = (args) => {
  if (args.pointerCoordinates) {
    const within = pointerWithin(args);
    const rows = within.filter((collision) => collision.id !== FIELD_LIST_ID);
    return rows.length > 0 ? rows : within;
  }
  const rows = args.droppableContainers.filter((container) => container.id !== FIELD_LIST_ID);
  return closestCenter({ ...args, droppableContainers: rows.length > 0 ? rows : args.droppableContainers });
};

/** Where a drop over `over` puts the item: the row's index, or the end for the list itself. */
function dropIndex(over: Over | null, fields: readonly Field[]): number | undefined {
  if (!over) return undefined;
  if (over.id === FIELD_LIST_ID) return fields.length;
  const index = fields.findIndex((field) => field.id === over.id);
  return index < 0 ? undefined : index;
}

function useEnv(table: TableRow): DesignerEnv {
  const tables = useWorkspace((state) => state.snapshot.tables);
  const people = useWorkspace((state) => state.snapshot.workspace?.people);
  return {
    table,
    appTables: tables.filter((candidate) => candidate.appId === table.appId),
    people: people ?? [],
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  };
}

export function TableDesigner({ table }: TableDesignerProps) {
  const { t } = useTranslation();
  const names = useDesignerNames();
  const env = useEnv(table);
  const addField = useTableStore((state) => state.addField);
  const moveField = useTableStore((state) => state.moveField);
  const deleteField = useTableStore((state) => state.deleteField);
  const [selectedId, setSelectedId] = useState<string | undefined>(table.fields[0]?.id);
  const [focusNameOf, setFocusNameOf] = useState<string | undefined>();
  const [draggingKind, setDraggingKind] = useState<FieldKind | undefined>();
  const [deleting, setDeleting] = useState<Field | undefined>();
  const fields = table.fields;
  const selected = fields.find((field) => field.id === selectedId);

  const unavailable = (kind: FieldKind): string | undefined => {
    const choice = targetsFor(kind, env);
    return choice.ok ? undefined : t(choice.reason);
  };

  const add = async (kind: FieldKind, index?: number) => {
    const choice = targetsFor(kind, env);
    if (!choice.ok) return;
    const id = newId();
    const name = defaultFieldName(
      names.kind(kind),
      fields.map((field) => field.name),
    );
    const field = newField(kind, { ...choice.params, id, name });
    // A link is shown on both sides: its inverse field is created in the other table in the same transaction.
    const added =
      field.kind === 'link'
        ? await linkStore.getState().addLinkField(table.id, field, { name: table.name, multiple: true })
        : await addField(table.id, field, index);
    if (added) {
      setSelectedId(id);
      setFocusNameOf(id);
    }
  };

  const move = (fieldId: string, toIndex: number) => {
    void moveField(table.id, fieldId, Math.max(0, Math.min(toIndex, fields.length - 1)));
  };

  const select = (fieldId: string) => {
    setSelectedId(fieldId);
    setFocusNameOf(undefined);
  };

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const itemName = (active: Active): string => {
    const kind = paletteKind(active);
    if (kind) return names.kind(kind);
    return fields.find((field) => field.id === active.id)?.name ?? '';
  };

  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      const kind = paletteKind(active);
      return kind
        ? t('designer.dnd.pickedUpKind', { kind: names.kind(kind) })
        : t('designer.dnd.pickedUp', { name: itemName(active) });
    },
    onDragOver: ({ active, over }) => {
      const index = dropIndex(over, fields);
      if (index === undefined) return t('designer.dnd.outside');
      return index >= fields.length
        ? t('designer.dnd.overEnd', { name: itemName(active) })
        : t('designer.dnd.over', { name: itemName(active), position: index + 1, count: fields.length });
    },
    onDragEnd: ({ active, over }) => {
      const index = dropIndex(over, fields);
      if (index === undefined) return t('designer.dnd.cancelled');
      const kind = paletteKind(active);
      return kind
        ? t('designer.dnd.added', { kind: names.kind(kind), position: index + 1 })
        : t('designer.dnd.dropped', {
            name: itemName(active),
            position: Math.min(index, fields.length - 1) + 1,
          });
    },
    onDragCancel: () => t('designer.dnd.cancelled'),
  };

  const onDragStart = ({ active }: DragStartEvent) => setDraggingKind(paletteKind(active));

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDraggingKind(undefined);
    const index = dropIndex(over, fields);
    if (index === undefined) return;
    const kind = paletteKind(active);
    if (kind) {
      void add(kind, index);
      return;
    }
    const from = fields.findIndex((field) => field.id === active.id);
    if (from >= 0 && from !== index) move(String(active.id), index);
  };

  return (
    <div className="designer">
      <DndContext
        sensors={sensors}
        collisionDetection={collisionDetection}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDraggingKind(undefined)}
        accessibility={{
          announcements,
          screenReaderInstructions: { draggable: t('designer.dnd.instructions') },
        }}
      >
        <Palette unavailable={unavailable} onAdd={(kind) => void add(kind)} />
        <FieldList
          tableName={table.name}
          fields={fields}
          selectedId={selectedId}
          onSelect={select}
          onMove={move}
          onDelete={setDeleting}
        />
        <DragOverlay dropAnimation={null}>
          {draggingKind ? (
            <div className="designer-palette-item designer-overlay">
              <span className="designer-kind-icon" aria-hidden="true">
                {KIND_ICONS[draggingKind]}
              </span>
              {names.kind(draggingKind)}
            </div>
          ) : null}
        </DragOverlay>
      </DndContext>
      <aside className="designer-panel" aria-label={t('designer.panel.title')}>
        <h3>{t('designer.panel.title')}</h3>
        {selected ? (
          <FieldPanel
            // A saved change (or another field) starts the form afresh from the stored definition.
            key={`${selected.id}:${JSON.stringify(selected)}`}
            field={selected}
            env={env}
            autoFocusName={focusNameOf === selected.id}
            onDelete={setDeleting}
            onSaved={() => setFocusNameOf(undefined)}
          />
        ) : (
          <p className="muted">{t('designer.panel.empty')}</p>
        )}
      </aside>
      <ConfirmDialog
        open={deleting !== undefined}
        title={t('designer.delete.title', { name: deleting?.name ?? '' })}
        confirmLabel={t('common.delete')}
        cancelLabel={t('common.cancel')}
        danger
        onCancel={() => setDeleting(undefined)}
        onConfirm={() => {
          const field = deleting;
          setDeleting(undefined);
          if (!field) return;
          const removal =
            field.kind === 'link'
              ? linkStore.getState().deleteLinkField(table.id, field.id)
              : deleteField(table.id, field.id);
          void removal.then((deleted) => {
            if (deleted && field.id === selectedId) setSelectedId(undefined);
          });
        }}
      >
        <p>{t('designer.delete.text')}</p>
      </ConfirmDialog>
    </div>
  );
}
