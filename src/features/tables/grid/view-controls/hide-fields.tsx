// The toolbar's field visibility button: a checkbox per field (checked = shown) and how many columns stay frozen
// on the left while scrolling sideways.
import { useTranslation } from 'react-i18next';
import type { Table } from '../../../../engine';
import { ToolbarPopover } from './toolbar-popover';

export interface HideFieldsButtonProps {
  readonly table: Table;
  readonly hiddenFieldIds: readonly string[];
  readonly onChange: (hidden: string[]) => void;
  /** Frozen columns (grid views only; a kanban has no columns to freeze). */
  readonly frozen?: { readonly count: number; readonly onChange: (count: number) => void } | undefined;
}

const FROZEN_CHOICES = [0, 1, 2, 3] as const;

export function HideFieldsButton({ table, hiddenFieldIds, onChange, frozen }: HideFieldsButtonProps) {
  const { t } = useTranslation();
  const hidden = new Set(hiddenFieldIds);
  // Ids of deleted fields may linger in the view; only fields that still exist count as hidden.
  const count = table.fields.filter((field) => hidden.has(field.id)).length;
  const primaryId = table.primaryFieldId ?? table.fields[0]?.id;
  // Values outside 0–3 (allowed by the schema) stay selectable so the select shows what is saved.
  const frozenCount = frozen?.count ?? 0;
  const frozenChoices = FROZEN_CHOICES.some((n) => n === frozenCount)
    ? FROZEN_CHOICES
    : [...FROZEN_CHOICES, frozenCount];

  return (
    <ToolbarPopover
      buttonText={count > 0 ? t('viewControls.fields.active', { count }) : t('viewControls.fields.button')}
      active={count > 0}
      title={t('viewControls.fields.title')}
    >
      <fieldset className="vc-checklist">
        <legend>{t('viewControls.fields.shown')}</legend>
        {table.fields.map((field) => (
          <label key={field.id} className="vc-check">
            <input
              type="checkbox"
              checked={!hidden.has(field.id)}
              // The primary field names each record (drawer title, links), so it always shows.
              disabled={field.id === primaryId}
              onChange={(event) =>
                onChange(
                  event.target.checked
                    ? hiddenFieldIds.filter((id) => id !== field.id)
                    : [...hiddenFieldIds.filter((id) => id !== field.id), field.id],
                )
              }
            />
            {field.name}
          </label>
        ))}
      </fieldset>
      {frozen ? (
        <label className="vc-row">
          <span>{t('viewControls.fields.frozen')}</span>
          <select
            className="text-input"
            aria-label={t('viewControls.fields.frozen')}
            value={String(frozenCount)}
            onChange={(event) => frozen.onChange(Number(event.target.value))}
          >
            {frozenChoices.map((n) => (
              <option key={n} value={String(n)}>
                {String(n)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
    </ToolbarPopover>
  );
}
