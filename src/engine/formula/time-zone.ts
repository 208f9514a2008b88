// Wall-clock time in an IANA time zone, computed with Intl (no tz database of our own). Dates in formulas are "floating":
// a Date whose UTC fields are the wall-clock fields in the evaluation zone, so YEAR()/HOUR() read getUTC*().

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws RangeError for an unknown zone name; callers validate zones where they accept them.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Offset of `timeZone` from UTC at the instant `epochMs`, in milliseconds (Asia/Shanghai → +8 h). */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 0;
  const parts = formatterFor(timeZone).formatToParts(epochMs);
  const field = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((part) => part.type === type)?.value ?? 0);
  const wall = Date.UTC(
    field('year'),
    field('month') - 1,
    field('day'),
    field('hour'),
    field('minute'),
    field('second'),
  );
  // Floor, not truncate: before 1970 a remainder is negative and truncation would be a second off.
  const whole = Math.floor(epochMs / 1000) * 1000;
  return wall - whole;
}

/** The floating wall-clock time (see above) at the instant `epochMs` in `timeZone`. */
export function wallClock(epochMs: number, timeZone: string): Date {
  return new Date(epochMs + zoneOffsetMs(epochMs, timeZone));
}
