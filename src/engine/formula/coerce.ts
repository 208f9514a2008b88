// Excel-style conversions between values: text ↔ number, blanks, booleans, dates ↔ serial numbers, comparison order.
import { ErrorValue, NUM, VALUE } from './values';
import { MS_PER_DAY } from './time-zone';

/** Excel serial number of 1970-01-01. Serials match Excel's from 1900-03-01 on (Excel counts a fictional 1900-02-29). */
const UNIX_EPOCH_SERIAL = 25_569;

export function isBlank(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

export function dateToSerial(date: Date): number {
  return date.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

export function serialToDate(serial: number): Date {
  // Round to the millisecond so DATE(2024,1,1)+0.5 lands exactly on noon.
  return new Date(Math.round((serial - UNIX_EPOCH_SERIAL) * MS_PER_DAY));
}

const NUMBER_TEXT = /^([+-]?)([$¥￥€£]?)((?:\d{1,3}(?:,\d{3})+|\d*)(?:\.\d*)?(?:e[+-]?\d+)?)(%?)$/i;

/** Parses text the way Excel's VALUE does for the common cases: "1,234.5", " 42 ", "50%", "$3", "1e3". */
export function parseNumberText(text: string): number | null {
  const trimmed = text.trim();
  const match = NUMBER_TEXT.exec(trimmed);
  if (!match) return null;
  const digits = (match[3] ?? '').replace(/,/g, '');
  if (!/\d/.test(digits)) return null;
  let value = Number(digits);
  if (!Number.isFinite(value)) return null;
  if (match[4] === '%') value /= 100;
  return match[1] === '-' ? -value : value;
}

const DATE_TEXT =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/;

/** Parses "2024-01-05", "2024/1/5", "2024年1月5日", optionally with " 13:45[:30]", as a floating date; null otherwise. */
export function parseDateText(text: string): Date | null {
  const match = DATE_TEXT.exec(text.trim());
  if (!match) return null;
  const [y, m, d, hour, minute, second] = match.slice(1, 7).map((part) => Number(part || 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const millis = Number((match[7] ?? '').padEnd(3, '0'));
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return utcDate(y, m - 1, d, hour, minute, second, millis);
}

/** Date.UTC without its remapping of years 0–99 to 1900–1999. */
function utcDate(
  year: number,
  monthIndex: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
): Date {
  const date = new Date(Date.UTC(2000, 0, 1, hour, minute, second, ms));
  date.setUTCFullYear(year, monthIndex, day);
  return date;
}

export function daysInMonth(year: number, month: number): number {
  return utcDate(year, month, 0).getUTCDate();
}

/** Number in Excel's "General" format: up to 15 significant digits, E notation for very large or small numbers. */
export function formatGeneral(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  return String(Number(value.toPrecision(15)))
    .replace('e+', 'E+')
    .replace('e-', 'E-');
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** ISO-like text for a floating date: "2024-01-05", or "2024-01-05 13:45" / "… 13:45:30" when it has a time. */
export function formatDate(date: Date): string {
  const day = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const seconds = date.getUTCSeconds();
  if (date.getUTCHours() === 0 && date.getUTCMinutes() === 0 && seconds === 0) return day;
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
  return seconds === 0 ? `${day} ${time}` : `${day} ${time}:${pad(seconds)}`;
}

/** A value as a number; blank is 0, TRUE is 1, dates are Excel serials, numeric text is parsed, other text is #VALUE!. */
export function toNumber(value: unknown): number | ErrorValue {
  switch (typeof value) {
    case 'number':
      return Number.isNaN(value) ? VALUE : value;
    case 'boolean':
      return value ? 1 : 0;
    case 'string':
      return value === '' ? 0 : (parseNumberText(value) ?? dateTextSerial(value) ?? VALUE);
    case 'undefined':
      return 0;
    default:
      if (value === null) return 0;
      if (value instanceof ErrorValue) return value;
      if (value instanceof Date) return dateToSerial(value);
      if (Array.isArray(value))
        return value.length === 1 ? toNumber(value[0]) : value.length === 0 ? 0 : VALUE;
      return VALUE;
  }
}

function dateTextSerial(text: string): number | null {
  const date = parseDateText(text);
  return date ? dateToSerial(date) : null;
}

/** A value as text; numbers in General format, TRUE/FALSE, dates as ISO text, lists joined with ", ". */
export function toText(value: unknown): string | ErrorValue {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      return Number.isNaN(value) ? VALUE : formatGeneral(value);
    case 'boolean':
      return value ? 'TRUE' : 'FALSE';
    case 'undefined':
      return '';
    default: {
      if (value === null) return '';
      if (value instanceof ErrorValue) return value;
      if (value instanceof Date) return formatDate(value);
      if (Array.isArray(value)) {
        const parts: string[] = [];
        for (const item of value) {
          const text = toText(item);
          if (text instanceof ErrorValue) return text;
          if (text !== '') parts.push(text);
        }
        return parts.join(', ');
      }
      return VALUE;
    }
  }
}

/** A value as a condition: numbers ≠ 0, "TRUE"/"FALSE" text, blank is FALSE, a list is TRUE when not empty. */
export function toBoolean(value: unknown): boolean | ErrorValue {
  switch (typeof value) {
    case 'boolean':
      return value;
    case 'number':
      return Number.isNaN(value) ? VALUE : value !== 0;
    case 'string': {
      if (value === '') return false;
      const upper = value.trim().toUpperCase();
      return upper === 'TRUE' ? true : upper === 'FALSE' ? false : VALUE;
    }
    case 'undefined':
      return false;
    default:
      if (value === null) return false;
      if (value instanceof ErrorValue) return value;
      if (value instanceof Date) return true;
      if (Array.isArray(value)) return value.length > 0;
      return VALUE;
  }
}

/**
 * A value as a floating date: Dates as they are, numbers as Excel serials, date text parsed.
 * Blank stays blank (null) so date functions on an empty date field give an empty result, not 1900.
 */
export function toDate(value: unknown): Date | ErrorValue | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? VALUE : value;
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return serialDate(value);
  if (typeof value === 'string') {
    const parsed = parseDateText(value);
    if (parsed) return parsed;
    const serial = parseNumberText(value);
    return serial === null ? VALUE : serialDate(serial);
  }
  if (value instanceof ErrorValue) return value;
  if (Array.isArray(value) && value.length === 1) return toDate(value[0]);
  return VALUE;
}

/** Dates run from 0001-01-01 to 9999-12-31 (serials −693,593 … 2,958,465); anything else is #NUM!. */
function serialDate(serial: number): Date | ErrorValue {
  if (!Number.isFinite(serial) || serial < -693_593 || serial >= 2_958_466) return NUM;
  return serialToDate(serial);
}

/** Flattens nested lists (linked records, lookups) into one list of scalars, for aggregates. */
export function flatten(values: readonly unknown[]): unknown[] {
  const out: unknown[] = [];
  const visit = (items: readonly unknown[]): void => {
    for (const item of items) {
      if (Array.isArray(item)) visit(item);
      else out.push(item);
    }
  };
  visit(values);
  return out;
}

/** Excel's sort rank of a value's kind: numbers (and dates) < text < booleans. */
function rank(value: unknown): number {
  if (typeof value === 'string') return 1;
  if (typeof value === 'boolean') return 2;
  return 0;
}

/**
 * Compares two non-error scalars the way Excel's = and < do: blank equals 0 and "", text compares without regard to
 * case, dates compare as serial numbers, and different kinds order as numbers < text < booleans. Returns -1, 0 or 1.
 */
export function compareValues(left: unknown, right: unknown): number {
  let a = left instanceof Date ? dateToSerial(left) : Array.isArray(left) ? toText(left) : left;
  let b = right instanceof Date ? dateToSerial(right) : Array.isArray(right) ? toText(right) : right;
  if (a === null || a === undefined) a = typeof b === 'string' ? '' : typeof b === 'boolean' ? false : 0;
  if (b === null || b === undefined) b = typeof a === 'string' ? '' : typeof a === 'boolean' ? false : 0;
  const rankA = rank(a);
  const rankB = rank(b);
  if (rankA !== rankB) return rankA < rankB ? -1 : 1;
  if (typeof a === 'string' && typeof b === 'string') {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = Number(a);
  const y = Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
