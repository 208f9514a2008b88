// Date and time functions of the formula language: Excel's, plus Airtable-style DATEADD and DATETIME_DIFF.
// Dates are floating (values.ts); a blank date argument gives a blank result; results stay in 0001–9999.
import { flatten, toBoolean, toDate, toNumber, toText } from '../coerce';
import { MS_PER_DAY, wallClock } from '../time-zone';
import { isError, NUM, VALUE } from '../values';
import type { ErrorValue } from '../values';
import {
  DATEDIF_UNITS,
  MAX_DAY_SPAN,
  SATURDAY_SUNDAY,
  addMonths,
  countWorkdays,
  datedif,
  dayNumber,
  days360,
  endOfMonth,
  fromDayNumber,
  isInRange,
  isoWeek,
  makeDate,
  monthsBetween,
  parseLooseDateText,
  shiftWorkdays,
  timeOfDay,
  weekdayOf,
  yearFraction,
} from './calendar';
import type { WeekendMask } from './calendar';
import type { FunctionSpec } from './spec';

/**
 * A date argument: blank or an empty list → null; numbers are Excel serials; text is parsed (ISO, 年月日,
 * 22-May-2011, 13:45…).
 */
function readDate(value: unknown): Date | ErrorValue | null {
  if (Array.isArray(value) && value.length <= 1) return value.length === 0 ? null : readDate(value[0]);
  let date = toDate(value);
  if (isError(date) && typeof value === 'string') date = parseLooseDateText(value) ?? date;
  if (date === null || isError(date)) return date;
  return isInRange(date) ? date : NUM;
}

/** A date argument truncated to its day number, as Excel truncates serials in EDATE, DATEDIF, WORKDAY… */
function readDay(value: unknown): number | ErrorValue | null {
  const date = readDate(value);
  return date === null || isError(date) ? date : dayNumber(date);
}

/** Two day arguments; an error in either wins over a blank in the other, which makes the result blank. */
function readDayPair(first: unknown, second: unknown): readonly [number, number] | ErrorValue | null {
  const a = readDay(first);
  const b = readDay(second);
  if (isError(a)) return a;
  if (isError(b)) return b;
  return a === null || b === null ? null : [a, b];
}

/** A whole-number argument, truncated toward zero like Excel; blank is 0. */
function readInteger(value: unknown): number | ErrorValue {
  const number = toNumber(value);
  if (isError(number)) return number;
  return Number.isFinite(number) ? Math.trunc(number) : NUM;
}

/** An optional whole number: omitted or blank takes the default (WEEKDAY(d, blank) is WEEKDAY(d)). */
function readOptionalInteger(value: unknown, fallback: number): number | ErrorValue {
  return value === null || value === undefined ? fallback : readInteger(value);
}

function dateResult(date: Date): Date | ErrorValue {
  return isInRange(date) ? date : NUM;
}

function dayResult(day: number): Date | ErrorValue {
  return dateResult(fromDayNumber(day));
}

/** The seconds field of a time of day, rounded to the nearest second like Excel's HOUR/MINUTE/SECOND. */
function secondsOfDay(value: unknown): number | ErrorValue | null {
  const date = readDate(value);
  if (date === null || isError(date)) return date;
  return Math.round(timeOfDay(date) / 1000) % 86_400;
}

function clockField(divisor: number, modulo: number) {
  return (args: readonly unknown[]): unknown => {
    const seconds = secondsOfDay(args[0]);
    return seconds === null || isError(seconds) ? seconds : Math.floor(seconds / divisor) % modulo;
  };
}

function dateField(read: (date: Date) => number) {
  return (args: readonly unknown[]): unknown => {
    const date = readDate(args[0]);
    return date === null || isError(date) ? date : read(date);
  };
}

/** WEEKDAY's number for a weekday (0 = Sunday) under a return type; null for an unknown type. */
function weekdayNumber(weekday: number, type: number): number | null {
  const monday0 = (weekday + 6) % 7;
  if (type === 1) return weekday + 1;
  if (type === 2) return monday0 + 1;
  if (type === 3) return monday0;
  if (type >= 11 && type <= 17) return ((weekday - ((type - 10) % 7) + 7) % 7) + 1;
  return null;
}

