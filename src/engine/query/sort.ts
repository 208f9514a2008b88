// Multi-key sorting of query rows. Each sort key is read out of the records once into typed columns (a class per row:
// value, error or blank; and a number: the value itself, an option position or a collation rank), then an index
// permutation is sorted with a comparator that only reads those columns. Blanks sort last and formula errors just
// before them, whichever the direction; ties keep the input order (stable).
import type { Field, Sort } from '../model';
import { valueClassOf } from './operators';
import { QueryCache } from './text';
import { choiceIndexer, finiteNumber, isBlank, isStoredError, plainText, type QueryEnv } from './values';
import type { RecordValues } from './filter';

/** Row classes; values of several types (a formula of unknown type) order numbers, then booleans, then text. */
const NUMBER = 0;
const BOOLEAN = 1;
const TEXT = 2;
const ERROR = 3;
const BLANK = 4;
const FIRST_NON_VALUE = ERROR;

/** One sort key read out of every row. */
export interface SortColumn {
  readonly classes: Uint8Array;
  readonly keys: Float64Array;
  /** 1 ascending, -1 descending. */
  readonly sign: 1 | -1;
}

/** Fills `classes`/`keys` for text values: their collation ranks, worked out for the distinct texts only. */
function textColumn(
  rows: readonly RecordValues[],
  fieldId: string,
  classes: Uint8Array,
  keys: Float64Array,
  textOf: (value: unknown) => string | undefined,
  env: QueryEnv,
  cache: QueryCache,
  textClass: number,
): void {
  const texts: (string | undefined)[] = new Array<string | undefined>(rows.length);
  const distinct = new Set<string>();
  for (let row = 0; row < rows.length; row++) {
    const text = textOf(rows[row]?.[fieldId]);
    texts[row] = text;
    if (text !== undefined) distinct.add(text);
  }
  const ranks = cache.ranksFor(env.collator).rankAll(distinct);
  for (let row = 0; row < rows.length; row++) {
    const text = texts[row];
    if (text === undefined) continue;
    classes[row] = textClass;
    keys[row] = ranks.get(text) ?? 0;
  }
}

/** Reads one sort key out of every row. */
export function sortColumn(
  rows: readonly RecordValues[],
  field: Field,
  direction: Sort['direction'],
  env: QueryEnv,
  cache: QueryCache,
): SortColumn {
  const count = rows.length;
  const classes = new Uint8Array(count).fill(BLANK);
  const keys = new Float64Array(count);
  const fieldId = field.id;
  const valueClass = valueClassOf(field);
  const mark = (row: number, value: unknown): boolean => {
    if (isStoredError(value)) {
      classes[row] = ERROR;
      return true;
    }
    return false;
  };
  const textOf = (value: unknown): string | undefined => {
    if (isBlank(value) || isStoredError(value)) return undefined;
    const text = plainText(value);
    return text.trim() === '' ? undefined : text;
  };

  switch (valueClass) {
    case 'number':
    case 'date':
    case 'instant':
      for (let row = 0; row < count; row++) {
        const value = rows[row]?.[fieldId];
        const number = finiteNumber(value);
        if (number !== undefined) {
          classes[row] = NUMBER;
          keys[row] = number;
        } else mark(row, value);
      }
      break;
    case 'checkbox':
      for (let row = 0; row < count; row++) {
        const value = rows[row]?.[fieldId];
        // A checkbox has no blank: unticked is false. A formula's boolean may be blank or an error.
        if (field.kind === 'formula' && (mark(row, value) || isBlank(value))) continue;
        classes[row] = BOOLEAN;
        keys[row] = value === true ? 1 : 0;
      }
      break;
    case 'select':
    case 'tier': {
      const indexOf = choiceIndexer(field);
      for (let row = 0; row < count; row++) {
        const value = rows[row]?.[fieldId];
        const index = indexOf(value);
        if (index !== undefined) {
          classes[row] = NUMBER;
          keys[row] = index;
        } else mark(row, value);
      }
      break;
    }
    case 'multiSelect':
      multiSelectColumn(rows, field, classes, keys);
      break;
    case 'text':
    case 'list':
    case 'person':
      for (let row = 0; row < count; row++) mark(row, rows[row]?.[fieldId]);
      textColumn(rows, fieldId, classes, keys, textOf, env, cache, TEXT);
      break;
    case 'any':
      for (let row = 0; row < count; row++) {
        const value = rows[row]?.[fieldId];
        if (typeof value === 'number' && Number.isFinite(value)) {
          classes[row] = NUMBER;
          keys[row] = value;
        } else if (typeof value === 'boolean') {
          classes[row] = BOOLEAN;
          keys[row] = value ? 1 : 0;
        } else mark(row, value);
      }
      textColumn(
        rows,
        fieldId,
        classes,
        keys,
        (value) => (typeof value === 'string' ? textOf(value) : undefined),
        env,
        cache,
        TEXT,
      );
      break;
  }
  return { classes, keys, sign: direction === 'desc' ? -1 : 1 };
}

