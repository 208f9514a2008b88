// What the formula compiler needs to know about the fields a formula may reference.
import type { KeyType, ValueType } from './values';

export interface FieldInfo {
  readonly id: string;
  readonly name: string;
  /** The field kind from the table definition ('number', 'date', 'formula'…); used when `type` is absent. */
  readonly kind?: string;
  /** For formula fields: the type their formula returns. */
  readonly resultType?: ValueType;
  /** For rollup fields: how linked values are combined. */
  readonly aggregate?: string;
  /** Overrides what `kind` implies. */
  readonly type?: ValueType;
}

/**
 * What each stored field kind holds, as formulas see it. Select fields are seen as their option names (callers resolve
 * option ids first). Instants (dateTime, createdTime, lastModifiedTime) are dates once read through the evaluation
 * time zone (see keyTypeOf).
 */
const KIND_TYPES: Readonly<Record<string, ValueType>> = {
  text: 'text',
  longText: 'text',
  email: 'text',
  phone: 'text',
  url: 'text',
  singleSelect: 'text',
  autoNumber: 'text',
  tier: 'text',
  number: 'number',
  currency: 'number',
  percent: 'number',
  rating: 'number',
  checkbox: 'boolean',
  date: 'date',
  dateTime: 'date',
  createdTime: 'date',
  lastModifiedTime: 'date',
  multiSelect: 'list',
  link: 'list',
  lookup: 'list',
  attachment: 'list',
};

/** The static type of a field's values. */
export function fieldValueType(field: FieldInfo): ValueType {
  if (field.type) return field.type;
  if (field.kind === 'formula') return field.resultType ?? 'any';
  if (field.kind === 'rollup')
    return field.aggregate === 'earliest' || field.aggregate === 'latest' ? 'any' : 'number';
  return (field.kind && KIND_TYPES[field.kind]) || 'any';
}

const INSTANT_KINDS = new Set(['dateTime', 'createdTime', 'lastModifiedTime']);

/** How the evaluator reads the field's stored value: instants become wall-clock dates in the evaluation zone. */
export function keyTypeOf(field: FieldInfo): KeyType {
  if (!field.type && field.kind !== undefined && INSTANT_KINDS.has(field.kind)) return 'instant';
  return fieldValueType(field);
}

/** Edit distance counting a swap of neighbours as one edit ("Nmae" → "Name"); stops early past `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, (before[j - 2] ?? 0) + 1);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

/** The candidate closest to `name` (case-insensitive), if it is close enough to be a likely typo. */
export function suggest(name: string, candidates: Iterable<string>): string | undefined {
  const wanted = name.toLowerCase();
  const limit = Math.max(1, Math.floor(wanted.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, candidate.toLowerCase(), limit);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