/** The weekday (0 = Sunday) WEEKNUM's weeks start on, or 'iso' for type 21; null for an unknown type. */
function weekStart(type: number): number | 'iso' | null {
  if (type === 1) return 0;
  if (type === 2) return 1;
  if (type >= 11 && type <= 17) return (type - 10) % 7;
  return type === 21 ? 'iso' : null;
}

/** The .INTL weekend: a code 1–7 (two days) or 11–17 (one day), or a string like "0000011" from Monday. */
function readWeekend(value: unknown): WeekendMask | ErrorValue {
  if (value === null || value === undefined) return SATURDAY_SUNDAY;
  if (typeof value === 'string' && !/^\s*\d{1,2}\s*$/.test(value)) {
    if (!/^[01]{7}$/.test(value) || value === '1111111') return VALUE;
    let mask = 0;
    for (let index = 0; index < 7; index += 1) if (value[index] === '1') mask |= 1 << ((index + 1) % 7);
    return mask;
  }
  const code = readInteger(value);
  if (isError(code)) return code;
  // Code k in 1–7 makes days k + 5 and k + 6 (mod 7, Sunday = 0) the weekend: 1 → Saturday and Sunday.
  if (code >= 1 && code <= 7) return (1 << ((code + 5) % 7)) | (1 << ((code + 6) % 7));
  if (code >= 11 && code <= 17) return 1 << (code - 11);
  return NUM;
}

/** Holidays: one date or a list of them (blanks skipped), as unique day numbers. */
function readHolidays(value: unknown): number[] | ErrorValue {
  const days = new Set<number>();
  for (const item of Array.isArray(value) ? flatten(value) : [value]) {
    if (isError(item)) return item;
    const day = readDay(item);
    if (isError(day)) return day;
    if (day !== null) days.add(day);
  }
  return [...days];
}

function networkDays(args: readonly unknown[], weekendArg: unknown, holidaysArg: unknown): unknown {
  const days = readDayPair(args[0], args[1]);
  const weekend = readWeekend(weekendArg);
  const holidays = readHolidays(holidaysArg);
  if (days === null || isError(days)) return days;
  if (isError(weekend)) return weekend;
  if (isError(holidays)) return holidays;
  const [start, end] = days;
  return start <= end
    ? countWorkdays(start, end, weekend, holidays)
    : -countWorkdays(end, start, weekend, holidays);
}

function workday(args: readonly unknown[], weekendArg: unknown, holidaysArg: unknown): unknown {
  const start = readDay(args[0]);
  const count = readInteger(args[1]);
  const weekend = readWeekend(weekendArg);
  const holidays = readHolidays(holidaysArg);
  if (start === null || isError(start)) return start;
  if (isError(count)) return count;
  if (isError(weekend)) return weekend;
  if (isError(holidays)) return holidays;
  if (Math.abs(count) > MAX_DAY_SPAN) return NUM;
  return dayResult(shiftWorkdays(start, count, weekend, holidays));
}

type Unit = 'years' | 'quarters' | 'months' | 'weeks' | 'days' | 'hours' | 'minutes' | 'seconds';

const UNITS: ReadonlyMap<string, Unit> = new Map<string, Unit>([
  ...(['year', 'years', '年'] as const).map((name) => [name, 'years'] as const),
  ...(['quarter', 'quarters', '季度'] as const).map((name) => [name, 'quarters'] as const),
  ...(['month', 'months', '月', '个月'] as const).map((name) => [name, 'months'] as const),
  ...(['week', 'weeks', '周', '星期'] as const).map((name) => [name, 'weeks'] as const),
  ...(['day', 'days', '天', '日'] as const).map((name) => [name, 'days'] as const),
  ...(['hour', 'hours', '小时', '时'] as const).map((name) => [name, 'hours'] as const),
  ...(['minute', 'minutes', '分钟', '分'] as const).map((name) => [name, 'minutes'] as const),
  ...(['second', 'seconds', '秒'] as const).map((name) => [name, 'seconds'] as const),
]);

