// Fast paths for the cell texts an import meets most (plain numbers, ISO dates and date-times, digit-only phones),
// so converting 100k rows costs little next to storing them. Each fast path gives exactly what parseCellText gives
// (tested side by side) or steps aside (undefined) for parseCellText to decide. Date-times in a zone are the slow part
// of parseCellText (several Intl lookups per cell); here the zone offset is looked up once per day of the file.
import type { Field } from '../model';
import type { CellParseResult } from '../values';
import { MS_PER_DAY } from '../formula/time-zone';
import { instantForWall, offsetAt } from '../values/support';

export type FastParse = (text: string) => CellParseResult | undefined;

const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;
const ISO_DAY = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;
const ISO_WALL = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const PLAIN_PHONE = /^\+?\d{3,30}$/;

/** Epoch ms of a real calendar day and time (as UTC fields), or undefined when a field is out of range. */
function wallOf(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number | undefined {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return undefined;
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  date.setUTCFullYear(y); // Years 0–99 would otherwise read as 1900–1999.
  return date.getUTCDate() === d && date.getUTCMonth() === mo - 1 ? date.getTime() : undefined;
}

/** Wall time → instant in `timeZone`, as instantForWall, with the offset cached per day away from clock changes. */
function zoneConverter(timeZone: string): (wall: number) => number {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return (wall) => wall;
  const byDay = new Map<number, number | null>();
  return (wall) => {
    const day = Math.floor(wall / MS_PER_DAY);
    let offset = byDay.get(day);
    if (offset === undefined) {
      // The same offset a day before and two days after: no clock change within reach of this day's wall times.
      const before = offsetAt((day - 1) * MS_PER_DAY, timeZone);
      const after = offsetAt((day + 2) * MS_PER_DAY, timeZone);
      offset = before === after ? before : null;
      byDay.set(day, offset);
    }
    return offset === null ? instantForWall(wall, timeZone) : wall - offset;
  };
}

/** The fast path for cells of `field`, or undefined when its kind has none. */
export function fastCellParser(field: Field, timeZone: string): FastParse | undefined {
  switch (field.kind) {
    case 'number':
    case 'currency':
      return (text) => {
        const trimmed = text.trim();
        if (!PLAIN_NUMBER.test(trimmed)) return undefined;
        const value = Number(trimmed);
        if (!Number.isFinite(value)) return undefined;
        return { ok: true, value: value === 0 ? 0 : value };
      };
    case 'date':
      return (text) => {
        const match = ISO_DAY.exec(text.trim());
        if (!match) return undefined;
        const wall = wallOf(Number(match[1]), Number(match[2]), Number(match[3]));
        return wall === undefined ? undefined : { ok: true, value: wall };
      };
    case 'dateTime': {
      const toInstant = zoneConverter(timeZone);
      return (text) => {
        const match = ISO_WALL.exec(text.trim());
        if (!match) return undefined;
        const wall = wallOf(
          Number(match[1]),
          Number(match[2]),
          Number(match[3]),
          Number(match[4]),
          Number(match[5]),
          Number(match[6] ?? '0'),
        );
        return wall === undefined ? undefined : { ok: true, value: toInstant(wall) };
      };
    }
    case 'phone':
      return (text) => {
        const trimmed = text.trim();
        return PLAIN_PHONE.test(trimmed) ? { ok: true, value: trimmed } : undefined;
      };
    default:
      return undefined;
  }
}
