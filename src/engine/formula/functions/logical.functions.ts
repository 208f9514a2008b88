// Logical functions: IF, IFS, SWITCH, IFERROR, IFNA decide which arguments to evaluate; AND, OR, XOR, NOT evaluate all.
import { compareValues, toBoolean } from '../coerce';
import { ErrorValue, NA, VALUE } from '../values';
import type { ValueType } from '../values';
import type { FunctionSpec } from './spec';

/** The type shared by all candidate results, or 'any' when they differ. */
export function commonType(types: readonly ValueType[]): ValueType {
  const [first, ...rest] = types;
  if (first === undefined) return 'any';
  return rest.every((type) => type === first) ? first : 'any';
}

/** Booleans of AND/OR/XOR: lists are ranges (text and blanks inside are skipped), scalars convert or give #VALUE!. */
function logicalValues(args: readonly unknown[]): boolean[] | ErrorValue {
  const values: boolean[] = [];
  const visit = (value: unknown, inList: boolean): ErrorValue | undefined => {
    if (Array.isArray(value)) {
      for (const item of value) {
        const problem = visit(item, true);
        if (problem) return problem;
      }
      return undefined;
    }
    if (value instanceof ErrorValue) return value;
    if (inList && (typeof value === 'string' || value === null || value === undefined)) return undefined;
    const bool = toBoolean(value);
    if (bool instanceof ErrorValue) return bool;
    values.push(bool);
    return undefined;
  };
  for (const arg of args) {
    const problem = visit(arg, false);
    if (problem) return problem;
  }
  return values.length === 0 ? VALUE : values;
}

function logical(name: string, combine: (values: boolean[]) => boolean): FunctionSpec {
  return {
    name,
    category: 'logical',
    minArgs: 1,
    maxArgs: 255,
    params: ['boolean'],
    returns: 'boolean',
    call: (args) => {
      const values = logicalValues(args);
      return values instanceof ErrorValue ? values : combine(values);
    },
  };
}

function constant(name: string, value: unknown, type: ValueType): FunctionSpec {
  return { name, category: 'logical', minArgs: 0, maxArgs: 0, params: [], returns: type, call: () => value };
}

export const LOGICAL_FUNCTIONS: readonly FunctionSpec[] = [
  {
    name: 'IF',
    category: 'logical',
    minArgs: 2,
    maxArgs: 3,
    params: ['boolean', 'any', 'any'],
    // Without a third argument Excel returns FALSE when the condition is false.
    returns: ([, then, otherwise]) => commonType([then ?? 'any', otherwise ?? 'boolean']),
    lazy: ([condition, then, otherwise], data) => {
      const test = toBoolean(condition?.(data));
      if (test instanceof ErrorValue) return test;
      if (test) return then?.(data) ?? null;
      return otherwise ? otherwise(data) : false;
    },
  },
  {
    name: 'IFS',
    category: 'logical',
    minArgs: 2,
    maxArgs: 254,
    argCount: { test: (count) => count % 2 === 0, describe: 'condition/value pairs' },
    params: ['boolean', 'any'],
    returns: (types) => commonType(types.filter((_, index) => index % 2 === 1)),
    lazy: (args, data) => {
      for (let index = 0; index + 1 < args.length; index += 2) {
        const test = toBoolean(args[index]?.(data));
        if (test instanceof ErrorValue) return test;
        if (test) return args[index + 1]?.(data) ?? null;
      }
      return NA;
    },
  },
  {
    name: 'SWITCH',
    category: 'logical',
    minArgs: 3,
    maxArgs: 254,
    params: ['any'],
    returns: (types) =>
      commonType(types.filter((_, index) => index > 0 && (index % 2 === 0 || index === types.length - 1))),
    lazy: (args, data) => {
      const subject = args[0]?.(data);
      if (subject instanceof ErrorValue) return subject;
      let index = 1;
      for (; index + 1 < args.length; index += 2) {
        const candidate = args[index]?.(data);
        if (candidate instanceof ErrorValue) return candidate;
        if (compareValues(subject, candidate) === 0) return args[index + 1]?.(data) ?? null;
      }
      // An odd count of cases leaves a default value at the end.
      return index < args.length ? (args[index]?.(data) ?? null) : NA;
    },
  },
  {
    name: 'IFERROR',
    category: 'logical',
    minArgs: 2,
    maxArgs: 2,
    params: ['any', 'any'],
    returns: ([value, fallback]) => commonType([value ?? 'any', fallback ?? 'any']),
    lazy: ([value, fallback], data) => {
      const result = value?.(data);
      return result instanceof ErrorValue ? (fallback?.(data) ?? null) : result;
    },
  },
  {
    name: 'IFNA',
    category: 'logical',
    minArgs: 2,
    maxArgs: 2,
    params: ['any', 'any'],
    returns: ([value, fallback]) => commonType([value ?? 'any', fallback ?? 'any']),
    lazy: ([value, fallback], data) => {
      const result = value?.(data);
      return result instanceof ErrorValue && result.code === NA.code ? (fallback?.(data) ?? null) : result;
    },
  },
  logical('AND', (values) => values.every(Boolean)),
  logical('OR', (values) => values.some(Boolean)),
  logical('XOR', (values) => values.filter(Boolean).length % 2 === 1),
  {
    name: 'NOT',
    category: 'logical',
    minArgs: 1,
    maxArgs: 1,
    params: ['boolean'],
    returns: 'boolean',
    call: ([value]) => {
      const bool = toBoolean(value);
      return bool instanceof ErrorValue ? bool : !bool;
    },
  },
  constant('TRUE', true, 'boolean'),
  constant('FALSE', false, 'boolean'),
  // Airtable's BLANK(): an empty value, e.g. IF({Score} < 0, BLANK(), {Score}).
  constant('BLANK', null, 'any'),
];
