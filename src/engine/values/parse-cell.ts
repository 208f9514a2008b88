// Text a person typed, pasted from a spreadsheet or read from a CSV cell → the value stored for a field's kind.
// One parser for inline editors, paste, import and kind changes, so they all accept the same inputs.
import type { Field, SelectOption } from '../model';
import { COMPUTED_FIELD_KINDS } from '../model';
import { parseTimeText, parseLooseDateText } from '../formula/functions/calendar';
import { MS_PER_DAY } from '../formula/time-zone';
import { decimalValue, instantForWall, toDecimal } from './support';

/** Every reason a cell text is refused; the UI shows `cellProblems.<code>` with the problem's params. */
export const CELL_PROBLEM_CODES = [
  'notANumber',
  'notADate',
  'notADateTime',
  'notABoolean',
  'unknownOption',
  'notAnEmail',
  'notAPhone',
  'notAUrl',
  'ratingOutOfRange',
  'readOnly',
  'unsupported',
  'tooLong',
] as const;
export type CellProblemCode = (typeof CELL_PROBLEM_CODES)[number];

export interface CellProblem {
  readonly code: CellProblemCode;
  /** Details for the message: the offending text, the limit, the option name… */
  readonly params: Readonly<Record<string, string | number>>;
}

/** What a cell stores: text, a number (epoch ms for dates), a checkbox, option ids, or null for blank. */
export type CellValue = string | number | boolean | readonly string[] | null;

/** A select option the text named that the field does not have yet; the caller adds it to the field. */
export interface NewOption {
  readonly id: string;
  readonly name: string;
}

export interface CellParseContext {
  /** IANA zone for date-times typed without an offset, and for printing them; 'UTC' when absent. */
  readonly timeZone?: string;
  /** Unknown select option names become new options (reported in `newOptions`) instead of a problem. */
  readonly createOptions?: boolean;
  /** Id for a new option; called once per new name and parse. Callers that save should pass one (e.g. newId). */
  readonly newOptionId?: (name: string) => string;
}

export type CellParseResult =
  | { readonly ok: true; readonly value: CellValue; readonly newOptions?: readonly NewOption[] }
  | { readonly ok: false; readonly problem: CellProblem };

function ok(value: CellValue): CellParseResult {
  return { ok: true, value };
}

function problem(code: CellProblemCode, params: Record<string, string | number> = {}): CellParseResult {
  return { ok: false, problem: { code, params } };
}

/** Id given to a new option when the context has no `newOptionId`: stable, so previews agree with themselves. */
export function pendingOptionId(name: string): string {
  return `new:${name}`.slice(0, 100);
}

/**
 * Parses `text` as a value of `field`. Empty or all-blank text is null for every kind that accepts input; computed
 * kinds refuse everything (readOnly); link, person and attachment cells are not typed as text (unsupported).
 */
export function parseCellText(field: Field, text: string, context: CellParseContext = {}): CellParseResult {
  if (COMPUTED_FIELD_KINDS.includes(field.kind)) return problem('readOnly');
  if (text.trim() === '') return ok(null);
  switch (field.kind) {
    case 'text':
      if (field.maxLength !== undefined && text.length > field.maxLength)
        return problem('tooLong', { max: field.maxLength });
      return ok(text);
    case 'longText':
      return ok(text);
    case 'number':
    case 'currency':
      return numberResult(text, 0);
    case 'percent':
      // Typed "12.5" means 12.5 %, as in a spreadsheet cell formatted as a percentage; "12.5%" means it too.
      return numberResult(text, -2);
    case 'rating':
      return parseRating(text, field.max);
    case 'checkbox':
      return parseCheckbox(text);
    case 'date':
      return parseDate(text);
    case 'dateTime':
      return parseDateTime(text, context.timeZone ?? 'UTC');
    case 'singleSelect':
      return parseSelect(field.options, text, false, context);
    case 'multiSelect':
      return parseSelect(field.options, text, true, context);
    case 'email':
      return parseEmail(text);
    case 'phone':
      return parsePhone(text);
    case 'url':
      return parseUrl(text);
    default:
      // link, person, attachment: picked from lists, never typed (computed kinds were refused above).
      return problem('unsupported', { kind: field.kind });
  }
}

const CURRENCY_SIGN = '[$¥€£₩₹]';
const CURRENCY_CODE = '(?:CNY|RMB|USD|EUR|GBP|JPY|HKD|TWD|SGD|AUD|CAD|CHF|KRW|INR)';
const NUMBER_TEXT = new RegExp(
  String.raw`^(\()?([+-])?(?:${CURRENCY_SIGN}|${CURRENCY_CODE}\s?)?([+-])?` +
    String.raw`((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?` +
    String.raw`\s*(%|万|亿)?\s*(?:元|\s?${CURRENCY_CODE})?(\))?$`,
);

