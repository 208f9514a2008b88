// The record drawer: the whole record, one field per line (editable where a person may type), and the history of
// its changes that the table's undo log still holds.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  cellText,
  COMPUTED_FIELD_KINDS,
  type AttachmentField,
  type DataRecord,
  type LinkField,
  type Person,
  type Table,
} from '../../../engine';
import { linkedIds } from '../../../engine/computed/lookup';
import { tableStore, type RecordHistoryEntry } from '../../../stores/table-store';
import { Button } from '../../../ui';
import { AttachmentThumbs, attachmentsOf } from './attachment-thumbs';
import { CellEditor } from './cell-editor';
import { LinkChips } from './link-chips';
import { RelatedEditor } from './related-editor';
import { cellFormatter, fieldValue, type FormatContext } from './cell-format';

export interface RecordDrawerProps {
  readonly table: Table;
  readonly recordId: string;
  readonly people: readonly Person[];
  readonly format: FormatContext;
  readonly onClose: () => void;
}

export function RecordDrawer({ table, recordId, people, format, onClose }: RecordDrawerProps) {
  const { t, i18n } = useTranslation();
  const [record, setRecord] = useState<DataRecord | undefined>();
  const [history, setHistory] = useState<RecordHistoryEntry[]>([]);
  const [editing, setEditing] = useState<string | undefined>();
  const [related, setRelated] = useState<LinkField | AttachmentField | undefined>();
  const [revision, setRevision] = useState(0);
  const formatters = useMemo(
    () => new Map(table.fields.map((field) => [field.id, cellFormatter(field, format)])),
    [table.fields, format],
  );

  useEffect(() => {
    let cancelled = false;
    const store = tableStore.getState();
    void Promise.all([store.getRecords(table.id, [recordId]), store.recordHistory(table.id, recordId)]).then(
      ([[found], entries]) => {
        if (cancelled) return;
        setRecord(found);
        setHistory(entries);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [table.id, recordId, revision]);

  useEffect(
    () =>
      tableStore.getState().subscribe(table.id, (change) => {
        if (change.kind !== 'records' || change.records.some((candidate) => candidate.id === recordId))
          setRevision((value) => value + 1);
      }),
    [table.id, recordId],
  );

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && editing === undefined && related === undefined) onClose();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [editing, related, onClose]);

  const primary = table.fields.find((field) => field.id === table.primaryFieldId) ?? table.fields[0];
  const title = record && primary ? cellText(primary, fieldValue(primary, record), format) : '';
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const fieldName = (fieldId: string) => table.fields.find((field) => field.id === fieldId)?.name ?? fieldId;
  const valueText = (fieldId: string, value: unknown) => {
    const field = table.fields.find((candidate) => candidate.id === fieldId);
    return field ? cellText(field, value, format) || '—' : JSON.stringify(value);
  };

  return (
    <aside
      className="record-drawer"
      role="dialog"
      aria-modal="false"
      aria-label={t('drawer.title', { title })}
    >
      <header className="record-drawer-header">
        <h2>{title || t('drawer.untitled')}</h2>
        <Button variant="quiet" onClick={onClose} aria-label={t('common.close')}>
          ✕
        </Button>
      </header>
      {record ? (
        <dl className="record-fields">
          {table.fields.map((field) => {
            const editable =
              !COMPUTED_FIELD_KINDS.includes(field.kind) &&
              field.kind !== 'link' &&
              field.kind !== 'attachment';
            const display = formatters.get(field.id)?.(record);
            return (
              <div key={field.id} className="record-field">
                <dt>{field.name}</dt>
                <dd>
                  {field.kind === 'link' || field.kind === 'attachment' ? (
                    <button
                      type="button"
                      className="record-value"
                      aria-label={t('drawer.editField', { name: field.name })}
                      onClick={() => setRelated(field)}
                    >
                      {field.kind === 'link' ? (
                        <LinkChips tableId={field.targetTableId} ids={linkedIds(record.values[field.id])} />
                      ) : (
                        <AttachmentThumbs value={attachmentsOf(record.values[field.id])} />
                      )}
                    </button>
                  ) : editing === field.id ? (
                    <CellEditor
                      field={field}
                      value={fieldValue(field, record)}
                      initialText={undefined}
                      timeZone={format.timeZone}
                      people={people}
                      onCommit={(value) => {
                        setEditing(undefined);
                        void tableStore
                          .getState()
                          .updateRecords(table.id, [
                            { id: record.id, values: { [field.id]: value as never } },
                          ]);
                      }}
                      onCancel={() => setEditing(undefined)}
                    />
                  ) : (
                    <button
                      type="button"
                      className="record-value"
                      disabled={!editable}
                      aria-label={t('drawer.editField', { name: field.name })}
                      onClick={() => setEditing(field.id)}
                    >
                      {display?.text || (display?.checked ? '✓' : '—')}
                    </button>
                  )}
                </dd>
              </div>
            );
          })}
        </dl>
      ) : (
        <p className="muted">{t('drawer.missing')}</p>
      )}
      {related ? (
        <RelatedEditor
          table={table}
          recordId={recordId}
          field={related}
          onClose={() => setRelated(undefined)}
        />
      ) : null}
      <section className="record-history">
        <h3>{t('drawer.history')}</h3>
        {history.length === 0 ? <p className="muted">{t('drawer.noHistory')}</p> : null}
        <ol>
          {history.map((entry, at) => (
            <li key={at}>
              <time>{when.format(entry.at)}</time>{' '}
              {entry.created ? t('drawer.created') : entry.deleted ? t('drawer.deleted') : null}
              <ul>
                {entry.fields.map((change) => (
                  <li key={change.fieldId}>
                    <strong>{fieldName(change.fieldId)}</strong>: {valueText(change.fieldId, change.before)} →{' '}
                    {valueText(change.fieldId, change.after)}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      </section>
    </aside>
  );
}
