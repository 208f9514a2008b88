// Calendar arithmetic behind the date functions: day numbers, months, weekends and business days, Excel's
// day-count conventions (DATEDIF, DAYS360, YEARFRAC) and the date/time texts Excel accepts beyond ISO dates.
import { parseDateText } from '../coerce';
import { MS_PER_DAY } from '../time-zone';

/** The range of formula dates, epoch ms of floating time: 0001-01-01 00:00 … 9999-12-31 23:59:59.999. */
const MIN_DATE_MS = new Date(0).setUTCFullYear(1, 0, 1);
const MAX_DATE_MS = Date.UTC(10_000, 0, 1) - 1;

/** Days from 0001-01-01 to 9999-12-31: no shift of more days than this can stay in range. */
export const MAX_DAY_SPAN = (MAX_DATE_MS - MIN_DATE_MS + 1) / MS_PER_DAY;

/** False for Invalid Dates and dates outside 0001–9999 (results there are #NUM!). */
export function isInRange(date: Date): boolean {
  const time = date.getTime();
  return time >= MIN_DATE_MS && time <= MAX_DATE_MS;
}

/** Whole days since 1970-01-01 of a floating date, i.e. its calendar day (the time of day is dropped). */
export function dayNumber(date: Date): number {
  return Math.floor(date.getTime() / MS_PER_DAY);
}

/** Midnight of a day number. */
export function fromDayNumber(day: number): Date {
  return new Date(day * MS_PER_DAY);
}

/** Milliseconds since midnight, 0 ≤ result < MS_PER_DAY. */
export function timeOfDay(date: Date): number {
  return date.getTime() - dayNumber(date) * MS_PER_DAY;
}

