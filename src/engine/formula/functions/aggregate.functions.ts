// Aggregate functions of the formula language, for linked records, lookups and multi-selects: Excel's COUNT family and
// conditional aggregates (COUNTIF … MINIFS, criteria in ./criteria.ts) and Airtable-style list shaping (ARRAYJOIN …).
import { dateToSerial, parseDateText, parseNumberText, serialToDate, toNumber, toText } from '../coerce';
import { DIV0, ErrorValue, VALUE } from '../values';
import type { ValueType } from '../values';
import { finite } from './operator.functions';
import { asList, compileCriterion, isBlankItem } from './criteria';
import type { FunctionSpec } from './spec';

/** Excel's limit on the length of a cell's text; ARRAYJOIN stops there instead of building huge strings. */
const MAX_TEXT_LENGTH = 32_767;

/** COUNT: numbers and dates in lists; given directly, also booleans and numeric or date text (Excel's rule). */
function countsAsNumber(item: unknown, direct: boolean): boolean {
  if (typeof item === 'number' || item instanceof Date) return true;
  if (!direct) return false;
  if (typeof item === 'boolean') return true;
  return typeof item === 'string' && (parseNumberText(item) !== null || parseDateText(item) !== null);
}

function count(args: readonly unknown[], counts: (item: unknown, direct: boolean) => boolean): number {
  let total = 0;
  for (const arg of args) {
    const direct = !Array.isArray(arg);
    for (const item of asList(arg)) if (counts(item, direct)) total++;
  }
  return total;
}

/**
 * Which positions satisfy every (list, criterion) pair from args[from] on. Every list must have `length` items (the
 * first list's length when null), as Excel's *IFS functions require equally sized ranges: otherwise #VALUE!.
 */
function matchMask(args: readonly unknown[], from: number, length: number | null): boolean[] | ErrorValue {
  if (args.length <= from || (args.length - from) % 2 !== 0) return VALUE;
  const size = length ?? asList(args[from]).length;
  const mask = new Array<boolean>(size).fill(true);
  for (let i = from; i < args.length; i += 2) {
    const list = asList(args[i]);
    if (list.length !== size) return VALUE;
    const criterion = compileCriterion(args[i + 1]);
    if (criterion instanceof ErrorValue) return criterion;
    for (let j = 0; j < size; j++) if (mask[j] === true && !criterion(list[j])) mask[j] = false;
  }
  return mask;
}

function countMatches(args: readonly unknown[]): number | ErrorValue {
  const mask = matchMask(args, 0, null);
  return mask instanceof ErrorValue ? mask : mask.filter(Boolean).length;
}

interface Matched {
  readonly values: number[];
  /** Every matched number came from a date, so MAXIFS/MINIFS can answer with a date. */
  readonly allDates: boolean;
}

/**
 * The numbers (and dates, as serials) of `target` at matching positions; text, booleans and blanks there are skipped,
 * an error there is the result (errors at positions that do not match are ignored, as in Excel). Positions past the
 * end of a shorter target are skipped, like SUMIF's sum range that Excel resizes to the criteria range.
 */
function matchedNumbers(target: readonly unknown[], mask: readonly boolean[]): Matched | ErrorValue {
  const values: number[] = [];
  let dates = 0;
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] !== true) continue;
    const item = target[i];
    if (item instanceof ErrorValue) return item;
    if (typeof item === 'number') values.push(item);
    else if (item instanceof Date) {
      values.push(dateToSerial(item));
      dates++;
    }
  }
  return { values, allDates: values.length > 0 && dates === values.length };
}

function total(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum;
}

type Reducer = (matched: Matched) => unknown;

const sumOf: Reducer = ({ values }) => finite(total(values));
const averageOf: Reducer = ({ values }) =>
  values.length === 0 ? DIV0 : finite(total(values) / values.length);

function extremeOf(pick: (a: number, b: number) => number): Reducer {
  return ({ values, allDates }) => {
    if (values.length === 0) return 0;
    const result = values.reduce((a, b) => pick(a, b));
    return allDates ? serialToDate(result) : result;
  };
}

/** SUMIF/AVERAGEIF(list, criterion, valueList?): values are the list itself unless a value list is given. */
function singleCondition(name: string, reduce: Reducer): FunctionSpec {
  return {
    name,
    category: 'aggregate',
    minArgs: 2,
    maxArgs: 3,
    params: ['list', 'any', 'list'],
    returns: 'number',
    call: (args) => {
      const list = asList(args[0]);
      const mask = matchMask(args.slice(0, 2), 0, list.length);
      if (mask instanceof ErrorValue) return mask;
      const matched = matchedNumbers(args.length > 2 ? asList(args[2]) : list, mask);
      return matched instanceof ErrorValue ? matched : reduce(matched);
    },
  };
}

/** SUMIFS/AVERAGEIFS/MAXIFS/MINIFS(valueList, list1, criterion1, …). */
function multiCondition(
  name: string,
  reduce: Reducer,
  returns: FunctionSpec['returns'] = 'number',
): FunctionSpec {
  return {
    name,
    category: 'aggregate',
    minArgs: 3,
    maxArgs: Infinity,
    params: ['list', 'list', 'any'],
    returns,
    call: (args) => {
      const target = asList(args[0]);
      const mask = matchMask(args, 1, target.length);
      if (mask instanceof ErrorValue) return mask;
      const matched = matchedNumbers(target, mask);
      return matched instanceof ErrorValue ? matched : reduce(matched);
    },
  };
}

