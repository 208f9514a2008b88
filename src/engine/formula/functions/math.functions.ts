// Math functions of the formula language: Excel's SUM/AVERAGE/… over scalars and lists, rounding on 15 significant
// digits (so ROUND(2.675, 2) is 2.68 as in Excel, not 2.67 as binary floats suggest), and the elementary functions.
import { dateToSerial, flatten, isBlank, serialToDate, toNumber } from '../coerce';
import { DIV0, ErrorValue, NUM, VALUE } from '../values';
import type { ValueType } from '../values';
import type { FunctionSpec } from './spec';

/** A computed number, or #NUM! when it overflowed or is undefined (NaN, ±Infinity never leave a function). */
function finite(value: number): number | ErrorValue {
  if (!Number.isFinite(value)) return NUM;
  return value === 0 ? 0 : value; // no -0: it would print as "-0" and fail equality checks in tests and exports
}

/** The value Excel would hold: 15 significant digits, which hides binary noise such as 1.4000000000000001. */
function clean(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(15)) : value;
}

type RoundMode = 'half' | 'up' | 'down';

/**
 * Rounds to `places` decimal places (negative: tens, hundreds…), half away from zero, up (away from zero) or down
 * (toward zero). Works on the 15-significant-digit decimal form of the number with exact integer arithmetic, then
 * parses the decimal result, so 2.675 (stored as 2.67499999…) rounds to 2.68 like Excel does.
 */
function roundDecimal(value: number, places: number, mode: RoundMode): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  const shift = Math.trunc(places);
  const [mantissa = '', exponent = '0'] = Math.abs(value).toExponential(14).split('e');
  const digits = Number(mantissa.replace('.', '')); // 15-digit integer m: |value| = m × 10^(exponent − 14)
  const drop = 14 - Number(exponent) - shift; // how many trailing digits of m fall below the rounding place
  if (drop <= 0) return value;
  let units: number; // the result in units of 10^-shift
  if (drop > 15) {
    units = mode === 'up' ? 1 : 0; // |value| < 0.1 units: only ROUNDUP moves it to one unit
  } else {
    const scale = 10 ** drop;
    const remainder = digits % scale;
    units = (digits - remainder) / scale;
    if (mode === 'half' ? 2 * remainder >= scale : mode === 'up' && remainder > 0) units += 1;
  }
  const rounded = Number(`${String(units)}e${String(-shift)}`);
  return value < 0 ? -rounded : rounded;
}

interface Collected {
  readonly values: number[];
  /** Every collected number came from a date, so MIN/MAX can answer with a date. */
  readonly allDates: boolean;
}

/**
 * The numbers of SUM-like arguments, Excel style: lists (flattened) contribute their numbers and dates and skip text,
 * booleans and blanks but pass errors on; scalars given directly are converted (TRUE → 1, "3" → 3, "x" → #VALUE!).
 * A blank scalar is skipped like an empty cell reference in Excel, so AVERAGE(a, blank) is a, not a / 2.
 */
function collectNumbers(args: readonly unknown[]): Collected | ErrorValue {
  const values: number[] = [];
  let dates = 0;
  const add = (item: unknown, direct: boolean): ErrorValue | undefined => {
    if (item instanceof Date) {
      values.push(dateToSerial(item));
      dates++;
    } else if (typeof item === 'number') {
      values.push(item);
    } else if (item instanceof ErrorValue) {
      return item;
    } else if (direct && !isBlank(item)) {
      const number = toNumber(item);
      if (number instanceof ErrorValue) return number;
      values.push(number);
    }
    return undefined;
  };
  for (const arg of args) {
    const items = Array.isArray(arg) ? flatten(arg) : [arg];
    for (const item of items) {
      const error = add(item, !Array.isArray(arg));
      if (error) return error;
    }
  }
  return { values, allDates: values.length > 0 && dates === values.length };
}

/** MIN/MAX answer with a date when every argument is a date, a number when any argument is not. */
function extremeType(types: readonly ValueType[]): ValueType {
  if (types.every((type) => type === 'date')) return 'date';
  return types.every((type) => type === 'date' || type === 'list' || type === 'any') ? 'any' : 'number';
}