/** 0 = Sunday … 6 = Saturday, like getUTCDay(); 1970-01-01 (day 0) was a Thursday. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in `month` (1–12) of `year`, proleptic Gregorian for every year (Date.UTC would remap years 0–99). */
export function monthLength(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Midnight of possibly out-of-range fields rolled over like Excel's DATE (month 13 is next January, day 0 the
 * previous month's last day). May be an Invalid Date for absurd fields: check with isInRange.
 */
export function makeDate(year: number, monthIndex: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date;
}

/** `date` moved by whole `months`, clamped to the month's end (Jan 31 + 1 = Feb 28/29); keeps the time. */
export function addMonths(date: Date, months: number): Date {
  const total = date.getUTCFullYear() * 12 + date.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const monthIndex = total - year * 12;
  const day = Math.min(date.getUTCDate(), monthLength(year, monthIndex + 1));
  return new Date(makeDate(year, monthIndex, day).getTime() + timeOfDay(date));
}

/** Midnight of the last day of the month `months` after `date`'s month. */
export function endOfMonth(date: Date, months: number): Date {
  return makeDate(date.getUTCFullYear(), date.getUTCMonth() + months + 1, 0);
}

/** ISO 8601 week of a day number: weeks start on Monday and week 1 holds the year's first Thursday. */
export function isoWeek(day: number): number {
  const thursday = day - ((weekdayOf(day) + 6) % 7) + 3;
  const year = fromDayNumber(thursday).getUTCFullYear();
  return Math.floor((thursday - dayNumber(makeDate(year, 0, 1))) / 7) + 1;
}

/** Weekend days as a bit set: bit 0 = Sunday … bit 6 = Saturday. */
export type WeekendMask = number;

export const SATURDAY_SUNDAY: WeekendMask = 0b100_0001;

export function isWeekend(weekend: WeekendMask, day: number): boolean {
  return ((weekend >> weekdayOf(day)) & 1) === 1;
}

function workdaysPerWeek(weekend: WeekendMask): number {
  let count = 7;
  for (let bit = 0; bit < 7; bit += 1) count -= (weekend >> bit) & 1;
  return count;
}

/** Working days in [from, to] (day numbers, from ≤ to) minus the holidays (unique day numbers) among them. */
export function countWorkdays(
  from: number,
  to: number,
  weekend: WeekendMask,
  holidays: readonly number[],
): number {
  const weeks = Math.floor((to - from + 1) / 7);
  let count = weeks * workdaysPerWeek(weekend);
  for (let day = from + weeks * 7; day <= to; day += 1) if (!isWeekend(weekend, day)) count += 1;
  for (const holiday of holidays) {
    if (holiday >= from && holiday <= to && !isWeekend(weekend, holiday)) count -= 1;
  }
  return count;
}

/** `count` working days after (count > 0) or before `from`, without holidays; needs a workday a week. */
function stepWorkdays(from: number, count: number, weekend: WeekendMask): number {
  const perWeek = workdaysPerWeek(weekend);
  const step = count > 0 ? 1 : -1;
  // Whole weeks first: every 7 days hold exactly perWeek working days; the rest (1…perWeek) day by day.
  const weeks = Math.floor((Math.abs(count) - 1) / perWeek);
  let day = from + step * weeks * 7;
  let left = Math.abs(count) - weeks * perWeek;
  while (left > 0) {
    day += step;
    if (!isWeekend(weekend, day)) left -= 1;
  }
  return day;
}

/**
 * WORKDAY: the day `count` working days after (or before, when negative) `start`, skipping weekends and
 * holidays; 0 gives `start` itself. |count| must not exceed MAX_DAY_SPAN (callers check) so the week
 * arithmetic stays exact.
 */
export function shiftWorkdays(
  start: number,
  count: number,
  weekend: WeekendMask,
  holidays: readonly number[],
): number {
  const workdayHolidays = holidays.filter((holiday) => !isWeekend(weekend, holiday));
  const forward = count > 0;
  let from = start;
  let left = Math.abs(count);
  // Each pass lands on a working day; the holidays it stepped over (or onto) are made up by the next pass.
  while (left > 0) {
    const to = stepWorkdays(from, forward ? left : -left, weekend);
    const passed = from;
    left = workdayHolidays.filter((h) => (forward ? h > passed && h <= to : h < passed && h >= to)).length;
    from = to;
  }
  return from;
}

interface Fields {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

function fieldsOf(day: number): Fields {
  const date = fromDayNumber(day);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function isLastOfFebruary({ year, month, day }: Fields): boolean {
  return month === 2 && day === monthLength(year, 2);
}

function days360Of(y1: number, m1: number, d1: number, y2: number, m2: number, d2: number): number {
  return (y2 - y1) * 360 + (m2 - m1) * 30 + (d2 - d1);
}

export type DatedifUnit = 'Y' | 'M' | 'D' | 'MD' | 'YM' | 'YD';

export const DATEDIF_UNITS: readonly DatedifUnit[] = ['Y', 'M', 'D', 'MD', 'YM', 'YD'];

/** DATEDIF between day numbers start ≤ end, as Excel (even "MD" going negative for Jan 31 → Mar 1). */
export function datedif(start: number, end: number, unit: DatedifUnit): number {
  const a = fieldsOf(start);
  const b = fieldsOf(end);
  const months = (b.year - a.year) * 12 + (b.month - a.month) - (b.day < a.day ? 1 : 0);
  switch (unit) {
    case 'D':
      return end - start;
    case 'M':
      return months;
    case 'Y':
      return Math.floor(months / 12);
    case 'YM':
      return months % 12;
    case 'MD': {
      if (b.day >= a.day) return b.day - a.day;
      // Excel: end − DATE(end year, end month − 1, start day), the day rolling over in short months.
      const previous = b.month === 1 ? monthLength(b.year - 1, 12) : monthLength(b.year, b.month - 1);
      return b.day + previous - a.day;
    }
    case 'YD': {
      // Excel: end − DATE(y, start month, start day), the last anniversary not after end (Feb 29 rolls on).
      const sameYear = b.month > a.month || (b.month === a.month && b.day >= a.day);
      return end - dayNumber(makeDate(sameYear ? b.year : b.year - 1, a.month - 1, a.day));
    }
  }
}

/** DAYS360 of day numbers, US (NASD) or European; never swapped (Excel: 2000-03-31 → 1999-02-02 is −418). */
export function days360(start: number, end: number, european: boolean): number {
  const a = fieldsOf(start);
  const b = fieldsOf(end);
  let d1 = a.day;
  let d2 = b.day;
  if (european) {
    d1 = Math.min(d1, 30);
    d2 = Math.min(d2, 30);
  } else {
    // US: a start on a month's last day counts as the 30th, an end on the 31st only if the start is the 30th.
    if (d1 === 31 || isLastOfFebruary(a)) d1 = 30;
    if (d2 === 31 && d1 === 30) d2 = 30;
  }
  return days360Of(a.year, a.month, d1, b.year, b.month, d2);
}

/** YEARFRAC of day numbers in either order, bases 0–4 (as reverse-engineered from Excel by D. A. Wheeler). */
export function yearFraction(startDay: number, endDay: number, basis: 0 | 1 | 2 | 3 | 4): number {
  const start = Math.min(startDay, endDay);
  const end = Math.max(startDay, endDay);
  const a = fieldsOf(start);
  const b = fieldsOf(end);
  switch (basis) {
    case 0: {
      let d1 = a.day;
      let d2 = b.day;
      if (d1 === 31 && d2 === 31) {
        d1 = 30;
        d2 = 30;
      } else if (d1 === 31) d1 = 30;
      else if (d1 === 30 && d2 === 31) d2 = 30;
      else if (isLastOfFebruary(a) && isLastOfFebruary(b)) {
        d1 = 30;
        d2 = 30;
      } else if (isLastOfFebruary(a)) d1 = 30;
      return days360Of(a.year, a.month, d1, b.year, b.month, d2) / 360;
    }
    case 1:
      return (end - start) / actualYearLength(a, b);
    case 2:
      return (end - start) / 360;
    case 3:
      return (end - start) / 365;
    case 4:
      return days360Of(a.year, a.month, Math.min(a.day, 30), b.year, b.month, Math.min(b.day, 30)) / 360;
  }
}

/** Basis 1 (actual/actual): 366 if a Feb 29 is in a span of at most a year, else the average year length. */
function actualYearLength(a: Fields, b: Fields): number {
  const withinAYear =
    a.year === b.year ||
    (a.year + 1 === b.year && (a.month > b.month || (a.month === b.month && a.day >= b.day)));
  if (withinAYear) {
    if (a.year === b.year) return isLeapYear(a.year) ? 366 : 365;
    const feb29 =
      (isLeapYear(a.year) && a.month <= 2) ||
      (isLeapYear(b.year) && (b.month > 2 || (b.month === 2 && b.day === 29)));
    return feb29 ? 366 : 365;
  }
  const days = dayNumber(makeDate(b.year + 1, 0, 1)) - dayNumber(makeDate(a.year, 0, 1));
  return days / (b.year - a.year + 1);
}

/** Whole calendar months from `earlier` to `later` (negative when later < earlier), truncated toward zero. */
export function monthsBetween(later: Date, earlier: Date): number {
  let months =
    (later.getUTCFullYear() - earlier.getUTCFullYear()) * 12 + later.getUTCMonth() - earlier.getUTCMonth();
  const anchor = addMonths(earlier, months).getTime();
  if (months > 0 && anchor > later.getTime()) months -= 1;
  else if (months < 0 && anchor < later.getTime()) months += 1;
  return months;
}

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** 1–12 for an English month name or an abbreviation of three letters or more ("May", "SEPT"); else null. */
function monthFromName(name: string): number | null {
  if (name.length < 3) return null;
  const lower = name.toLowerCase();
  const index = MONTH_NAMES.findIndex((month) => month.startsWith(lower));
  return index < 0 ? null : index + 1;
}

const DAY_MONTH_YEAR = /^(\d{1,2})[-\s]+([a-z]{3,9})\.?[-\s,]+(\d{4})$/i;
const MONTH_DAY_YEAR = /^([a-z]{3,9})\.?[-\s]+(\d{1,2}),?\s+(\d{4})$/i;

/** "22-May-2011", "22 May 2011" or "May 22, 2011" (Excel's DATEVALUE forms) as a midnight; else null. */
function parseNamedMonthDate(text: string): Date | null {
  let day: string | undefined;
  let name: string | undefined;
  let year: string | undefined;
  const dayFirst = DAY_MONTH_YEAR.exec(text);
  if (dayFirst) [, day, name, year] = dayFirst;
  const monthFirst = dayFirst ? null : MONTH_DAY_YEAR.exec(text);
  if (monthFirst) [, name, day, year] = monthFirst;
  if (day === undefined || name === undefined || year === undefined) return null;
  const month = monthFromName(name);
  const y = Number(year);
  const d = Number(day);
  if (month === null || d < 1 || d > monthLength(y, month)) return null;
  return makeDate(y, month - 1, d);
}

const TIME_TEXT =
  /^(?:(上午|下午)\s*)?(\d{1,2})(?::(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,3}))?)?)?\s*(?:([ap])\.?m\.?)?$/i;