/** Length in ms of the fixed-length units; months, quarters and years are calendar units. */
const UNIT_MS: Readonly<Record<'weeks' | 'days' | 'hours' | 'minutes' | 'seconds', number>> = {
  weeks: 7 * MS_PER_DAY,
  days: MS_PER_DAY,
  hours: 3_600_000,
  minutes: 60_000,
  seconds: 1000,
};

const MONTHS_PER: Readonly<Record<'years' | 'quarters' | 'months', number>> = {
  years: 12,
  quarters: 3,
  months: 1,
};

/** A DATEADD / DATETIME_DIFF unit: any case, singular or plural, English or Chinese; unknown is #NUM!. */
function readUnit(value: unknown): Unit | ErrorValue {
  const text = toText(value);
  if (isError(text)) return text;
  return UNITS.get(text.trim().toLowerCase()) ?? NUM;
}

export const DATE_FUNCTIONS: readonly FunctionSpec[] = [
  {
    name: 'DATE',
    category: 'date',
    minArgs: 3,
    maxArgs: 3,
    params: ['number', 'number', 'number'],
    returns: 'date',
    call: (args) => {
      const year = readInteger(args[0]);
      const month = readInteger(args[1]);
      const day = readInteger(args[2]);
      if (isError(year)) return year;
      if (isError(month)) return month;
      if (isError(day)) return day;
      if (year < 0 || year >= 10_000) return NUM;
      // Excel: years 0–1899 are counted from 1900; months and days roll over in both directions.
      return dateResult(makeDate(year < 1900 ? year + 1900 : year, month - 1, day));
    },
  },
  {
    name: 'TIME',
    category: 'date',
    minArgs: 3,
    maxArgs: 3,
    params: ['number', 'number', 'number'],
    returns: 'number',
    call: (args) => {
      const parts = [readInteger(args[0]), readInteger(args[1]), readInteger(args[2])];
      let seconds = 0;
      for (const [index, part] of parts.entries()) {
        if (isError(part)) return part;
        if (part > 32_767) return NUM;
        seconds += part * 60 ** (2 - index);
      }
      // A fraction of a day, wrapping past midnight like Excel: TIME(27, 0, 0) = 0.125.
      return seconds < 0 ? NUM : (seconds % 86_400) / 86_400;
    },
  },
  {
    name: 'TODAY',
    category: 'date',
    minArgs: 0,
    maxArgs: 0,
    params: [],
    returns: 'date',
    volatile: true,
    call: (_args, env) => fromDayNumber(dayNumber(wallClock(env.now(), env.timeZone))),
  },
  {
    name: 'NOW',
    category: 'date',
    minArgs: 0,
    maxArgs: 0,
    params: [],
    returns: 'date',
    volatile: true,
    call: (_args, env) => wallClock(env.now(), env.timeZone),
  },
  {
    name: 'YEAR',
    category: 'date',
    minArgs: 1,
    maxArgs: 1,
    params: ['date'],
    returns: 'number',
    call: dateField((date) => date.getUTCFullYear()),
  },
  {
    name: 'MONTH',
    category: 'date',
    minArgs: 1,
    maxArgs: 1,
    params: ['date'],
    returns: 'number',
    call: dateField((date) => date.getUTCMonth() + 1),
  },
  {
    name: 'DAY',
    category: 'date',
    minArgs: 1,
    maxArgs: 1,
    params: ['date'],
    returns: 'number',
    call: dateField((date) => date.getUTCDate()),
  },
  {
    name: 'HOUR',
    category: 'date',
    minArgs: 1,
    maxArgs: 1,
    params: ['date'],
    returns: 'number',
    call: clockField(3600, 24),
  },
  {
    name: 'MINUTE',
    category: 'date',
    minArgs: 1,
    maxArgs: 1,
    params: ['date'],
    returns: 'number',
    call: clockField(60, 60),
  },
  {
    name: 'SECOND',
    category: 'date',
    minArgs: 1,
    maxArgs: 1,
    params: ['date'],
    returns: 'number',
    call: clockField(1, 60),
  },
  {
    name: 'DATEDIF',
    category: 'date',
    minArgs: 3,
    maxArgs: 3,
    params: ['date', 'date', 'text'],
    returns: 'number',
    call: (args) => {
      const days = readDayPair(args[0], args[1]);
      const unitText = toText(args[2]);
      if (days === null || isError(days)) return days;
      if (isError(unitText)) return unitText;
      const unit = DATEDIF_UNITS.find((name) => name === unitText.trim().toUpperCase());
      const [start, end] = days;
      return unit === undefined || start > end ? NUM : datedif(start, end, unit);
    },
  },
  {
    name: 'DAYS',
    category: 'date',
    minArgs: 2,
    maxArgs: 2,
    params: ['date', 'date'],
    returns: 'number',
    call: (args) => {
      const days = readDayPair(args[0], args[1]);
      return days === null || isError(days) ? days : days[0] - days[1];
    },
  },
  {
    name: 'DAYS360',
    category: 'date',
    minArgs: 2,
    maxArgs: 3,
    params: ['date', 'date', 'boolean'],
    returns: 'number',
    call: (args) => {
      const days = readDayPair(args[0], args[1]);
      const european = toBoolean(args[2]);
      if (days === null || isError(days)) return days;
      if (isError(european)) return european;
      return days360(days[0], days[1], european);
    },
  },
  {
    name: 'EDATE',
    category: 'date',
    minArgs: 2,
    maxArgs: 2,
    params: ['date', 'number'],
    returns: 'date',
    call: (args) => {
      const start = readDay(args[0]);
      const months = readInteger(args[1]);
      if (start === null || isError(start)) return start;
      if (isError(months)) return months;
      return dateResult(addMonths(fromDayNumber(start), months));
    },
  },
  {
    name: 'EOMONTH',
    category: 'date',
    minArgs: 2,
    maxArgs: 2,
    params: ['date', 'number'],
    returns: 'date',
    call: (args) => {
      const start = readDate(args[0]);
      const months = readInteger(args[1]);
      if (start === null || isError(start)) return start;
      if (isError(months)) return months;
      return dateResult(endOfMonth(start, months));
    },
  },
  {
    name: 'WEEKDAY',
    category: 'date',
    minArgs: 1,
    maxArgs: 2,
    params: ['date', 'number'],
    returns: 'number',
    call: (args) => {
      const day = readDay(args[0]);
      const type = readOptionalInteger(args[1], 1);
      if (day === null || isError(day)) return day;
      if (isError(type)) return type;
      return weekdayNumber(weekdayOf(day), type) ?? NUM;
    },
  },
  {
    name: 'WEEKNUM',
    category: 'date',
    minArgs: 1,
    maxArgs: 2,
    params: ['date', 'number'],
    returns: 'number',
    call: (args) => {
      const day = readDay(args[0]);
      const type = readOptionalInteger(args[1], 1);
      if (day === null || isError(day)) return day;
      if (isError(type)) return type;
      const first = weekStart(type);
      if (first === null) return NUM;
      if (first === 'iso') return isoWeek(day);
      // Week 1 holds January 1 and ends before the first `first` weekday after it.
      const january1 = dayNumber(makeDate(fromDayNumber(day).getUTCFullYear(), 0, 1));
      const lead = (weekdayOf(january1) - first + 7) % 7;
      return Math.floor((day - january1 + lead) / 7) + 1;
    },
  },
  {
    name: 'ISOWEEKNUM',
    category: 'date',
    minArgs: 1,
    maxArgs: 1,
    params: ['date'],
    returns: 'number',
    call: (args) => {
      const day = readDay(args[0]);
      return day === null || isError(day) ? day : isoWeek(day);
    },
  },
  {
    name: 'NETWORKDAYS',
    category: 'date',
    minArgs: 2,
    maxArgs: 3,
    params: ['date', 'date', 'any'],
    returns: 'number',
    call: (args) => networkDays(args, undefined, args[2]),
  },
  {
    name: 'NETWORKDAYS.INTL',
    category: 'date',
    minArgs: 2,
    maxArgs: 4,
    params: ['date', 'date', 'any', 'any'],
    returns: 'number',
    call: (args) => networkDays(args, args[2], args[3]),
  },
  {
    name: 'WORKDAY',
    category: 'date',
    minArgs: 2,
    maxArgs: 3,
    params: ['date', 'number', 'any'],
    returns: 'date',
    call: (args) => workday(args, undefined, args[2]),
  },
  {
    name: 'WORKDAY.INTL',
    category: 'date',
    minArgs: 2,
    maxArgs: 4,
    params: ['date', 'number', 'any', 'any'],
    returns: 'date',
    call: (args) => workday(args, args[2], args[3]),
  },
  {
    name: 'DATEVALUE',
    category: 'date',
    minArgs: 1,
    maxArgs: 1,
    params: ['text'],
    returns: 'date',
    call: (args) => {
      const day = readDay(args[0]);
      return day === null || isError(day) ? day : fromDayNumber(day);
    },
  },
  {
    name: 'TIMEVALUE',
    category: 'date',
    minArgs: 1,
    maxArgs: 1,
    params: ['text'],
    returns: 'number',
    call: (args) => {
      const date = readDate(args[0]);
      return date === null || isError(date) ? date : timeOfDay(date) / MS_PER_DAY;
    },
  },
  {
    name: 'YEARFRAC',
    category: 'date',
    minArgs: 2,
    maxArgs: 3,
    params: ['date', 'date', 'number'],
    returns: 'number',
    call: (args) => {
      const days = readDayPair(args[0], args[1]);
      const basis = readOptionalInteger(args[2], 0);
      if (days === null || isError(days)) return days;
      if (isError(basis)) return basis;
      if (basis !== 0 && basis !== 1 && basis !== 2 && basis !== 3 && basis !== 4) return NUM;
      return yearFraction(days[0], days[1], basis);
    },
  },
  {
    name: 'DATEADD',
    category: 'date',
    minArgs: 3,
    maxArgs: 3,
    params: ['date', 'number', 'text'],
    returns: 'date',
    call: (args) => {
      const date = readDate(args[0]);
      const count = toNumber(args[1]);
      const unit = readUnit(args[2]);
      if (date === null || isError(date)) return date;
      if (isError(count)) return count;
      if (isError(unit)) return unit;
      if (!Number.isFinite(count)) return NUM;
      if (unit === 'years' || unit === 'quarters' || unit === 'months') {
        // Calendar units move by whole months (1.5 years = 18 months), clamped to the month's end like EDATE.
        const months = Math.trunc(count * MONTHS_PER[unit]);
        return Math.abs(months) > MAX_DAY_SPAN ? NUM : dateResult(addMonths(date, months));
      }
      return dateResult(new Date(date.getTime() + Math.round(count * UNIT_MS[unit])));
    },
  },
  {
    name: 'DATETIME_DIFF',
    category: 'date',
    minArgs: 3,
    maxArgs: 3,
    params: ['date', 'date', 'text'],
    returns: 'number',
    call: (args) => {
      const later = readDate(args[0]);
      const earlier = readDate(args[1]);
      const unit = readUnit(args[2]);
      if (isError(later)) return later;
      if (isError(earlier)) return earlier;
      if (isError(unit)) return unit;
      if (later === null || earlier === null) return null;
      // Truncated toward zero like Airtable: 23 hours is 0 days, −1.5 days is −1.
      const whole =
        unit === 'years' || unit === 'quarters' || unit === 'months'
          ? monthsBetween(later, earlier) / MONTHS_PER[unit]
          : (later.getTime() - earlier.getTime()) / UNIT_MS[unit];
      return Math.trunc(whole) + 0; // + 0 turns −0 into 0
    },
  },
];