/**
 * A number from "1,234.50", "¥1,234.5", "-$5", "USD 12", "12元", "(5)" (accounting negative), "1e3", "12.5%",
 * "1.5万" (10⁴) or "2亿" (10⁸). Full-width digits and signs count (NFKC). `shift` scales by powers of ten when the
 * text has no % of its own (percent fields pass −2). Null when the text is no number or not finite.
 */
export function parseNumberCell(text: string, shift = 0): number | null {
  const match = NUMBER_TEXT.exec(text.normalize('NFKC').trim());
  if (!match) return null;
  const [, open, sign1, sign2, body = '', exponent, unit, close] = match;
  if ((open === undefined) !== (close === undefined)) return null;
  if (sign1 !== undefined && sign2 !== undefined) return null;
  const decimal = toDecimal(body.replace(/,/g, '') + (exponent === undefined ? '' : `e${exponent}`));
  if (!decimal) return null;
  const scale = unit === '%' ? -2 : shift + (unit === '万' ? 4 : unit === '亿' ? 8 : 0);
  const magnitude = decimalValue({ ...decimal, neg: false }, scale);
  if (!Number.isFinite(magnitude)) return null;
  const negative = open !== undefined || sign1 === '-' || sign2 === '-';
  // Never store -0: it prints as "0" and compares equal, but would not survive a round trip through text.
  return negative && magnitude !== 0 ? -magnitude : magnitude;
}

function numberResult(text: string, shift: number): CellParseResult {
  const value = parseNumberCell(text, shift);
  return value === null ? problem('notANumber', { text: text.trim() }) : ok(value);
}

const STARS = /^[★⭐]+$/u;

/** A whole number of stars 1..max: "4", "4.0" or "★★★★". */
function parseRating(text: string, max: number): CellParseResult {
  const trimmed = text.trim();
  const value = STARS.test(trimmed) ? (trimmed.match(/[★⭐]/gu)?.length ?? 0) : parseNumberCell(trimmed);
  if (value === null) return problem('notANumber', { text: trimmed });
  if (!Number.isInteger(value) || value < 1 || value > max) return problem('ratingOutOfRange', { max });
  return ok(value);
}

const TRUE_WORDS = new Set([
  'true',
  'yes',
  'y',
  '1',
  'on',
  'checked',
  '✓',
  '✔',
  '☑',
  '☒',
  'x',
  '是',
  '对',
  '√',
]);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'off', 'unchecked', '✗', '✘', '☐', '否', '错', '×']);

function parseCheckbox(text: string): CellParseResult {
  const word = text.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return ok(true);
  if (FALSE_WORDS.has(word)) return ok(false);
  return problem('notABoolean', { text: text.trim() });
}

/** "2024-01-05T09:30:00Z", "2024-01-05 09:30+08:00": ISO 8601 with an offset names an instant of its own. */
const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)$/i;

/** Instant of an ISO text with an offset; null when the text has none or names no real time. */
function parseIsoInstant(text: string): number | null {
  const match = ISO_WITH_OFFSET.exec(text);
  if (!match) return null;
  const [, y, mo, d, h, mi, s = '0', fraction = '', zone = 'Z'] = match;
  const wall = parseLooseDateText(`${y ?? ''}-${mo ?? ''}-${d ?? ''} ${h ?? ''}:${mi ?? ''}:${s}`);
  if (!wall) return null;
  const millis = Number(fraction.slice(0, 3).padEnd(3, '0'));
  let offset = 0;
  if (zone.toUpperCase() !== 'Z') {
    const digits = zone.replace(':', '');
    const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || '0');
    offset = (digits.startsWith('-') ? -minutes : minutes) * 60_000;
  }
  return wall.getTime() + millis - offset;
}

/** A floating wall time from date text with or without a time of day; null for a time alone or no date. */
function parseWallTime(text: string): number | null {
  if (parseTimeText(text) !== null) return null;
  const date = parseLooseDateText(text.replace(/^(\d{4}-\d{2}-\d{2})T/, '$1 '));
  return date ? date.getTime() : null;
}