function variadic(
  name: string,
  reduce: (collected: Collected) => unknown,
  returns: FunctionSpec['returns'] = 'number',
): FunctionSpec {
  return {
    name,
    category: 'math',
    minArgs: 1,
    maxArgs: Infinity,
    params: ['any'],
    returns,
    call: (args) => {
      const collected = collectNumbers(args);
      return collected instanceof ErrorValue ? collected : reduce(collected);
    },
  };
}

function extreme(
  values: readonly number[],
  allDates: boolean,
  pick: (a: number, b: number) => number,
): unknown {
  if (values.length === 0) return 0;
  const result = values.reduce((a, b) => pick(a, b)); // not reduce(Math.max): it would also get index and array
  return allDates ? serialToDate(result) : finite(result);
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

function median(values: readonly number[]): number | ErrorValue {
  if (values.length === 0) return NUM;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : finite(((sorted[middle - 1] ?? 0) + upper) / 2);
}

/**
 * A function of at most two numeric arguments; `defaults` fills omitted trailing optional ones. `fn` always receives
 * two numbers (0 past the declared arguments) so one-argument functions simply ignore the second.
 */
function numeric(
  name: string,
  minArgs: number,
  defaults: readonly number[],
  fn: (a: number, b: number) => number | ErrorValue,
): FunctionSpec {
  const maxArgs = minArgs + defaults.length;
  return {
    name,
    category: 'math',
    minArgs,
    maxArgs,
    params: Array.from({ length: maxArgs }, (): ValueType => 'number'),
    returns: 'number',
    call: (args) => {
      const numbers = [0, 0];
      for (let i = 0; i < maxArgs; i++) {
        const number = i < args.length ? toNumber(args[i]) : (defaults[i - minArgs] ?? 0);
        if (number instanceof ErrorValue) return number;
        numbers[i] = number;
      }
      const result = fn(numbers[0] ?? 0, numbers[1] ?? 0);
      return result instanceof ErrorValue ? result : finite(result);
    },
  };
}

function mod(number: number, divisor: number): number | ErrorValue {
  if (divisor === 0) return DIV0;
  const remainder = number % divisor;
  // JavaScript's % takes the dividend's sign; Excel's MOD takes the divisor's.
  return remainder !== 0 && remainder < 0 !== divisor < 0 ? remainder + divisor : remainder;
}

function power(base: number, exponent: number): number | ErrorValue {
  if (base === 0 && exponent === 0) return NUM;
  if (base === 0 && exponent < 0) return DIV0;
  return Math.pow(base, exponent); // a negative base with a fractional exponent is NaN → #NUM!
}

function mround(number: number, multiple: number): number | ErrorValue {
  if (number === 0 || multiple === 0) return 0;
  if (number < 0 !== multiple < 0) return NUM;
  return clean(roundDecimal(clean(number / multiple), 0, 'half') * multiple);
}

/**
 * Excel's CEILING(number, significance): a positive number with a negative significance is #NUM!; otherwise rounds up
 * to a multiple (a negative number with a negative significance rounds away from zero: CEILING(-2.5, -2) = -4).
 */
function ceiling(number: number, significance: number): number | ErrorValue {
  if (number === 0 || significance === 0) return 0;
  if (number > 0 && significance < 0) return NUM;
  return clean(Math.ceil(clean(number / significance)) * significance);
}

/** Excel's FLOOR(number, significance): the mirror of CEILING, but a zero significance is #DIV/0!. */
function floor(number: number, significance: number): number | ErrorValue {
  if (number === 0) return 0;
  if (significance === 0) return DIV0;
  if (number > 0 && significance < 0) return NUM;
  return clean(Math.floor(clean(number / significance)) * significance);
}

/** EVEN/ODD: away from zero to the next even (or odd) integer. */
function toParity(number: number, odd: boolean): number {
  let magnitude = Math.ceil(clean(Math.abs(number)));
  if ((magnitude % 2 === 1) !== odd) magnitude += 1;
  return number < 0 ? -magnitude : magnitude;
}

function log(number: number, base: number): number | ErrorValue {
  if (number <= 0 || base <= 0) return NUM;
  if (base === 1) return DIV0;
  // LOG(8, 2) and LOG(125, 5) come out as 3.0000000000000004 in binary; Excel shows 3.
  return base === 10 ? Math.log10(number) : clean(Math.log(number) / Math.log(base));
}

/**
 * SUMPRODUCT: each argument is a list (a scalar is a one-element list) of the same length; items that are not numbers
 * or dates count as 0, errors inside the lists are the result.
 */
function sumProduct(args: readonly unknown[]): unknown {
  const lists: (readonly unknown[])[] = [];
  for (const arg of args) {
    if (Array.isArray(arg)) {
      lists.push(flatten(arg));
    } else {
      const number = toNumber(arg);
      if (number instanceof ErrorValue) return number;
      lists.push([number]);
    }
  }
  const length = lists[0]?.length ?? 0;
  if (lists.some((list) => list.length !== length)) return VALUE;
  let total = 0;
  for (let i = 0; i < length; i++) {
    let product = 1;
    for (const list of lists) {
      const item = list[i];
      if (item instanceof ErrorValue) return item;
      product *= typeof item === 'number' ? item : item instanceof Date ? dateToSerial(item) : 0;
    }
    total += product;
  }
  return finite(total);
}

export const MATH_FUNCTIONS: readonly FunctionSpec[] = [
  variadic('SUM', ({ values }) => finite(sum(values))),
  variadic('AVERAGE', ({ values }) => (values.length === 0 ? DIV0 : finite(sum(values) / values.length))),
  variadic('MIN', ({ values, allDates }) => extreme(values, allDates, Math.min), extremeType),
  variadic('MAX', ({ values, allDates }) => extreme(values, allDates, Math.max), extremeType),
  // Excel: PRODUCT of no numbers at all is 0, not the empty product 1.
  variadic('PRODUCT', ({ values }) => (values.length === 0 ? 0 : finite(values.reduce((a, b) => a * b, 1)))),
  variadic('MEDIAN', ({ values }) => median(values)),
  {
    name: 'SUMPRODUCT',
    category: 'math',
    minArgs: 1,
    maxArgs: Infinity,
    params: ['list'],
    returns: 'number',
    call: sumProduct,
  },
  numeric('ROUND', 2, [], (number, places) => roundDecimal(number, places, 'half')),
  numeric('ROUNDUP', 2, [], (number, places) => roundDecimal(number, places, 'up')),
  numeric('ROUNDDOWN', 2, [], (number, places) => roundDecimal(number, places, 'down')),
  numeric('TRUNC', 1, [0], (number, places) => roundDecimal(number, places, 'down')),
  numeric('MROUND', 2, [], (number, multiple) => mround(number, multiple)),
  numeric('INT', 1, [], (number) => Math.floor(number)),
  numeric('ABS', 1, [], (number) => Math.abs(number)),
  numeric('SIGN', 1, [], (number) => Math.sign(number)),
  numeric('MOD', 2, [], (number, divisor) => mod(number, divisor)),
  numeric('QUOTIENT', 2, [], (number, divisor) => (divisor === 0 ? DIV0 : Math.trunc(number / divisor))),
  numeric('POWER', 2, [], (base, exponent) => power(base, exponent)),
  numeric('SQRT', 1, [], (number) => (number < 0 ? NUM : Math.sqrt(number))),
  numeric('EXP', 1, [], (number) => Math.exp(number)),
  numeric('LN', 1, [], (number) => (number <= 0 ? NUM : Math.log(number))),
  numeric('LOG', 1, [10], (number, base) => log(number, base)),
  numeric('LOG10', 1, [], (number) => (number <= 0 ? NUM : Math.log10(number))),
  numeric('PI', 0, [], () => Math.PI),
  numeric('CEILING', 1, [1], (number, significance) => ceiling(number, significance)),
  numeric('FLOOR', 1, [1], (number, significance) => floor(number, significance)),
  numeric('EVEN', 1, [], (number) => toParity(number, false)),
  numeric('ODD', 1, [], (number) => toParity(number, true)),
];
