// Compiles a view's filter (nested AND/OR groups of conditions) once into closures over a record's values, so testing
// 100,000 records is a plain loop of function calls. Conditions that cannot run (their field was deleted, the operator
// does not fit the field, the value is missing or malformed) are left out and reported, never guessed at.
import type { Field, FilterCondition, FilterGroup, FilterOperator } from '../model';
import { isFilterGroup, MAX_FILTER_DEPTH } from '../model';
import { MS_PER_DAY } from '../formula/time-zone';
import { operatorFits, valueClassOf, type ValueClass } from './operators';
import { QueryCache } from './text';
import {
  choiceIndexer,
  choicePositions,
  dayOfInstant,
  dayStartInstant,
  finiteNumber,
  isBlank,
  plainText,
  type QueryEnv,
} from './values';

export type RecordValues = Readonly<Record<string, unknown>>;
export type RecordTest = (values: RecordValues) => boolean;

export type FilterProblemCode =
  'unknownField' | 'operatorNotFitting' | 'missingValue' | 'invalidValue' | 'tooDeep';

/** A condition (or group) left out of the filter, and why; the builder marks it. */
export interface FilterProblem {
  /** The condition's id, or the group's id for 'tooDeep'. */
  readonly id: string;
  readonly code: FilterProblemCode;
  readonly fieldId?: string;
}

export interface CompiledFilter {
  readonly test: RecordTest;
  /** False when no condition survived: every record passes and the caller may skip testing. */
  readonly active: boolean;
  readonly problems: readonly FilterProblem[];
}

const PASS: RecordTest = () => true;

class ConditionError extends Error {
  constructor(readonly code: FilterProblemCode) {
    super(code);
  }
}

function missing(): never {
  throw new ConditionError('missingValue');
}

function invalid(): never {
  throw new ConditionError('invalidValue');
}

function textValue(value: unknown, fold: (text: string) => string): string {
  if (typeof value !== 'string') invalid();
  const folded = fold(value.trim());
  if (folded === '') missing();
  return folded;
}

function numberValue(value: unknown): number {
  if (value === undefined || value === null || value === '') missing();
  const number = typeof value === 'string' ? Number(value) : value;
  const finite = finiteNumber(number);
  if (finite === undefined) invalid();
  return finite;
}

function optionalNumber(value: unknown): number | undefined {
  return value === null || value === undefined || value === '' ? undefined : numberValue(value);
}

function idList(value: unknown): readonly string[] {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list)) invalid();
  if (list.length === 0) missing();
  if (!list.every((item): item is string => typeof item === 'string')) invalid();
  return list;
}

function wholeDays(value: unknown): number {
  const days = numberValue(value);
  if (!Number.isInteger(days) || days < 0) invalid();
  return days;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number a date condition names: 'YYYY-MM-DD', today/yesterday/tomorrow, or a stored date (epoch ms). */
function dayValue(value: unknown, env: QueryEnv): number {
  if (value === undefined || value === null || value === '') missing();
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) invalid();
    return Math.floor(value / MS_PER_DAY);
  }
  if (typeof value !== 'string') invalid();
  const today = dayOfInstant(env.now, env.timeZone);
  if (value === 'today') return today;
  if (value === 'yesterday') return today - 1;
  if (value === 'tomorrow') return today + 1;
  const match = ISO_DAY.exec(value);
  if (!match) invalid();
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) invalid();
  return Math.floor(ms / MS_PER_DAY);
}

/** Builds a test of one stored value; `read` gives the field's value of a record. */
type ValueTest = (value: unknown) => boolean;

function textTest(operator: FilterOperator, raw: unknown, cache: QueryCache): ValueTest {
  const fold = (text: string): string => cache.folder.fold(text);
  const textOf = (value: unknown): string => fold(plainText(value));
  switch (operator) {
    case 'isEmpty':
      return isBlank;
    case 'isNotEmpty':
      return (value) => !isBlank(value);
    case 'contains': {
      const wanted = textValue(raw, fold);
      return (value) => textOf(value).includes(wanted);
    }
    case 'notContains': {
      const wanted = textValue(raw, fold);
      return (value) => !textOf(value).includes(wanted);
    }
    case 'is': {
      const wanted = textValue(raw, fold);
      return (value) => textOf(value).trim() === wanted;
    }
    case 'isNot': {
      const wanted = textValue(raw, fold);
      return (value) => textOf(value).trim() !== wanted;
    }
    case 'startsWith': {
      const wanted = textValue(raw, fold);
      return (value) => textOf(value).trimStart().startsWith(wanted);
    }
    case 'endsWith': {
      const wanted = textValue(raw, fold);
      return (value) => textOf(value).trimEnd().endsWith(wanted);
    }
    default:
      throw new ConditionError('operatorNotFitting');
  }
}

