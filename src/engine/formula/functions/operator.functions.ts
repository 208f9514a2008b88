// The formula operators (+ - * / ^ % = <> < <= > >= and unary minus) as functions, named like Google Sheets' operator
// functions (ADD, MINUS, …), so `{Total} >= 10000` compiles to {"GTE": [{"var": "…"}, 10000]}. `&` compiles to CONCAT.
import { compareValues, dateToSerial, toNumber } from '../coerce';
import { MS_PER_DAY } from '../time-zone';
import { DIV0, ErrorValue, NUM } from '../values';
import type { ValueType } from '../values';
import type { FunctionSpec } from './spec';

/** NaN and ±Infinity never escape into results. */
export function finite(value: number): number | ErrorValue {
  return Number.isFinite(value) ? value : NUM;
}

function addDays(date: Date, days: unknown): Date | ErrorValue {
  const count = toNumber(days);
  if (count instanceof ErrorValue) return count;
  const shifted = new Date(date.getTime() + Math.round(count * MS_PER_DAY));
  return Number.isNaN(shifted.getTime()) ? NUM : shifted;
}

function numeric(name: string, apply: (a: number, b: number) => number | ErrorValue): FunctionSpec {
  return {
    name,
    category: 'operator',
    minArgs: 2,
    maxArgs: 2,
    params: ['number', 'number'],
    returns: 'number',
    call: ([a, b]) => {
      const x = toNumber(a);
      if (x instanceof ErrorValue) return x;
      const y = toNumber(b);
      if (y instanceof ErrorValue) return y;
      const result = apply(x, y);
      return result instanceof ErrorValue ? result : finite(result);
    },
  };
}

function comparison(name: string, test: (order: number) => boolean): FunctionSpec {
  return {
    name,
    category: 'operator',
    minArgs: 2,
    maxArgs: 2,
    params: ['any', 'any'],
    returns: 'boolean',
    call: ([a, b]) => test(compareValues(a, b)),
  };
}

const isDate = (type: ValueType | undefined): boolean => type === 'date';

export const OPERATOR_FUNCTIONS: readonly FunctionSpec[] = [
  {
    name: 'ADD',
    category: 'operator',
    minArgs: 2,
    maxArgs: 2,
    params: ['number', 'number'],
    // A date plus a number of days is a date; anything else is a number.
    returns: ([a, b]) => (isDate(a) !== isDate(b) ? 'date' : 'number'),
    call: ([a, b]) => {
      if (a instanceof Date && !(b instanceof Date)) return addDays(a, b);
      if (b instanceof Date && !(a instanceof Date)) return addDays(b, a);
      const x = toNumber(a);
      if (x instanceof ErrorValue) return x;
      const y = toNumber(b);
      if (y instanceof ErrorValue) return y;
      return finite(x + y);
    },
  },
  {
    name: 'MINUS',
    category: 'operator',
    minArgs: 2,
    maxArgs: 2,
    params: ['number', 'number'],
    // date − date is a number of days (with a fraction for times); date − number is a date.
    returns: ([a, b]) => (isDate(a) && !isDate(b) ? 'date' : 'number'),
    call: ([a, b]) => {
      if (a instanceof Date && b instanceof Date) return (a.getTime() - b.getTime()) / MS_PER_DAY;
      if (a instanceof Date) {
        const days = toNumber(b);
        return days instanceof ErrorValue ? days : addDays(a, -days);
      }
      const x = toNumber(a);
      if (x instanceof ErrorValue) return x;
      const y = b instanceof Date ? dateToSerial(b) : toNumber(b);
      if (y instanceof ErrorValue) return y;
      return finite(x - y);
    },
  },
  numeric('MULTIPLY', (a, b) => a * b),
  numeric('DIVIDE', (a, b) => (b === 0 ? DIV0 : a / b)),
  numeric('POW', (a, b) => {
    if (a === 0 && b < 0) return DIV0;
    if (a === 0 && b === 0) return NUM;
    if (a < 0 && !Number.isInteger(b)) return NUM;
    return a ** b;
  }),
  {
    name: 'UMINUS',
    category: 'operator',
    minArgs: 1,
    maxArgs: 1,
    params: ['number'],
    returns: 'number',
    call: ([a]) => {
      const x = toNumber(a);
      return x instanceof ErrorValue ? x : x === 0 ? 0 : -x;
    },
  },
  {
    // Excel's unary plus changes nothing: +"abc" is "abc".
    name: 'UPLUS',
    category: 'operator',
    minArgs: 1,
    maxArgs: 1,
    params: ['any'],
    returns: ([a]) => a ?? 'any',
    call: ([a]) => (a === undefined ? null : a),
  },
  {
    name: 'UNARY_PERCENT',
    category: 'operator',
    minArgs: 1,
    maxArgs: 1,
    params: ['number'],
    returns: 'number',
    call: ([a]) => {
      const x = toNumber(a);
      return x instanceof ErrorValue ? x : x / 100;
    },
  },
  comparison('EQ', (order) => order === 0),
  comparison('NE', (order) => order !== 0),
  comparison('GT', (order) => order > 0),
  comparison('GTE', (order) => order >= 0),
  comparison('LT', (order) => order < 0),
  comparison('LTE', (order) => order <= 0),
];
