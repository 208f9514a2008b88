// How a stored value looks in a cell, per field kind: numbers, money, percents and dates through Intl in the UI's
// language; options and tiers as coloured chips; formula errors as their Excel code. One formatter is built per field
// (Intl objects are costly), then called for every visible cell.
import { cellText, type DataRecord, type Field, type Person } from '../../../engine';

export interface Chip {
  readonly label: string;
  readonly color: string;
}

/** What a cell shows: text, or chips, with a tone for errors; `align` right for numbers. */
export interface CellDisplay {
  readonly text: string;
  readonly chips?: readonly Chip[];
  readonly tone?: 'error';
  readonly align?: 'right';
  /** Rating: filled stars of max. */
  readonly stars?: { readonly value: number; readonly max: number };
  readonly checked?: boolean;
  readonly href?: string;
}

export interface FormatContext {
  readonly locale: string;
  readonly timeZone: string;
  readonly people: readonly Person[];
}

export type CellFormatter = (record: DataRecord) => CellDisplay;

const EMPTY: CellDisplay = { text: '' };

/** The value a field shows for a record: created/modified times come from the record's envelope. */
export function fieldValue(field: Field, record: DataRecord): unknown {
  if (field.kind === 'createdTime') return record.createdAt;
  if (field.kind === 'lastModifiedTime') return record.updatedAt;
  return record.values[field.id];
}

function storedError(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const code = (value as { error?: unknown }).error;
  return typeof code === 'string' ? code : undefined;
}

function numberFormat(locale: string, options: Intl.NumberFormatOptions): (value: number) => string {
  const format = new Intl.NumberFormat(locale, options);
  return (value) => format.format(value);
}

function precisionOptions(precision: number | undefined, fallback: number): Intl.NumberFormatOptions {
  return precision === undefined
    ? { maximumFractionDigits: fallback }
    : { minimumFractionDigits: precision, maximumFractionDigits: precision };
}

/** Builds the formatter of one field. */
export function cellFormatter(field: Field, context: FormatContext): CellFormatter {
  const { locale, timeZone } = context;
  const plain = (record: DataRecord): CellDisplay => {
    const value = fieldValue(field, record);
    if (value === null || value === undefined) return EMPTY;
    const error = storedError(value);
    if (error) return { text: error, tone: 'error' };
    return { text: cellText(field, value, { timeZone }) };
  };
  const numeric =
    (format: (value: number) => string) =>
    (record: DataRecord): CellDisplay => {
      const value = fieldValue(field, record);
      if (typeof value === 'number') return { text: format(value), align: 'right' };
      return plain(record);
    };
  switch (field.kind) {
    case 'number':
      return numeric(numberFormat(locale, precisionOptions(field.precision, 10)));
    case 'currency':
      return numeric(
        numberFormat(locale, {
          style: 'currency',
          currency: field.currency,
          ...(field.precision === undefined ? {} : precisionOptions(field.precision, 2)),
        }),
      );
    case 'percent':
      return numeric(numberFormat(locale, { style: 'percent', ...precisionOptions(field.precision, 2) }));
    case 'date': {
      const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
      return numeric((value) => format.format(value));
    }
    case 'dateTime':
    case 'createdTime':
    case 'lastModifiedTime': {
      const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
      return (record) => {
        const value = fieldValue(field, record);
        return typeof value === 'number' ? { text: format.format(value) } : plain(record);
      };
    }
    case 'checkbox':
      return (record) => ({ text: '', checked: fieldValue(field, record) === true });
    case 'rating':
      return (record) => {
        const value = fieldValue(field, record);
        return typeof value === 'number' ? { text: String(value), stars: { value, max: field.max } } : EMPTY;
      };
    case 'singleSelect':
    case 'multiSelect': {
      const options = new Map(field.options.map((option) => [option.id, option]));
      return (record) => {
        const value = fieldValue(field, record);
        const ids = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
        const chips = ids.flatMap((id): Chip[] => {
          const option = typeof id === 'string' ? options.get(id) : undefined;
          return option ? [{ label: option.name, color: option.color }] : [];
        });
        return { text: chips.map((chip) => chip.label).join(', '), chips };
      };
    }
    case 'tier': {
      const colors = new Map(field.rules.map((rule) => [rule.label, rule.color]));
      colors.set(field.fallback.label, field.fallback.color);
      return (record) => {
        const value = fieldValue(field, record);
        if (typeof value !== 'string' || value === '') return plain(record);
        return { text: value, chips: [{ label: value, color: colors.get(value) ?? 'gray' }] };
      };
    }
    case 'person': {
      const names = new Map(context.people.map((person) => [person.id, person.name]));
      return (record) => {
        const value = fieldValue(field, record);
        const ids = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
        return { text: ids.map((id) => (typeof id === 'string' ? (names.get(id) ?? id) : '')).join(', ') };
      };
    }
    case 'url':
      return (record) => {
        const shown = plain(record);
        return shown.text === ''
          ? shown
          : { ...shown, href: /^https?:\/\//i.test(shown.text) ? shown.text : '' };
      };
    case 'email':
      return (record) => {
        const shown = plain(record);
        return shown.text === '' ? shown : { ...shown, href: `mailto:${shown.text}` };
      };
    case 'formula': {
      if (field.resultType === 'number') {
        // Without a chosen precision a computed number shows at most 2 decimals (1/3 is 0.33, not 0.3333333333).
        const format = numberFormat(locale, precisionOptions(field.precision, 2));
        return numeric(format);
      }
      if (field.resultType === 'date') {
        const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
        return numeric((value) => format.format(value));
      }
      return plain;
    }
    default:
      return plain;
  }
}