function numberTest(operator: FilterOperator, raw: unknown): ValueTest {
  const num = (value: unknown): number => (typeof value === 'number' ? value : NaN);
  switch (operator) {
    case 'isEmpty':
      return isBlank;
    case 'isNotEmpty':
      return (value) => !isBlank(value);
    case 'between': {
      if (!Array.isArray(raw) || raw.length !== 2) invalid();
      const low = optionalNumber(raw[0]) ?? -Infinity;
      const high = optionalNumber(raw[1]) ?? Infinity;
      if (low === -Infinity && high === Infinity) missing();
      // NaN (a blank, text, an error) fails every comparison: such records are not "between".
      return (value) => num(value) >= low && num(value) <= high;
    }
    default:
      break;
  }
  const x = numberValue(raw);
  switch (operator) {
    case 'eq':
      return (value) => num(value) === x;
    case 'neq':
      return (value) => num(value) !== x;
    case 'lt':
      return (value) => num(value) < x;
    case 'lte':
      return (value) => num(value) <= x;
    case 'gt':
      return (value) => num(value) > x;
    case 'gte':
      return (value) => num(value) >= x;
    default:
      throw new ConditionError('operatorNotFitting');
  }
}

/**
 * Date conditions compare a stored value with the first instant of a day, worked out once: a date's day starts at
 * 00:00 UTC of its epoch ms, a date-time's at local midnight in the query's zone. No record needs a zone lookup.
 */
function dateTest(operator: FilterOperator, raw: unknown, valueClass: ValueClass, env: QueryEnv): ValueTest {
  const start = (day: number): number =>
    valueClass === 'instant' ? dayStartInstant(day, env.timeZone) : day * MS_PER_DAY;
  const ms = (value: unknown): number => (typeof value === 'number' ? value : NaN);
  const within = (from: number, to: number): ValueTest => {
    const low = start(from);
    const high = start(to + 1);
    return (value) => ms(value) >= low && ms(value) < high;
  };
  switch (operator) {
    case 'isEmpty':
      return isBlank;
    case 'isNotEmpty':
      return (value) => !isBlank(value);
    case 'withinLastDays': {
      const today = dayOfInstant(env.now, env.timeZone);
      return within(today - wholeDays(raw), today);
    }
    case 'withinNextDays': {
      const today = dayOfInstant(env.now, env.timeZone);
      return within(today, today + wholeDays(raw));
    }
    default:
      break;
  }
  const day = dayValue(raw, env);
  switch (operator) {
    case 'is':
      return within(day, day);
    case 'before': {
      const bound = start(day);
      return (value) => ms(value) < bound;
    }
    case 'onOrBefore': {
      const bound = start(day + 1);
      return (value) => ms(value) < bound;
    }
    case 'after': {
      const bound = start(day + 1);
      return (value) => ms(value) >= bound;
    }
    case 'onOrAfter': {
      const bound = start(day);
      return (value) => ms(value) >= bound;
    }
    default:
      throw new ConditionError('operatorNotFitting');
  }
}

function choiceTest(operator: FilterOperator, raw: unknown, field: Field): ValueTest {
  const indexOf = choiceIndexer(field);
  const positions = choicePositions(field);
  const positionsOf = (ids: readonly string[]): ReadonlySet<number> =>
    new Set(
      ids.map((id) => {
        const position = positions.get(id);
        if (position === undefined) invalid(); // A deleted option: the condition no longer means anything.
        return position;
      }),
    );
  switch (operator) {
    case 'isEmpty':
      return (value) => indexOf(value) === undefined;
    case 'isNotEmpty':
      return (value) => indexOf(value) !== undefined;
    case 'is':
    case 'isAnyOf': {
      const wanted = positionsOf(operator === 'is' ? [onlyId(raw)] : idList(raw));
      return (value) => {
        const index = indexOf(value);
        return index !== undefined && wanted.has(index);
      };
    }
    case 'isNot':
    case 'isNoneOf': {
      const unwanted = positionsOf(operator === 'isNot' ? [onlyId(raw)] : idList(raw));
      return (value) => {
        const index = indexOf(value);
        return index === undefined || !unwanted.has(index);
      };
    }
    default:
      throw new ConditionError('operatorNotFitting');
  }
}

function onlyId(raw: unknown): string {
  if (raw === undefined || raw === null || raw === '') missing();
  if (typeof raw !== 'string') invalid();
  return raw;
}