/** A calendar day as epoch ms at 00:00 UTC; a time of day in the text is dropped, an offset counts. */
function parseDate(text: string): CellParseResult {
  const trimmed = text.normalize('NFKC').trim();
  const wall = parseWallTime(trimmed) ?? parseIsoInstant(trimmed);
  if (wall === null) return problem('notADate', { text: text.trim() });
  return ok(wall - (((wall % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY));
}

/** An instant (epoch ms): ISO with an offset as given; other date texts are wall times in `timeZone`. */
function parseDateTime(text: string, timeZone: string): CellParseResult {
  const trimmed = text.normalize('NFKC').trim();
  const instant = parseIsoInstant(trimmed);
  if (instant !== null) return ok(instant);
  const wall = parseWallTime(trimmed);
  if (wall === null) return problem('notADateTime', { text: text.trim() });
  return ok(instantForWall(wall, timeZone));
}

/** Separators between the names of a multi-select cell: commas, semicolons, 、 and line breaks (half and full width). */
const SEPARATOR = /[,，;；、\r\n]+/g;

/** The option named `name`: exact spelling first, else the first whose name matches ignoring case. */
function findOption<T extends { readonly name: string }>(options: readonly T[], name: string): T | undefined {
  const lower = name.toLowerCase();
  return (
    options.find((option) => option.name === name) ?? options.find((o) => o.name.toLowerCase() === lower)
  );
}

/**
 * Option ids for the names in `text`. A single select reads the whole text as one name; a multi select splits it at
 * separators, but an option whose own name contains a separator ("A, B") wins over its parts (longest match first).
 * Repeated names count once. Unknown names are new options with `createOptions`, else an unknownOption problem.
 */
function parseSelect(
  options: readonly SelectOption[],
  text: string,
  multiple: boolean,
  context: CellParseContext,
): CellParseResult {
  const names = multiple ? splitNames(options, text) : [text.trim()];
  const ids: string[] = [];
  const created: NewOption[] = [];
  for (const name of names) {
    let id = findOption(options, name)?.id ?? findOption(created, name)?.id;
    if (id === undefined) {
      if (context.createOptions !== true) return problem('unknownOption', { name });
      const option = { id: (context.newOptionId ?? pendingOptionId)(name), name };
      created.push(option);
      id = option.id;
    }
    if (!ids.includes(id)) ids.push(id);
  }
  if (ids.length === 0) return ok(null);
  const value = multiple ? ids : (ids[0] ?? null);
  return created.length > 0 ? { ok: true, value, newOptions: created } : ok(value);
}

/** How many separated pieces one option name may span, bounding the longest-match search on long cells. */
const MAX_PIECES_PER_NAME = 8;

function splitNames(options: readonly SelectOption[], text: string): string[] {
  const pieces: { start: number; end: number }[] = [];
  let start = 0;
  for (const match of text.matchAll(SEPARATOR)) {
    pieces.push({ start, end: match.index });
    start = match.index + match[0].length;
  }
  pieces.push({ start, end: text.length });
  const names: string[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const first = pieces[i];
    if (!first) break;
    let name = text.slice(first.start, first.end).trim();
    for (let j = Math.min(pieces.length - 1, i + MAX_PIECES_PER_NAME - 1); j > i; j--) {
      const joined = text.slice(first.start, pieces[j]?.end).trim();
      if (findOption(options, joined)) {
        name = joined;
        i = j;
        break;
      }
    }
    if (name !== '') names.push(name);
  }
  return names;
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/;

function parseEmail(text: string): CellParseResult {
  const email = text.trim().replace(/^mailto:/i, '');
  return EMAIL.test(email) ? ok(email) : problem('notAnEmail', { text: text.trim() });
}

/** Digits with the usual punctuation, an optional leading +, and an optional extension ("ext. 12", "转 12"). */
const PHONE = /^\+?[\d\s\-().]+(?:\s*(?:ext\.?|x|转|分机)\s*\d+)?$/i;

/** A phone number as typed (full-width digits made half-width): at least 3 digits; leading + and zeros kept. */
function parsePhone(text: string): CellParseResult {
  const phone = text.normalize('NFKC').trim().replace(/^tel:/i, '');
  const digits = phone.replace(/\D/g, '').length;
  return PHONE.test(phone) && digits >= 3 && digits <= 30
    ? ok(phone)
    : problem('notAPhone', { text: text.trim() });
}

const URL_WITH_SCHEME = /^[a-z][a-z\d+.-]*:\/\/[^\s/?#]+\S*$/i;
const BARE_URL = /^(?:[a-z\d](?:[a-z\d-]*[a-z\d])?\.)+[a-z]{2,}(?::\d+)?(?:[/?#]\S*)?$/i;

/** A web address as typed, with a scheme ("https://…") or a bare host name with a dot ("liucun.app/help"). */
function parseUrl(text: string): CellParseResult {
  const url = text.trim();
  return URL_WITH_SCHEME.test(url) || BARE_URL.test(url) ? ok(url) : problem('notAUrl', { text: url });
}
