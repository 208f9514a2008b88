// Grouping query rows by one field: selects and tiers in their choice order, other values sorted (dates by day),
// errors then blanks last. Rows keep their sorted order inside each group; each group carries its count, where it
// starts in the ordered ids, and the sum and average of number fields.
import type { Field, JsonValue, Sort } from '../model';
import { MS_PER_DAY } from '../formula/time-zone';
import { choicesOf, valueClassOf } from './operators';
import { sortColumn, type SortColumn } from './sort';
import { QueryCache } from './text';
import { choiceIndexer, dayOfInstant, finiteNumber, isStoredError, plainText, type QueryEnv } from './values';
import type { RecordValues } from './filter';

export interface NumberSummary {
  readonly sum: number;
  /** null when the group has no number in the field. */
  readonly average: number | null;
  /** Rows with a number in the field. */
  readonly count: number;
}

export interface GroupSummary {
  /** Stable across queries while the group exists (for collapse state and React keys). */
  readonly key: string;
  /**
   * What the rows share: an option id (a tier's rule id or 'fallback'), a list of option ids, a number, a boolean, a
   * day (epoch ms of 00:00 UTC, also for date-times), a text, a stored error; null for the blank group.
   */
  readonly value: JsonValue;
  /** The choice name(s) of a select or tier group, for display. */
  readonly label?: string;
  readonly count: number;
  /** Index of the group's first row in the ordered ids. */
  readonly start: number;
  /** By field id. */
  readonly aggregates: Readonly<Record<string, NumberSummary>>;
}

export interface GroupedRows {
  /** Positions into the input rows: by group, and in input order within a group. */
  readonly order: number[];
  readonly groups: GroupSummary[];
}

/** Fields whose values can be summed: number kinds, number rollups and number formulas. */
export function summableFields(fields: readonly Field[]): Field[] {
  return fields.filter((field) => valueClassOf(field) === 'number');
}

const ERROR_CLASS = 3;
const BLANK_CLASS = 4;

/** Turns a date column's ms into day numbers, so values of one day form one group. */
function byDay(column: SortColumn, rows: readonly RecordValues[], field: Field, env: QueryEnv): void {
  const instant = valueClassOf(field) === 'instant';
  // Zone offsets are looked up once per hour of time: the rows of one day share a handful of lookups.
  const dayOfHour = new Map<number, number>();
  for (let row = 0; row < rows.length; row++) {
    if ((column.classes[row] ?? BLANK_CLASS) >= ERROR_CLASS) continue;
    const ms = column.keys[row] ?? 0;
    if (!instant) {
      column.keys[row] = Math.floor(ms / MS_PER_DAY);
      continue;
    }
    const hour = Math.floor(ms / 3_600_000);
    let day = dayOfHour.get(hour);
    if (day === undefined) {
      day = dayOfInstant(ms, env.timeZone);
      // Offsets change on whole hours (or half hours) only: an hour that straddles a change is not cached.
      if (
        dayOfInstant(hour * 3_600_000, env.timeZone) ===
        dayOfInstant(hour * 3_600_000 + 3_599_999, env.timeZone)
      )
        dayOfHour.set(hour, day);
    }
    column.keys[row] = day;
  }
}

function groupValue(field: Field, stored: unknown, dayKey: number | undefined): JsonValue {
  if (isStoredError(stored)) return stored as JsonValue;
  if (dayKey !== undefined) return dayKey * MS_PER_DAY;
  if (typeof stored === 'string' || typeof stored === 'number' || typeof stored === 'boolean') return stored;
  if (field.kind === 'checkbox') return false;
  return plainText(stored);
}

/**
 * Groups rows (already in sorted order) by `field`. Groups follow choice order for selects and tiers, else the values
 * in `direction`; errors and blanks come last.
 */
