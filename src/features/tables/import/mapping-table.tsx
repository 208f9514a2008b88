// One row per file column: its header, sample cells, and where it goes (an existing field, a new field of a kind, or
// nowhere).
import { useTranslation } from 'react-i18next';
import type { Field } from '../../../engine';
import {
  IMPORTABLE_KINDS,
  type ImportableKind,
  type ImportPreview,
  type ImportTarget,
} from '../../../engine/import';

export interface MappingTableProps {
  readonly preview: ImportPreview;
  readonly targets: readonly ImportTarget[];
  readonly fields: readonly Field[];
  readonly onTarget: (column: number, target: ImportTarget) => void;
  readonly onKind: (column: number, kind: ImportableKind) => void;
}

const SAMPLE_CELLS = 3;

function targetValue(target: ImportTarget | undefined): string {
  if (!target || target.type === 'skip') return 'skip';
  return target.type === 'new' ? 'new' : `existing:${target.fieldId}`;
}

export function MappingTable({ preview, targets, fields, onTarget, onKind }: MappingTableProps) {
  const { t } = useTranslation();
  return (
    <table className="list-table" data-testid="import-mapping">
      <thead>
        <tr>
          <th>{t('import.mapping.column')}</th>
          <th>{t('import.mapping.sample')}</th>
          <th>{t('import.mapping.target')}</th>
          <th>{t('import.mapping.kind')}</th>
        </tr>
      </thead>
      <tbody>
        {preview.headers.map((header, column) => {
          const target = targets[column];
          const label = header.trim() === '' ? t('import.mapping.untitled', { n: column + 1 }) : header;
          const samples = preview.rows
            .map((row) => row[column] ?? '')
            .filter((text) => text.trim() !== '')
            .slice(0, SAMPLE_CELLS);
          const inferred = preview.fields[column];
          return (
            <tr key={column}>
              <td>{label}</td>
              <td
                className="muted"
                style={{ maxWidth: '14rem', overflow: 'hidden', textOverflow: 'ellipsis' }}
              >
                {samples.join(' · ')}
              </td>
              <td>
                <select
                  className="text-input"
                  aria-label={t('import.mapping.targetFor', { column: label })}
                  value={targetValue(target)}
                  onChange={(event) => {
                    const value = event.currentTarget.value;
                    if (value === 'skip') onTarget(column, { type: 'skip' });
                    else if (value === 'new') {
                      if (inferred) onTarget(column, { type: 'new', field: inferred });
                    } else onTarget(column, { type: 'existing', fieldId: value.slice('existing:'.length) });
                  }}
                >
                  {fields.length > 0 ? (
                    <optgroup label={t('import.mapping.existingFields')}>
                      {fields.map((field) => (
                        <option key={field.id} value={`existing:${field.id}`}>
                          {field.name}
                        </option>
                      ))}
                    </optgroup>
                  ) : null}
                  <option value="new">{t('import.mapping.newField')}</option>
                  <option value="skip">{t('import.mapping.skip')}</option>
                </select>
              </td>
              <td>
                {target?.type === 'new' ? (
                  <select
                    className="text-input"
                    aria-label={t('import.mapping.kindFor', { column: label })}
                    value={target.field.kind}
                    onChange={(event) => onKind(column, event.currentTarget.value as ImportableKind)}
                  >
                    {IMPORTABLE_KINDS.map((kind) => (
                      <option key={kind} value={kind}>
                        {t(`import.kinds.${kind}`)}
                      </option>
                    ))}
                  </select>
                ) : target?.type === 'existing' ? (
                  <span className="muted">
                    {t(`import.kinds.${fields.find((field) => field.id === target.fieldId)?.kind ?? 'text'}`)}
                  </span>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