/** MAXIFS/MINIFS answer with a date when the values are dates; a list's item type is only known at run time. */
function extremeType(types: readonly ValueType[]): ValueType {
  const first = types[0];
  return first === 'date' ? 'date' : first === 'list' || first === 'any' ? 'any' : 'number';
}

function listFunction(name: string, shape: (items: readonly unknown[]) => unknown[]): FunctionSpec {
  return {
    name,
    category: 'aggregate',
    minArgs: 1,
    maxArgs: 1,
    params: ['list'],
    returns: 'list',
    call: (args) => shape(asList(args[0])),
  };
}

/** UNIQUE's identity of an item: text case-insensitively, dates as their serial numbers like Excel. */
function uniqueKey(item: unknown): string {
  if (typeof item === 'string') return item === '' ? 'blank' : `t:${item.toLowerCase()}`;
  if (typeof item === 'number') return `n:${String(item)}`;
  if (item instanceof Date) return `n:${String(dateToSerial(item))}`;
  if (typeof item === 'boolean') return `b:${String(item)}`;
  if (item instanceof ErrorValue) return `e:${item.code}`;
  return 'blank';
}

function unique(items: readonly unknown[]): unknown[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = uniqueKey(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function arrayJoin(args: readonly unknown[]): unknown {
  const separator = args.length > 1 ? toText(args[1]) : ', ';
  if (separator instanceof ErrorValue) return separator;
  const parts: string[] = [];
  let length = 0;
  for (const item of asList(args[0])) {
    if (isBlankItem(item)) continue;
    const text = toText(item);
    if (text instanceof ErrorValue) return text;
    length += text.length + (parts.length > 0 ? separator.length : 0);
    if (length > MAX_TEXT_LENGTH) return VALUE;
    parts.push(text);
  }
  return parts.join(separator);
}

/** A 1-based position (negative counts from the end: -1 is the last item) as a 0-based index; 0 is #VALUE!. */
function sliceIndex(value: unknown, length: number): number | ErrorValue {
  const number = toNumber(value);
  if (number instanceof ErrorValue) return number;
  const position = Math.trunc(number);
  if (position === 0) return VALUE;
  return position > 0 ? position - 1 : length + position;
}

/** ARRAYSLICE(list, start, end?): items start…end, both inclusive; end defaults to the last item. */
function arraySlice(args: readonly unknown[]): unknown {
  const items = asList(args[0]);
  const start = sliceIndex(args[1], items.length);
  if (start instanceof ErrorValue) return start;
  const omitted = args.length < 3 || args[2] === null || args[2] === undefined;
  const end = omitted ? items.length - 1 : sliceIndex(args[2], items.length);
  if (end instanceof ErrorValue) return end;
  return items.slice(Math.max(start, 0), Math.max(end + 1, 0));
}

export const AGGREGATE_FUNCTIONS: readonly FunctionSpec[] = [
  {
    name: 'COUNT',
    category: 'aggregate',
    minArgs: 1,
    maxArgs: Infinity,
    params: ['any'],
    returns: 'number',
    handlesErrors: true,
    call: (args) => count(args, countsAsNumber),
  },
  {
    name: 'COUNTA',
    category: 'aggregate',
    minArgs: 1,
    maxArgs: Infinity,
    params: ['any'],
    returns: 'number',
    handlesErrors: true,
    call: (args) => count(args, (item) => !isBlankItem(item)),
  },
  {
    name: 'COUNTBLANK',
    category: 'aggregate',
    minArgs: 1,
    maxArgs: 1,
    params: ['list'],
    returns: 'number',
    call: (args) => count(args, isBlankItem),
  },
  {
    name: 'COUNTIF',
    category: 'aggregate',
    minArgs: 2,
    maxArgs: 2,
    params: ['list', 'any'],
    returns: 'number',
    call: (args) => countMatches(args),
  },
  {
    name: 'COUNTIFS',
    category: 'aggregate',
    minArgs: 2,
    maxArgs: Infinity,
    params: ['list', 'any'],
    returns: 'number',
    call: (args) => countMatches(args),
  },
  singleCondition('SUMIF', sumOf),
  singleCondition('AVERAGEIF', averageOf),
  multiCondition('SUMIFS', sumOf),
  multiCondition('AVERAGEIFS', averageOf),
  multiCondition('MAXIFS', extremeOf(Math.max), extremeType),
  multiCondition('MINIFS', extremeOf(Math.min), extremeType),
  {
    name: 'ARRAYJOIN',
    category: 'aggregate',
    minArgs: 1,
    maxArgs: 2,
    params: ['list', 'text'],
    returns: 'text',
    call: arrayJoin,
  },
  listFunction('UNIQUE', unique),
  listFunction('ARRAYCOMPACT', (items) => items.filter((item) => !isBlankItem(item))),
  listFunction('ARRAYFLATTEN', (items) => [...items]),
  {
    name: 'ARRAYSLICE',
    category: 'aggregate',
    minArgs: 2,
    maxArgs: 3,
    params: ['list', 'number', 'number'],
    returns: 'list',
    call: arraySlice,
  },
];
