// The value input of one filter condition, chosen by editorFor(field, operator). Values are stored in the shapes the
// query engine reads (engine/query/operators.ts): numbers, [min, max] ranges, 'YYYY-MM-DD' or a relative day, ids.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  choicesOf,
  editorFor,
  type Field,
  type FilterCondition,
  type FilterOperator,
  type Person,
} from '../../../../engine';

type ConditionValue = FilterCondition['value'];

export interface FilterValueEditorProps {
  readonly field: Field;
  readonly operator: FilterOperator;
  readonly value: ConditionValue;
  /** `undefined` removes the value (the condition then waits for one and filters nothing). */
  readonly onChange: (value: ConditionValue) => void;
  readonly people: readonly Person[];
}

const RELATIVE_DAYS = ['today', 'yesterday', 'tomorrow'] as const;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export function FilterValueEditor({ field, operator, value, onChange, people }: FilterValueEditorProps) {
  const { t } = useTranslation();
  const label = t('viewControls.filter.value');
  switch (editorFor(field, operator)) {
    case 'none':
      return null;
    case 'text':
      return (
        <input
          className="text-input vc-value"
          aria-label={label}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
        />
      );
    case 'number':
      return (
        <NumberInput
          label={label}
          value={typeof value === 'number' ? value : null}
          onChange={(n) => onChange(n ?? undefined)}
        />
      );
    case 'numberRange': {
      const [min, max] = Array.isArray(value) ? value : [null, null];
      const change = (next: [number | null, number | null]) =>
        onChange(next[0] === null && next[1] === null ? undefined : next);
      const low = typeof min === 'number' ? min : null;
      const high = typeof max === 'number' ? max : null;
      return (
        <span className="vc-range">
          <NumberInput label={t('viewControls.filter.min')} value={low} onChange={(n) => change([n, high])} />
          <span aria-hidden="true">–</span>
          <NumberInput label={t('viewControls.filter.max')} value={high} onChange={(n) => change([low, n])} />
        </span>
      );
    }
    case 'date':
      return <DateEditor value={value} onChange={onChange} />;
    case 'days':
      return (
        <NumberInput
          label={t('viewControls.filter.days')}
          value={typeof value === 'number' ? value : null}
          min={0}
          // Whole days only: the engine rejects fractions and negatives.
          onChange={(n) => onChange(n === null ? undefined : Math.max(0, Math.trunc(n)))}
        />
      );
    case 'option': {
      const choices = choicesOf(field);
      return (
        <select
          className="text-input vc-value"
          aria-label={label}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
        >
          <option value="">{t('viewControls.filter.choose')}</option>
          {choices.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {choice.name}
            </option>
          ))}
        </select>
      );
    }
    case 'options':
      return <IdChecklist items={choicesOf(field)} value={value} onChange={onChange} />;
    case 'people':
      return <IdChecklist items={people} value={value} onChange={onChange} />;
  }
}

/** Checkboxes over ids; an empty selection removes the value. */
function IdChecklist({
  items,
  value,
  onChange,
}: {
  items: readonly { readonly id: string; readonly name: string }[];
  value: ConditionValue;
  onChange: (value: ConditionValue) => void;
}) {
  const { t } = useTranslation();
  const selected = Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
  if (items.length === 0) return <span className="vc-hint">{t('viewControls.filter.noChoices')}</span>;
  return (
    <fieldset className="vc-checklist">
      <legend className="vc-visually-hidden">{t('viewControls.filter.value')}</legend>
      {items.map((item) => (
        <label key={item.id} className="vc-check">
          <input
            type="checkbox"
            checked={selected.includes(item.id)}
            onChange={(event) => {
              const next = event.target.checked
                ? // Keep the field's order, so the saved value does not depend on the click order.
                  items.map((other) => other.id).filter((id) => id === item.id || selected.includes(id))
                : selected.filter((id) => id !== item.id);
              onChange(next.length === 0 ? undefined : next);
            }}
          />
          {item.name}
        </label>
      ))}
    </fieldset>
  );
}

/** A specific day ('YYYY-MM-DD') or a day relative to today, which the engine resolves when the query runs. */
function DateEditor({
  value,
  onChange,
}: {
  value: ConditionValue;
  onChange: (value: ConditionValue) => void;
}) {
  const { t } = useTranslation();
  const relative = RELATIVE_DAYS.find((day) => day === value);
  return (
    <span className="vc-range">
      <select
        className="text-input"
        aria-label={t('viewControls.filter.dateMode')}
        value={relative ?? ''}
        onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
      >
        <option value="">{t('viewControls.filter.exactDate')}</option>
        {RELATIVE_DAYS.map((day) => (
          <option key={day} value={day}>
            {t(`query.relativeDays.${day}`)}
          </option>
        ))}
      </select>
      {relative === undefined ? (
        <input
          type="date"
          className="text-input vc-value"
          aria-label={t('viewControls.filter.date')}
          value={typeof value === 'string' && DAY_PATTERN.test(value) ? value : ''}
          onChange={(event) =>
            onChange(DAY_PATTERN.test(event.target.value) ? event.target.value : undefined)
          }
        />
      ) : null}
    </span>
  );
}

/**
 * A number box that keeps what is being typed ("-", "1.") while it is not yet a number, and reports only numbers
 * (or null when emptied).
 */
function NumberInput({
  label,
  value,
  onChange,
  min,
}: {
  label: string;
  value: number | null;
  onChange: (value: number | null) => void;
  min?: number;
}) {
  // The text typed, with the value it was typed for: a value changed from outside (another editor, undo) wins.
  const [draft, setDraft] = useState({ text: formatNumber(value), forValue: value });
  const shown = draft.forValue === value ? draft.text : formatNumber(value);
  return (
    <input
      type="number"
      inputMode="decimal"
      className="text-input vc-number"
      aria-label={label}
      min={min}
      value={shown}
      onChange={(event) => {
        const parsed = parseNumber(event.target.value);
        setDraft({ text: event.target.value, forValue: parsed === undefined ? value : parsed });
        if (parsed !== undefined) onChange(parsed);
      }}
    />
  );
}

/** null for an empty box, undefined while the text is not a number yet. */
function parseNumber(text: string): number | null | undefined {
  if (text.trim() === '') return null;
  const parsed = Number(text);
  return Number.isFinite(parsed) ? parsed : undefined;
}

function formatNumber(value: number | null): string {
  return value === null ? '' : String(value);
}