/** The known option ids of a multi-select value (ids of deleted options do not count). */
function multiTest(operator: FilterOperator, raw: unknown, field: Field): ValueTest {
  const known = choicePositions(field);
  const has = (value: unknown, id: string): boolean => Array.isArray(value) && value.includes(id);
  const hasAnyKnown = (value: unknown): boolean =>
    Array.isArray(value) && value.some((id) => typeof id === 'string' && known.has(id));
  switch (operator) {
    case 'isEmpty':
      return (value) => !hasAnyKnown(value);
    case 'isNotEmpty':
      return hasAnyKnown;
    default:
      break;
  }
  const ids = idList(raw);
  if (ids.some((id) => !known.has(id))) invalid();
  switch (operator) {
    case 'hasAnyOf':
      return (value) => ids.some((id) => has(value, id));
    case 'hasAllOf':
      return (value) => ids.every((id) => has(value, id));
    case 'hasNoneOf':
      return (value) => !ids.some((id) => has(value, id));
    default:
      throw new ConditionError('operatorNotFitting');
  }
}

function personTest(operator: FilterOperator, raw: unknown): ValueTest {
  const idsOf = (value: unknown): readonly unknown[] =>
    Array.isArray(value) ? value : typeof value === 'string' && value !== '' ? [value] : [];
  switch (operator) {
    case 'isEmpty':
      return (value) => idsOf(value).length === 0;
    case 'isNotEmpty':
      return (value) => idsOf(value).length > 0;
    case 'isAnyOf': {
      const wanted = new Set(idList(raw));
      return (value) => idsOf(value).some((id) => typeof id === 'string' && wanted.has(id));
    }
    case 'isNoneOf': {
      const unwanted = new Set(idList(raw));
      return (value) => !idsOf(value).some((id) => typeof id === 'string' && unwanted.has(id));
    }
    default:
      throw new ConditionError('operatorNotFitting');
  }
}

function valueTest(field: Field, condition: FilterCondition, env: QueryEnv, cache: QueryCache): ValueTest {
  const { operator, value } = condition;
  const valueClass = valueClassOf(field);
  switch (valueClass) {
    case 'text':
    case 'any':
    case 'list':
      return textTest(operator, value, cache);
    case 'number':
      return numberTest(operator, value);
    case 'date':
    case 'instant':
      return dateTest(operator, value, valueClass, env);
    case 'checkbox':
      return operator === 'isChecked' ? (stored) => stored === true : (stored) => stored !== true;
    case 'select':
    case 'tier':
      return choiceTest(operator, value, field);
    case 'multiSelect':
      return multiTest(operator, value, field);
    case 'person':
      return personTest(operator, value);
  }
}

function allOf(tests: readonly RecordTest[]): RecordTest {
  if (tests.length === 1) return tests[0] ?? PASS;
  if (tests.length === 2) {
    const [a = PASS, b = PASS] = tests;
    return (values) => a(values) && b(values);
  }
  return (values) => {
    for (const test of tests) if (!test(values)) return false;
    return true;
  };
}

function anyOf(tests: readonly RecordTest[]): RecordTest {
  if (tests.length === 1) return tests[0] ?? PASS;
  return (values) => {
    for (const test of tests) if (test(values)) return true;
    return false;
  };
}

/**
 * Compiles `group` against the table's fields. Left-out conditions are reported in `problems`; a group left with no
 * condition is left out of its parent, and a filter with none lets every record through.
 */
export function compileFilter(
  group: FilterGroup | undefined,
  fieldsById: ReadonlyMap<string, Field>,
  env: QueryEnv,
  cache: QueryCache = new QueryCache(),
): CompiledFilter {
  const problems: FilterProblem[] = [];

  const compileCondition = (condition: FilterCondition): RecordTest | undefined => {
    const field = fieldsById.get(condition.fieldId);
    const report = (code: FilterProblemCode): void => {
      problems.push({ id: condition.id, code, fieldId: condition.fieldId });
    };
    if (field === undefined) {
      report('unknownField');
      return undefined;
    }
    if (!operatorFits(field, condition.operator)) {
      report('operatorNotFitting');
      return undefined;
    }
    let test: ValueTest;
    try {
      test = valueTest(field, condition, env, cache);
    } catch (error) {
      if (!(error instanceof ConditionError)) throw error;
      report(error.code);
      return undefined;
    }
    const fieldId = field.id;
    return (values) => test(values[fieldId]);
  };

  const compileGroup = (current: FilterGroup, depth: number): RecordTest | undefined => {
    if (depth > MAX_FILTER_DEPTH) {
      problems.push({ id: current.id, code: 'tooDeep' });
      return undefined;
    }
    const tests: RecordTest[] = [];
    for (const item of current.conditions) {
      const test = isFilterGroup(item) ? compileGroup(item, depth + 1) : compileCondition(item);
      if (test) tests.push(test);
    }
    if (tests.length === 0) return undefined;
    return current.conjunction === 'or' ? anyOf(tests) : allOf(tests);
  };

  const test = group ? compileGroup(group, 1) : undefined;
  return { test: test ?? PASS, active: test !== undefined, problems };
}
