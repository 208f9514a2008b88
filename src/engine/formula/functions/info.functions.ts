// Information functions of the formula language: what kind of value something is (ISBLANK, ISNUMBER, TYPE…) and
// which error it holds (ISERROR, ERROR.TYPE). Dates are their own kind here, not numbers (ISNUMBER(date) is FALSE).
import { dateToSerial, isBlank, toNumber } from '../coerce';
import { ErrorValue, NA, VALUE, type ErrorCode } from '../values';
import type { FunctionSpec } from './spec';

/** Excel's ERROR.TYPE numbers. */
const ERROR_NUMBERS: Readonly<Record<ErrorCode, number>> = {
  '#NULL!': 1,
  '#DIV/0!': 2,
  '#VALUE!': 3,
  '#REF!': 4,
  '#NAME?': 5,
  '#NUM!': 6,
  '#N/A': 7,
};

/** A one-argument test that sees errors too (so ISERROR can look at them instead of the error being the result). */
function test(name: string, predicate: (value: unknown) => boolean): FunctionSpec {
  return {
    name,
    category: 'info',
    minArgs: 1,
    maxArgs: 1,
    params: ['any'],
    returns: 'boolean',
    handlesErrors: true,
    call: (args) => predicate(args[0]),
  };
}

/** ISEVEN / ISODD: the number truncated to an integer; booleans are #VALUE! like Excel, errors pass through. */
function parity(name: string, odd: boolean): FunctionSpec {
  return {
    name,
    category: 'info',
    minArgs: 1,
    maxArgs: 1,
    params: ['number'],
    returns: 'boolean',
    handlesErrors: true,
    call: (args) => {
      const [value] = args;
      if (typeof value === 'boolean') return VALUE;
      const number = toNumber(value);
      if (number instanceof ErrorValue) return number;
      if (!Number.isFinite(number)) return VALUE;
      return Math.abs(Math.trunc(number) % 2) === (odd ? 1 : 0);
    },
  };
}

const isNA = (value: unknown): boolean => value instanceof ErrorValue && value.code === NA.code;

export const INFO_FUNCTIONS: readonly FunctionSpec[] = [
  // "" is text, not blank, as in Excel.
  test('ISBLANK', isBlank),
  // Dates are real date values here, so they are not numbers (Excel stores them as serial numbers).
  test('ISNUMBER', (value) => typeof value === 'number'),
  test('ISTEXT', (value) => typeof value === 'string'),
  test('ISNONTEXT', (value) => typeof value !== 'string'),
  test('ISLOGICAL', (value) => typeof value === 'boolean'),
  test('ISDATE', (value) => value instanceof Date && !Number.isNaN(value.getTime())),
  test('ISERROR', (value) => value instanceof ErrorValue),
  test('ISERR', (value) => value instanceof ErrorValue && !isNA(value)),
  test('ISNA', isNA),
  parity('ISEVEN', false),
  parity('ISODD', true),
  {
    name: 'NA',
    category: 'info',
    minArgs: 0,
    maxArgs: 0,
    params: [],
    returns: 'any',
    call: () => NA,
  },
  {
    name: 'ERROR.TYPE',
    category: 'info',
    minArgs: 1,
    maxArgs: 1,
    params: ['any'],
    returns: 'number',
    handlesErrors: true,
    call: (args) => (args[0] instanceof ErrorValue ? ERROR_NUMBERS[args[0].code] : NA),
  },
  {
    name: 'N',
    category: 'info',
    minArgs: 1,
    maxArgs: 1,
    params: ['any'],
    returns: 'number',
    call: (args) => {
      const [value] = args;
      if (typeof value === 'number') return value;
      if (typeof value === 'boolean') return value ? 1 : 0;
      if (value instanceof Date) return dateToSerial(value);
      return 0;
    },
  },
  {
    name: 'TYPE',
    category: 'info',
    minArgs: 1,
    maxArgs: 1,
    params: ['any'],
    returns: 'number',
    handlesErrors: true,
    // Blank and dates are numbers to TYPE, as in Excel (an empty cell is TYPE 1).
    call: (args) => {
      const [value] = args;
      if (typeof value === 'string') return 2;
      if (typeof value === 'boolean') return 4;
      if (value instanceof ErrorValue) return 16;
      if (Array.isArray(value)) return 64;
      return 1;
    },
  },
];
