// Private helpers of cell parsing and printing: exact decimal shifts (percent, 万) and wall-clock time ↔ instant.
import { MS_PER_DAY, zoneOffsetMs } from '../formula/time-zone';

/** A decimal number as an integer digit string times a power of ten: value = (neg ? -1 : 1) × digits × 10^exp. */
export interface Decimal {
  readonly neg: boolean;
  readonly digits: string;
  readonly exp: number;
}

const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/** Splits plain decimal text ("-12.5", "1e-7", "0.125") into a Decimal; null when it is not one. */
export function toDecimal(text: string): Decimal | null {
  const match = DECIMAL_TEXT.exec(text);
  if (!match) return null;
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = match;
  if (whole === '' && fraction === '') return null;
  return { neg: sign === '-', digits: whole + fraction, exp: Number(exponent) - fraction.length };
}

/**
 * The number a Decimal shifted by `shift` powers of ten denotes, rounded once (Number() of the exact decimal text),
 * so "12.5%" gives exactly the double nearest 0.125 rather than 12.5 / 100 with a second rounding.
 */
export function decimalValue(decimal: Decimal, shift = 0): number {
  const value = Number(`${decimal.digits}e${decimal.exp + shift}`);
  return decimal.neg && value !== 0 ? -value : value;
}

/** Plain text for a Decimal shifted by `shift` powers of ten: "12.5", "0.0001", "1.25e-9" for tiny or huge values. */
export function decimalText(decimal: Decimal, shift = 0): string {
  let digits = decimal.digits.replace(/^0+/, '');
  let exp = decimal.exp + shift;
  if (digits === '') return '0';
  const trailing = /0*$/.exec(digits)?.[0].length ?? 0;
  digits = digits.slice(0, digits.length - trailing);
  exp += trailing;
  const sign = decimal.neg ? '-' : '';
  const point = digits.length + exp;
  if (exp >= 0 && point <= 21) return sign + digits + '0'.repeat(exp);
  if (exp < 0 && point > 0) return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
  if (exp < 0 && point > -6) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  const mantissa = digits.length > 1 ? `${digits[0] ?? ''}.${digits.slice(1)}` : digits;
  return `${sign}${mantissa}e${point - 1}`;
}

/**
 * Offset of `timeZone` at `epochMs`, in ms. Rounds the instant down to its second first: zoneOffsetMs truncates
 * towards zero, which is off by a second for instants before 1970 with a millisecond part.
 */
export function offsetAt(epochMs: number, timeZone: string): number {
  return zoneOffsetMs(Math.floor(epochMs / 1000) * 1000, timeZone);
}

/** Wall-clock time at `epochMs` in `timeZone`, as ms whose UTC fields are the wall fields. */
export function wallMs(epochMs: number, timeZone: string): number {
  return epochMs + offsetAt(epochMs, timeZone);
}

/**
 * The instant a wall-clock time (ms whose UTC fields are the wall fields) names in `timeZone`. Like Temporal's
 * 'compatible' disambiguation: a time repeated when clocks go back is the earlier instant, and a time skipped when
 * clocks go forward moves forward by the gap (02:30 on a spring-forward night is 03:30).
 */
export function instantForWall(wall: number, timeZone: string): number {
  const before = wall - offsetAt(wall - MS_PER_DAY, timeZone);
  const after = wall - offsetAt(wall + MS_PER_DAY, timeZone);
  const valid = [before, after].filter((instant) => wallMs(instant, timeZone) === wall);
  return valid.length > 0 ? Math.min(...valid) : before;
}