/**
 * A time of day in ms since midnight ("13:45", "13:45:30.5", "2:24 AM", "6 PM", "下午3:30") or null.
 * 24-hour times go up to 23:59:59; with AM/PM the hour is 0–12.
 */
export function parseTimeText(text: string): number | null {
  const match = TIME_TEXT.exec(text.trim());
  if (!match) return null;
  const [, chinese, hourText = '', minuteText, secondText, fraction, latin] = match;
  const meridiem = chinese === undefined ? latin?.toLowerCase() : chinese === '上午' ? 'a' : 'p';
  if (minuteText === undefined && meridiem === undefined) return null;
  let hour = Number(hourText);
  const minute = Number(minuteText ?? 0);
  const second = Number(secondText ?? 0);
  if (minute > 59 || second > 59 || hour > (meridiem === undefined ? 23 : 12)) return null;
  if (meridiem !== undefined) hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  const millis = Number((fraction ?? '').padEnd(3, '0'));
  return ((hour * 60 + minute) * 60 + second) * 1000 + millis;
}

/** Excel's serial 0, 1899-12-30: the date of a time given without one ("13:45" is the serial 0.5729…). */
const SERIAL_ZERO_MS = Date.UTC(1899, 11, 30);

const TIME_SUFFIX =
  /(?:\s+|(?<=日))((?:上午|下午)?\s*\d{1,2}(?::\d{1,2}(?::\d{1,2}(?:\.\d{1,3})?)?)?\s*(?:[ap]\.?m\.?)?)$/i;

/**
 * Date texts beyond coerce's parseDateText: English month names, a time alone ("2:24 AM" on serial 0) and a
 * date followed by a 12-hour or Chinese time ("22-Aug-2011 6:35 AM", "2024年2月29日下午3:30"). Else null.
 */
export function parseLooseDateText(text: string): Date | null {
  const trimmed = text.trim();
  const whole = parseDateText(trimmed) ?? parseNamedMonthDate(trimmed);
  if (whole) return whole;
  const time = parseTimeText(trimmed);
  if (time !== null) return new Date(SERIAL_ZERO_MS + time);
  const suffix = TIME_SUFFIX.exec(trimmed);
  if (!suffix?.[1]) return null;
  const datePart = trimmed.slice(0, suffix.index).trim();
  const date = parseDateText(datePart) ?? parseNamedMonthDate(datePart);
  const suffixTime = parseTimeText(suffix[1]);
  if (!date || suffixTime === null || timeOfDay(date) !== 0) return null;
  return new Date(date.getTime() + suffixTime);
}
