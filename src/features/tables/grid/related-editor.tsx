// The dialog of a link or attachment value, for one record: it reads the record, then writes the new value as an
// undoable change (links through the link store, which keeps the other side of the link in step).
import { useEffect, useState } from 'react';
import type { AttachmentField, DataRecord, LinkField, Table } from '../../../engine';
import { linkedIds } from '../../../engine/computed/lookup';
import { linkStore } from '../../../stores/link-store';
import { tableStore } from '../../../stores/table-store';
import { AttachmentEditor } from './attachment-editor';
import { attachmentsOf } from './attachment-thumbs';
import { LinkEditor } from './link-editor';

export interface RelatedEditorProps {
  readonly table: Table;
  readonly recordId: string;
  readonly field: LinkField | AttachmentField;
  readonly onClose: () => void;
}

export function RelatedEditor({ table, recordId, field, onClose }: RelatedEditorProps) {
  const [record, setRecord] = useState<DataRecord | undefined>();
  useEffect(() => {
    let cancelled = false;
    const load = () =>
      void tableStore
        .getState()
        .getRecords(table.id, [recordId])
        .then(([found]) => {
          if (!cancelled) setRecord(found);
        });
    load();
    const stop = tableStore.getState().subscribe(table.id, load);
    return () => {
      cancelled = true;
      stop();
    };
  }, [table.id, recordId]);

  if (!record) return null;
  const value = record.values[field.id];
  if (field.kind === 'link')
    return (
      <LinkEditor
        table={table}
        field={field}
        value={linkedIds(value)}
        onChange={(ids) => {
          void linkStore.getState().setLinks(table.id, record.id, field.id, ids);
          onClose();
        }}
        onClose={onClose}
      />
    );
  return (
    <AttachmentEditor
      tableId={table.id}
      field={field}
      value={attachmentsOf(value)}
      onChange={(next) => {
        void tableStore.getState().updateRecords(table.id, [{ id: record.id, values: { [field.id]: next } }]);
      }}
      onClose={onClose}
    />
  );
}
