// The toolbar's sort button: an ordered list of sort keys (the first decides first), each a field and a direction.
import { useTranslation } from 'react-i18next';
import type { Sort, Table } from '../../../../engine';
import { ToolbarPopover } from './toolbar-popover';

export interface SortButtonProps {
  readonly table: Table;
  readonly sorts: readonly Sort[];
  readonly onChange: (sorts: Sort[]) => void;
}

/** The view schema's limit on sort keys. */
const MAX_SORTS = 20;

export function SortButton({ table, sorts, onChange }: SortButtonProps) {
  const { t } = useTranslation();
  const count = sorts.length;
  const used = new Set(sorts.map((sort) => sort.fieldId));
  // A new key sorts by the first field not sorted by yet: sorting twice by one field changes nothing.
  const nextField = table.fields.find((field) => !used.has(field.id));
  const replace = (at: number, sort: Sort) =>
    onChange(sorts.map((old, index) => (index === at ? sort : old)));
  const move = (from: number, to: number) => {
    const next = [...sorts];
    const [moved] = next.splice(from, 1);
    if (moved === undefined) return;
    next.splice(to, 0, moved);
    onChange(next);
  };

  return (
    <ToolbarPopover
      buttonText={count > 0 ? t('viewControls.sort.active', { count }) : t('viewControls.sort.button')}
      active={count > 0}
      title={t('viewControls.sort.title')}
    >
      {count === 0 ? <p className="vc-hint">{t('viewControls.sort.empty')}</p> : null}
      <ol className="vc-list">
        {sorts.map((sort, at) => {
          const known = table.fields.some((field) => field.id === sort.fieldId);
          return (
            <li key={`${sort.fieldId}-${String(at)}`} className="vc-row">
              <select
                className="text-input"
                aria-label={t('viewControls.sort.field')}
                value={known ? sort.fieldId : ''}
                onChange={(event) => replace(at, { ...sort, fieldId: event.target.value })}
              >
                {known ? null : <option value="">{t('viewControls.filter.deletedField')}</option>}
                {table.fields.map((field) => (
                  <option
                    key={field.id}
                    value={field.id}
                    disabled={field.id !== sort.fieldId && used.has(field.id)}
                  >
                    {field.name}
                  </option>
                ))}
              </select>
              <select
                className="text-input"
                aria-label={t('viewControls.sort.direction')}
                value={sort.direction}
                onChange={(event) =>
                  replace(at, { ...sort, direction: event.target.value === 'desc' ? 'desc' : 'asc' })
                }
              >
                <option value="asc">{t('viewControls.sort.asc')}</option>
                <option value="desc">{t('viewControls.sort.desc')}</option>
              </select>
              <button
                type="button"
                className="btn btn-small btn-quiet"
                disabled={at === 0}
                onClick={() => move(at, at - 1)}
              >
                {t('viewControls.sort.moveUp')}
              </button>
              <button
                type="button"
                className="btn btn-small btn-quiet"
                disabled={at === count - 1}
                onClick={() => move(at, at + 1)}
              >
                {t('viewControls.sort.moveDown')}
              </button>
              <button
                type="button"
                className="btn btn-small btn-quiet"
                onClick={() => onChange(sorts.filter((_, index) => index !== at))}
              >
                {t('viewControls.sort.remove')}
              </button>
            </li>
          );
        })}
      </ol>
      <div className="vc-actions">
        <button
          type="button"
          className="btn btn-small btn-quiet"
          disabled={nextField === undefined || count >= MAX_SORTS}
          onClick={() => {
            if (nextField !== undefined) onChange([...sorts, { fieldId: nextField.id, direction: 'asc' }]);
          }}
        >
          {t('viewControls.sort.add')}
        </button>
      </div>
    </ToolbarPopover>
  );
}
