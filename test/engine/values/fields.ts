// Field definitions shared by the cell value tests: one of each kind, with options where the kind has them.
import type { Field, MultiSelectField, SingleSelectField } from '../../../src/engine';

const base = { id: 'f1', name: 'Field' };

export const OPTIONS = [
  { id: 'o-vip', name: 'VIP', color: 'red' as const },
  { id: 'o-new', name: '新客', color: 'green' as const },
  { id: 'o-lost', name: 'Lost, maybe', color: 'gray' as const },
];

export const FIELDS = {
  text: { ...base, kind: 'text' },
  shortText: { ...base, kind: 'text', maxLength: 5 },
  longText: { ...base, kind: 'longText' },
  number: { ...base, kind: 'number', precision: 2 },
  currency: { ...base, kind: 'currency', currency: 'CNY' },
  percent: { ...base, kind: 'percent' },
  checkbox: { ...base, kind: 'checkbox' },
  date: { ...base, kind: 'date' },
  dateTime: { ...base, kind: 'dateTime' },
  singleSelect: { ...base, kind: 'singleSelect', options: OPTIONS } satisfies SingleSelectField,
  multiSelect: { ...base, kind: 'multiSelect', options: OPTIONS } satisfies MultiSelectField,
  email: { ...base, kind: 'email' },
  phone: { ...base, kind: 'phone' },
  url: { ...base, kind: 'url' },
  rating: { ...base, kind: 'rating', max: 5 },
  person: { ...base, kind: 'person', multiple: true },
  link: { ...base, kind: 'link', targetTableId: 't2', multiple: true },
  attachment: { ...base, kind: 'attachment' },
  lookup: { ...base, kind: 'lookup', linkFieldId: 'l', targetFieldId: 't' },
  rollup: { ...base, kind: 'rollup', linkFieldId: 'l', aggregate: 'count' },
  formula: { ...base, kind: 'formula', expression: 1 },
  autoNumber: { ...base, kind: 'autoNumber', dateFormat: 'none', digits: 4 },
  createdTime: { ...base, kind: 'createdTime' },
  lastModifiedTime: { ...base, kind: 'lastModifiedTime' },
  tier: { ...base, kind: 'tier', rules: [], fallback: { label: 'General', color: 'gray' } },
} satisfies Record<string, Field>;

/** Epoch ms of a UTC day (and time). */
export function utc(y: number, m: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  return Date.UTC(y, m - 1, d, h, mi, s, ms);
}
