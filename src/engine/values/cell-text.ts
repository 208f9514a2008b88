// A stored cell value → plain text a spreadsheet reads back (copy, CSV export, kind changes); parseCellText inverts it.
import type { Field, SelectOption } from '../model';
import { formatGeneral } from '../formula/coerce';
import { MS_PER_DAY } from '../formula/time-zone';
import type { CellParseContext } from './parse-cell';
import { decimalText, instantForWall, toDecimal, wallMs } from './support';

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** "2024-01-05" for ms whose UTC fields hold the day. */
function dayText(ms: number): string {
  const date = new Date(ms);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** "2024-01-05 13:45", with ":30" / ":30.250" only when seconds or milliseconds are not zero. */
function wallText(ms: number): string {
  const date = new Date(ms);
  const seconds = date.getUTCSeconds();
  const millis = date.getUTCMilliseconds();
  let text = `${dayText(ms)} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
  if (seconds !== 0 || millis !== 0) text += `:${pad(seconds)}`;
  if (millis !== 0) text += `.${pad(millis, 3)}`;
  return text;
}

/**
 * An instant as wall time in `timeZone`. In the hour repeated when clocks go back, the later of the two instants would
 * read back as the earlier one, so it (only it) is written as ISO 8601 with its offset: "2024-11-03T01:30:00-05:00".
 */
function dateTimeText(epochMs: number, timeZone: string): string {
  const wall = wallMs(epochMs, timeZone);
  if (instantForWall(wall, timeZone) === epochMs) return wallText(wall);
  const offsetMinutes = Math.round((wall - epochMs) / 60_000);
  const abs = Math.abs(offsetMinutes);
  const zone = `${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  const text = wallText(wall).replace(' ', 'T');
  return `${text.length === 16 ? `${text}:00` : text}${zone}`;
}

/** A number with every digit it needs to read back exactly, '.' as decimal point, no grouping: "1234.5", "1e-7". */
function numberText(value: number): string {
  return Number.isFinite(value) ? String(value) : '';
}

/** A fraction as a percentage, shifting the decimal text so 0.07 is "7%" (not 7.000000000000001%). */
function percentText(value: number): string {
  const decimal = Number.isFinite(value) ? toDecimal(String(value)) : null;
  return decimal ? `${decimalText(decimal, 2)}%` : '';
}

function optionName(options: readonly SelectOption[], id: unknown): string {
  return options.find((option) => option.id === id)?.name ?? '';
}

/** Text of any value whose kind says nothing more: computed results, ids, attachment names. */
function genericText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? formatGeneral(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : wallText(value.getTime());
  if (Array.isArray(value)) return joinTexts(value.map(genericText));
  if (typeof value === 'object' && 'name' in value && typeof value.name === 'string') return value.name;
  return '';
}

function joinTexts(texts: readonly string[]): string {
  return texts.filter((text) => text !== '').join(', ');
}

/**
 * Plain text for `value` stored in `field`; blank (and a value of the wrong type) is "". Numbers keep full precision,
 * dates are ISO days, date-times are wall times in `context.timeZone` (UTC by default), checkboxes TRUE/FALSE, select
 * options and lists are names joined with ", ". For every parseable kind, parseCellText reads the text back as `value`.
 */
export function cellText(field: Field, value: unknown, context: CellParseContext = {}): string {
  if (value === null || value === undefined) return '';
  const timeZone = context.timeZone ?? 'UTC';
  switch (field.kind) {
    case 'number':
    case 'currency':
    case 'rating':
      return typeof value === 'number' ? numberText(value) : genericText(value);
    case 'percent':
      return typeof value === 'number' ? percentText(value) : genericText(value);
    case 'checkbox':
      return typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : genericText(value);
    case 'date':
      if (typeof value !== 'number' || !Number.isFinite(value)) return genericText(value);
      return dayText(value - (((value % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY));
    case 'dateTime':
    case 'createdTime':
    case 'lastModifiedTime':
      return typeof value === 'number' && Number.isFinite(value)
        ? dateTimeText(value, timeZone)
        : genericText(value);
    case 'singleSelect':
      return optionName(field.options, value);
    case 'multiSelect':
      return Array.isArray(value) ? joinTexts(value.map((id) => optionName(field.options, id))) : '';
    default:
      return genericText(value);
  }
}