export function groupRows(
  rows: readonly RecordValues[],
  field: Field,
  env: QueryEnv,
  options: {
    readonly direction?: Sort['direction'];
    readonly aggregateFields?: readonly Field[];
    readonly cache?: QueryCache;
  } = {},
): GroupedRows {
  const cache = options.cache ?? new QueryCache();
  const valueClass = valueClassOf(field);
  const isChoice = valueClass === 'select' || valueClass === 'tier';
  const column = sortColumn(rows, field, isChoice ? 'asc' : (options.direction ?? 'asc'), env, cache);
  const isDate = valueClass === 'date' || valueClass === 'instant';
  if (isDate) byDay(column, rows, field, env);

  // One group per distinct (class, key); its first row stands for it.
  const groupOfKey = new Map<string, number>();
  const firstRows: number[] = [];
  const rowGroup = new Int32Array(rows.length);
  for (let row = 0; row < rows.length; row++) {
    const rowClass = column.classes[row] ?? BLANK_CLASS;
    const key = rowClass >= ERROR_CLASS ? String(rowClass) : `${rowClass}:${column.keys[row] ?? 0}`;
    let group = groupOfKey.get(key);
    if (group === undefined) {
      group = firstRows.length;
      groupOfKey.set(key, group);
      firstRows.push(row);
    }
    rowGroup[row] = group;
  }
  // Order the groups by their first rows; the row index breaks no tie because keys are distinct.
  const { classes, keys, sign } = column;
  const groupOrder = firstRows
    .map((row, group) => ({ row, group }))
    .sort((a, b) => {
      const classA = classes[a.row] ?? BLANK_CLASS;
      const classB = classes[b.row] ?? BLANK_CLASS;
      if (classA !== classB)
        return classA < ERROR_CLASS && classB < ERROR_CLASS ? (classA - classB) * sign : classA - classB;
      return ((keys[a.row] ?? 0) - (keys[b.row] ?? 0)) * sign;
    });
  const rankOfGroup = new Int32Array(firstRows.length);
  groupOrder.forEach(({ group }, rank) => {
    rankOfGroup[group] = rank;
  });

  // Counting sort by group rank: stable, so rows keep the sort order inside their group.
  const counts = new Int32Array(firstRows.length);
  for (let row = 0; row < rows.length; row++) {
    const rank = rankOfGroup[rowGroup[row] ?? 0] ?? 0;
    counts[rank] = (counts[rank] ?? 0) + 1;
  }
  const starts = new Int32Array(firstRows.length);
  for (let rank = 1; rank < firstRows.length; rank++)
    starts[rank] = (starts[rank - 1] ?? 0) + (counts[rank - 1] ?? 0);
  const next = Int32Array.from(starts);
  const order = new Array<number>(rows.length);
  for (let row = 0; row < rows.length; row++) {
    const rank = rankOfGroup[rowGroup[row] ?? 0] ?? 0;
    order[next[rank] ?? 0] = row;
    next[rank] = (next[rank] ?? 0) + 1;
  }

  const aggregateFields = options.aggregateFields ?? [];
  const choices = choicesOf(field);
  const indexOf = isChoice ? choiceIndexer(field) : undefined;
  const groups = groupOrder.map(({ row }, rank): GroupSummary => {
    const start = starts[rank] ?? 0;
    const count = counts[rank] ?? 0;
    const stored = rows[row]?.[field.id];
    const rowClass = classes[row] ?? BLANK_CLASS;
    let value: JsonValue;
    let label: string | undefined;
    if (rowClass === BLANK_CLASS) value = null;
    else if (indexOf && rowClass !== ERROR_CLASS) {
      const choice = choices[indexOf(stored) ?? -1];
      value = choice?.id ?? null;
      label = choice?.name;
    } else if (valueClass === 'multiSelect' && Array.isArray(stored)) {
      const picked = multiChoices(field, stored);
      value = picked.map((choice) => choice.id);
      label = picked.map((choice) => choice.name).join(', ');
    } else value = groupValue(field, stored, isDate && rowClass !== ERROR_CLASS ? keys[row] : undefined);
    const aggregates: Record<string, NumberSummary> = {};
    for (const summed of aggregateFields)
      aggregates[summed.id] = summarize(rows, order, start, count, summed.id);
    return {
      key: rowClass === BLANK_CLASS ? 'blank' : rowClass === ERROR_CLASS ? 'error' : groupKey(value),
      value,
      ...(label !== undefined ? { label } : {}),
      count,
      start,
      aggregates,
    };
  });
  return { order, groups };
}

function multiChoices(field: Field, stored: readonly unknown[]) {
  const indexOf = choiceIndexer(field);
  const choices = choicesOf(field);
  return [...new Set(stored.map(indexOf).filter((index): index is number => index !== undefined))]
    .sort((a, b) => a - b)
    .flatMap((index) => choices[index] ?? []);
}

function groupKey(value: JsonValue): string {
  return `v:${JSON.stringify(value)}`;
}

function summarize(
  rows: readonly RecordValues[],
  order: readonly number[],
  start: number,
  count: number,
  fieldId: string,
): NumberSummary {
  let sum = 0;
  let numbers = 0;
  for (let at = start; at < start + count; at++) {
    const number = finiteNumber(rows[order[at] ?? 0]?.[fieldId]);
    if (number === undefined) continue;
    sum += number;
    numbers++;
  }
  return { sum, average: numbers > 0 ? sum / numbers : null, count: numbers };
}