/** Multi-select values order by their options in option order, compared like words: [A] < [A, B] < [B]. */
function multiSelectColumn(
  rows: readonly RecordValues[],
  field: Field,
  classes: Uint8Array,
  keys: Float64Array,
): void {
  const indexOf = choiceIndexer(field);
  const words: (string | undefined)[] = new Array<string | undefined>(rows.length);
  const distinct = new Set<string>();
  for (let row = 0; row < rows.length; row++) {
    const value = rows[row]?.[field.id];
    if (!Array.isArray(value)) continue;
    const positions = value
      .map(indexOf)
      .filter((index): index is number => index !== undefined)
      .sort((a, b) => a - b);
    if (positions.length === 0) continue;
    // Fixed-width digits make string order the order of the position lists (at most 1000 options).
    const word = positions.map((index) => String(index).padStart(4, '0')).join(',');
    words[row] = word;
    distinct.add(word);
  }
  const ranks = new Map([...distinct].sort().map((word, rank) => [word, rank]));
  for (let row = 0; row < rows.length; row++) {
    const word = words[row];
    if (word === undefined) continue;
    classes[row] = NUMBER;
    keys[row] = ranks.get(word) ?? 0;
  }
}

/** Compares rows `a` and `b` by the columns in turn; equal rows keep their input order. */
export function compareRows(columns: readonly SortColumn[]): (a: number, b: number) => number {
  const [only] = columns;
  if (columns.length === 1 && only) {
    // One key (the common case) without the loop: the comparator runs about 1.7 million times for 100k rows.
    const { classes, keys, sign } = only;
    return (a, b) => {
      const classA = classes[a] ?? BLANK;
      const classB = classes[b] ?? BLANK;
      if (classA === classB) {
        if (classA < FIRST_NON_VALUE) {
          const difference = (keys[a] ?? 0) - (keys[b] ?? 0);
          if (difference !== 0) return difference < 0 ? -sign : sign;
        }
        return a - b;
      }
      return classA < FIRST_NON_VALUE && classB < FIRST_NON_VALUE
        ? (classA - classB) * sign
        : classA - classB;
    };
  }
  return (a, b) => {
    for (const { classes, keys, sign } of columns) {
      const classA = classes[a] ?? BLANK;
      const classB = classes[b] ?? BLANK;
      if (classA !== classB) {
        // Value types follow the direction; errors and blanks stay at the end.
        return classA < FIRST_NON_VALUE && classB < FIRST_NON_VALUE
          ? (classA - classB) * sign
          : classA - classB;
      }
      if (classA >= FIRST_NON_VALUE) continue;
      const difference = (keys[a] ?? 0) - (keys[b] ?? 0);
      if (difference !== 0) return difference < 0 ? -sign : sign;
    }
    return a - b;
  };
}

export type SortProblemCode = 'unknownField';

export interface SortProblem {
  readonly fieldId: string;
  readonly code: SortProblemCode;
}

export interface SortResult {
  /** Positions into `rows`, in sorted order. */
  readonly order: number[];
  readonly problems: readonly SortProblem[];
}

/** Sorts rows by `sorts` (sort keys on deleted fields are skipped and reported). Stable. */
export function sortRows(
  rows: readonly RecordValues[],
  sorts: readonly Sort[],
  fieldsById: ReadonlyMap<string, Field>,
  env: QueryEnv,
  cache: QueryCache = new QueryCache(),
): SortResult {
  const problems: SortProblem[] = [];
  const columns: SortColumn[] = [];
  for (const sort of sorts) {
    const field = fieldsById.get(sort.fieldId);
    if (field === undefined) problems.push({ fieldId: sort.fieldId, code: 'unknownField' });
    else columns.push(sortColumn(rows, field, sort.direction, env, cache));
  }
  const order = Array.from({ length: rows.length }, (_, index) => index);
  if (columns.length > 0) order.sort(compareRows(columns));
  return { order, problems };
}
