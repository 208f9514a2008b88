// Number-to-text formatting for TEXT() and FIXED(): a documented subset of Excel's format codes, parsed once per format
// string and cached. Digits are rounded half away from zero on the 15 significant digits Excel keeps.
//
// Supported: up to four `;` sections (positive;negative;zero;text); digit placeholders 0 # ?; `.`; `,` as thousands
// separator (between placeholders) or ÷1000 scaling (after the last one); %; E+ E- e+ e- scientific; `@` text;
// "General"; dates and times yyyy yy m mm mmm mmmm mmmmm d dd ddd dddd h hh m mm (minutes after h or before s) s ss
// .0–.000 (fractions of a second after s) AM/PM am/pm A/P a/p, and the Chinese-locale weekdays aaa (一) and aaaa
// (星期一); literals in "quotes", after a backslash, _x (a space), *x (ignored fill), non-ASCII text such as 年 月 日 元,
// and the punctuation $ - + / ( ) : ! ^ & ' ~ { } < > = and space; [Red]-style colour names are ignored. Anything
// else — conditions like [>100], elapsed times [h], fractions ?/?, unknown letters — is #VALUE!.
import {
  dateToSerial,
  formatDate,
  formatGeneral,
  parseDateText,
  parseNumberText,
  serialToDate,
} from '../coerce';
import { ErrorValue, VALUE } from '../values';

/** Excel's cell limit: longer text results are #VALUE!. */
export const MAX_TEXT_LENGTH = 32_767;

type DigitChar = '0' | '#' | '?';

/** y year, M month, d day, h hour, n minute, s second, f fraction of a second, a Chinese weekday; count = letters. */
type DateLetter = 'y' | 'M' | 'd' | 'h' | 'n' | 's' | 'f' | 'a';

type Token =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'digit'; readonly char: DigitChar }
  | { readonly kind: 'point' }
  | { readonly kind: 'comma' }
  | { readonly kind: 'percent' }
  | { readonly kind: 'exponent'; readonly letter: string; readonly alwaysSign: boolean }
  | { readonly kind: 'date'; readonly letter: DateLetter; readonly count: number }
  | { readonly kind: 'ampm'; readonly am: string; readonly pm: string }
  | { readonly kind: 'at' }
  | { readonly kind: 'general' };

interface NumberSection {
  readonly kind: 'number';
  readonly tokens: readonly Token[];
  /** Powers of ten the value is shifted by before rounding: +2 per %, −3 per scaling comma. */
  readonly shift: number;
  readonly grouping: boolean;
  readonly decimals: number;
}

interface DateSection {
  readonly kind: 'date';
  readonly tokens: readonly Token[];
  readonly twelveHour: boolean;
  /** Digits of a second shown (0–3), from `.0`–`.000` after the seconds. */
  readonly fraction: number;
}

interface TextSection {
  readonly kind: 'text';
  readonly tokens: readonly Token[];
}

type Section = NumberSection | DateSection | TextSection;

interface ParsedFormat {
  /** The positive, negative and zero sections, as many as were written; none for a text-only format like "@". */
  readonly numeric: readonly (NumberSection | DateSection)[];
  readonly text: TextSection | null;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const CHINESE_WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
const COLOURS = new Set(['black', 'blue', 'cyan', 'green', 'magenta', 'red', 'white', 'yellow']);
/** ASCII characters Excel shows as themselves without quotes. */
const PLAIN_LITERALS = "$-+/():!^&'~{}<>= ";
/** Excel serial of 10000-01-01: dates from there on cannot be shown. */
const MAX_DATE_SERIAL = 2_958_466;

/**
 * `value` (≥ 0, finite) × 10^−shift rounded half away from zero to `decimals` places (negative = tens, hundreds…),
 * on its 15 significant digits like Excel. Returns the integer digits without leading zeros ('' for zero) and exactly
 * max(decimals, 0) fraction digits, so huge values keep all their integer digits instead of E notation.
 */
export function roundDigits(value: number, decimals: number, shift = 0): { int: string; frac: string } {
  const fracLength = Math.max(decimals, 0);
  if (value === 0) return { int: '', frac: '0'.repeat(fracLength) };
  const [mantissa = '0', exponent = '0'] = value.toExponential(14).split('e');
  let digits = mantissa.replace('.', '');
  // digits[0, point) is the integer part; a negative point means leading fraction zeros.
  let point = Number(exponent) + 1 - shift;
  const keep = point + decimals;
  if (keep < 0) return { int: '', frac: '0'.repeat(fracLength) };
  if (keep < digits.length) {
    const roundUp = (digits[keep] ?? '0') >= '5';
    digits = digits.slice(0, keep);
    if (roundUp) {
      const incremented = increment(digits);
      if (incremented.length > digits.length) point++;
      digits = incremented;
    }
  }
  const int = point <= 0 ? '' : digits.slice(0, point).padEnd(point, '0').replace(/^0+/, '');
  const fracDigits = point < 0 ? '0'.repeat(-point) + digits : digits.slice(point);
  return { int, frac: fracDigits.padEnd(fracLength, '0').slice(0, fracLength) };
}

/** Adds one to a string of decimal digits ('' + 1 = '1', '99' + 1 = '100'). */
function increment(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === '9') i--;
  if (i < 0) return '1' + '0'.repeat(digits.length);
  return digits.slice(0, i) + String(Number(digits[i]) + 1) + '0'.repeat(digits.length - i - 1);
}

/** Inserts a comma every three digits from the right: "1234567" → "1,234,567". */
export function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, ',');
}

// ---------------------------------------------------------------------------------------------------------------
// Parsing

const cache = new Map<string, ParsedFormat | ErrorValue>();
/** Formats are short and few per workspace; the cache is simply emptied when it fills. */
const CACHE_LIMIT = 200;

function parseFormat(format: string): ParsedFormat | ErrorValue {
  const cached = cache.get(format);
  if (cached) return cached;
  const parsed = parseUncached(format);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(format, parsed);
  return parsed;
}

function parseUncached(format: string): ParsedFormat | ErrorValue {
  const raw = tokenize(format);
  if (raw instanceof ErrorValue) return raw;
  if (raw.length > 4) return VALUE;
  const sections: Section[] = [];
  for (const tokens of raw) {
    const section = classify(tokens);
    if (section instanceof ErrorValue) return section;
    sections.push(section);
  }
  const numeric: (NumberSection | DateSection)[] = [];
  let text: TextSection | null = null;
  for (const [index, section] of sections.entries()) {
    // A fourth section is always the text section, even without @ (then it shows its literals only).
    if (section.kind === 'text' || index === 3) text = { kind: 'text', tokens: section.tokens };
    else numeric.push(section);
  }
  return { numeric, text };
}

/** Splits the format into sections of raw tokens; commas, points and digits are interpreted later per section. */
function tokenize(format: string): Token[][] | ErrorValue {
  const sections: Token[][] = [[]];
  let tokens: Token[] = sections[0] ?? [];
  const literal = (text: string): void => {
    tokens.push({ kind: 'literal', text });
  };
  let i = 0;
  while (i < format.length) {
    const char = format[i] ?? '';
    const rest = format.slice(i);
    const lower = char.toLowerCase();
    if (char === ';') {
      tokens = [];
      sections.push(tokens);
      i++;
    } else if (char === '"') {
      const end = format.indexOf('"', i + 1);
      if (end < 0) return VALUE;
      literal(format.slice(i + 1, end));
      i = end + 1;
    } else if (char === '\\' || char === '_' || char === '*') {
      const next = format[i + 1];
      if (next === undefined) return VALUE;
      if (char === '\\') literal(next);
      else if (char === '_') literal(' ');
      i += 2;
    } else if (char === '[') {
      const end = format.indexOf(']', i);
      if (end < 0 || !COLOURS.has(format.slice(i + 1, end).toLowerCase())) return VALUE;
      i = end + 1;
    } else if (char === '0' || char === '#' || char === '?') {
      tokens.push({ kind: 'digit', char });
      i++;
    } else if (char === '.' || char === ',' || char === '%' || char === '@') {
      tokens.push(
        char === '.'
          ? { kind: 'point' }
          : char === ','
            ? { kind: 'comma' }
            : char === '%'
              ? { kind: 'percent' }
              : { kind: 'at' },
      );
      i++;
    } else if (lower === 'e' && (rest[1] === '+' || rest[1] === '-')) {
      tokens.push({ kind: 'exponent', letter: char, alwaysSign: rest[1] === '+' });
      i += 2;
    } else if (/^general/i.test(rest)) {
      tokens.push({ kind: 'general' });
      i += 'general'.length;
    } else if (/^am\/pm/i.test(rest)) {
      tokens.push({ kind: 'ampm', am: rest.slice(0, 2), pm: rest.slice(3, 5) });
      i += 5;
    } else if (/^a\/p/i.test(rest)) {
      tokens.push({ kind: 'ampm', am: rest.slice(0, 1), pm: rest.slice(2, 3) });
      i += 3;
    } else if ('ymdhsa'.includes(lower) && char !== '') {
      let count = 1;
      while (format[i + count]?.toLowerCase() === lower) count++;
      const letter: DateLetter = lower === 'm' ? 'M' : (lower as DateLetter);
      if (letter === 'a' && count < 3) return VALUE;
      tokens.push({ kind: 'date', letter, count });
      i += count;
    } else if (char === '/' && tokens[tokens.length - 1]?.kind === 'digit' && /[0-9#?]/.test(rest[1] ?? '')) {
      // Fractions such as "# ?/?" are not supported.
      return VALUE;
    } else if (PLAIN_LITERALS.includes(char) || char.charCodeAt(0) > 127) {
      literal(char);
      i++;
    } else {
      return VALUE;
    }
  }
  return sections;
}

function classify(tokens: readonly Token[]): Section | ErrorValue {
  const has = (kind: Token['kind']): boolean => tokens.some((token) => token.kind === kind);
  if (has('date') || has('ampm')) return dateSection(tokens);
  if (has('at')) {
    return tokens.every((token) => token.kind === 'literal' || token.kind === 'at')
      ? { kind: 'text', tokens }
      : VALUE;
  }
  return numberSection(tokens);
}

function dateSection(input: readonly Token[]): DateSection | ErrorValue {
  const tokens: Token[] = [];
  let fraction = 0;
  for (let i = 0; i < input.length; i++) {
    const token = input[i];
    if (token === undefined) continue;
    const previous = tokens[tokens.length - 1];
    if (token.kind === 'point' && previous?.kind === 'date' && previous.letter === 's') {
      let zeros = 0;
      while (input[i + 1 + zeros]?.kind === 'digit') zeros++;
      const placeholders = input.slice(i + 1, i + 1 + zeros);
      if (!placeholders.every((digit) => digit.kind === 'digit' && digit.char === '0')) return VALUE;
      if (zeros === 0) {
        tokens.push({ kind: 'literal', text: '.' });
        continue;
      }
      if (zeros > 3) return VALUE;
      fraction = zeros;
      tokens.push({ kind: 'literal', text: '.' }, { kind: 'date', letter: 'f', count: zeros });
      i += zeros;
    } else if (token.kind === 'point' || token.kind === 'comma') {
      tokens.push({ kind: 'literal', text: token.kind === 'point' ? '.' : ',' });
    } else if (token.kind === 'literal' || token.kind === 'date' || token.kind === 'ampm') {
      tokens.push(token);
    } else {
      return VALUE;
    }
  }
  resolveMinutes(tokens);
  return { kind: 'date', tokens, twelveHour: tokens.some((t) => t.kind === 'ampm'), fraction };
}

/** m and mm mean minutes right after an hour code or right before a seconds code (literals may sit in between). */
function resolveMinutes(tokens: Token[]): void {
  const timeTokens = tokens
    .map((token, index) => ({ token, index }))
    .filter(({ token }) => token.kind === 'date');
  timeTokens.forEach(({ token, index }, position) => {
    if (token.kind !== 'date' || token.letter !== 'M' || token.count > 2) return;
    const before = timeTokens[position - 1]?.token;
    const after = timeTokens[position + 1]?.token;
    const afterHour = before?.kind === 'date' && before.letter === 'h';
    const beforeSecond = after?.kind === 'date' && after.letter === 's';
    if (afterHour || beforeSecond) tokens[index] = { kind: 'date', letter: 'n', count: token.count };
  });
}

function numberSection(input: readonly Token[]): NumberSection | ErrorValue {
  const tokens: Token[] = [];
  let shift = 0;
  let grouping = false;
  let seenPoint = false;
  let seenExponent = false;
  let decimals = 0;
  const isDigit = (token: Token | undefined): boolean => token?.kind === 'digit';
  const firstDigit = input.findIndex((token) => token.kind === 'digit');
  const hasIntDigit = input.some(
    (token, index) => token.kind === 'digit' && !input.slice(0, index).some((t) => t.kind === 'point'),
  );
  if (input.some((token) => token.kind === 'general') && firstDigit >= 0) return VALUE;
  for (let i = 0; i < input.length; i++) {
    const token = input[i];
    if (token === undefined) continue;
    if (token.kind === 'comma') {
      let end = i;
      while (input[end + 1]?.kind === 'comma') end++;
      const before = input[i - 1];
      const after = input[end + 1];
      if (isDigit(before) && isDigit(after) && !seenPoint && !seenExponent) grouping = true;
      else if (isDigit(before)) shift -= 3 * (end - i + 1);
      else for (let c = i; c <= end; c++) tokens.push({ kind: 'literal', text: ',' });
      i = end;
    } else if (token.kind === 'point') {
      if (seenPoint || seenExponent) {
        tokens.push({ kind: 'literal', text: '.' });
        continue;
      }
      seenPoint = true;
      // ".00" still shows the integer digits: give them a placeholder that shows nothing for zero.
      if (!hasIntDigit) tokens.push({ kind: 'digit', char: '#' });
      tokens.push(token);
    } else if (token.kind === 'exponent') {
      if (seenExponent || firstDigit < 0 || firstDigit > i) return VALUE;
      seenExponent = true;
      tokens.push(token);
    } else {
      if (token.kind === 'percent') shift += 2;
      if (token.kind === 'digit' && seenPoint && !seenExponent) decimals++;
      tokens.push(token);
    }
  }
  return { kind: 'number', tokens, shift, grouping, decimals };
}

// ---------------------------------------------------------------------------------------------------------------
// Formatting

/**
 * TEXT(value, format): numbers and dates through the matching section, numeric or date text converted first, other
 * text through the text section (unchanged without one), booleans as TRUE/FALSE, blank as 0.
 */
export function formatText(value: unknown, format: string): string | ErrorValue {
  const parsed = parseFormat(format);
  if (parsed instanceof ErrorValue) return parsed;
  let subject = value;
  if (Array.isArray(subject)) {
    if (subject.length !== 1) return VALUE;
    subject = subject[0];
  }
  if (subject instanceof ErrorValue) return subject;
  if (subject === null || subject === undefined) subject = 0;
  if (typeof subject === 'boolean') return subject ? 'TRUE' : 'FALSE';
  if (typeof subject === 'string') {
    const number = parseNumberText(subject);
    const date = number === null ? parseDateText(subject) : null;
    if (number !== null) subject = number;
    else if (date) subject = date;
    else return parsed.text ? fill(parsed.text.tokens, subject) : subject;
  }
  if (subject instanceof Date) return formatDateValue(parsed, subject);
  if (typeof subject === 'number') return Number.isFinite(subject) ? formatNumber(parsed, subject) : VALUE;
  return VALUE;
}

/** The text section with every @ replaced by the text, refusing results past the cell limit. */
function fill(tokens: readonly Token[], text: string): string | ErrorValue {
  let out = '';
  for (const token of tokens) {
    out += token.kind === 'at' ? text : token.kind === 'literal' ? token.text : '';
    if (out.length > MAX_TEXT_LENGTH) return VALUE;
  }
  return out;
}

function formatNumber(parsed: ParsedFormat, value: number): string | ErrorValue {
  const { numeric, text } = parsed;
  let section = numeric[0];
  if (!section) return text ? fill(text.tokens, formatGeneral(value)) : formatGeneral(value);
  let sign = '';
  if (value < 0 && numeric[1]) section = numeric[1];
  else if (value < 0) sign = '-';
  if (value === 0 && numeric[2]) section = numeric[2];
  const magnitude = Math.abs(value);
  if (section.kind === 'date') {
    if (value < 0 || value >= MAX_DATE_SERIAL) return VALUE;
    return formatDateSection(section, serialToDate(magnitude));
  }
  return sign + formatNumberSection(section, magnitude);
}

/** Dates use the first section; under a number format they show as their serial number, like Excel. */
function formatDateValue(parsed: ParsedFormat, date: Date): string | ErrorValue {
  const { numeric, text } = parsed;
  const section = numeric[0];
  if (!section) return text ? fill(text.tokens, formatDate(date)) : formatDate(date);
  if (section.kind === 'date') return formatDateSection(section, date);
  if (section.tokens.some((token) => token.kind === 'general')) return formatDate(date);
  return formatNumber(parsed, dateToSerial(date));
}

function formatNumberSection(section: NumberSection, value: number): string {
  const { tokens } = section;
  const pointIndex = tokens.findIndex((token) => token.kind === 'point');
  const exponentIndex = tokens.findIndex((token) => token.kind === 'exponent');
  const mantissaEnd = exponentIndex >= 0 ? exponentIndex : tokens.length;
  const intEnd = pointIndex >= 0 ? pointIndex : mantissaEnd;
  const placeholders = (from: number, to: number): number[] => {
    const indexes: number[] = [];
    for (let i = from; i < to; i++) if (tokens[i]?.kind === 'digit') indexes.push(i);
    return indexes;
  };
  const intPlaces = placeholders(0, intEnd);
  const fracPlaces = pointIndex >= 0 ? placeholders(pointIndex + 1, mantissaEnd) : [];
  const out = tokens.map((token) =>
    token.kind === 'literal'
      ? token.text
      : token.kind === 'percent'
        ? '%'
        : token.kind === 'point'
          ? '.'
          : token.kind === 'general'
            ? formatGeneral(value)
            : '',
  );
  let digits: { int: string; frac: string };
  if (exponentIndex >= 0) {
    const exponentToken = tokens[exponentIndex];
    const scientific = toScientific(
      value,
      section,
      intPlaces.map((i) => tokens[i]),
    );
    digits = scientific.digits;
    const exponent = scientific.exponent;
    const expPlaces = placeholders(exponentIndex + 1, tokens.length);
    const sign =
      exponent < 0 ? '-' : exponentToken?.kind === 'exponent' && exponentToken.alwaysSign ? '+' : '';
    out[exponentIndex] = (exponentToken?.kind === 'exponent' ? exponentToken.letter : 'E') + sign;
    fillInteger(tokens, out, expPlaces, String(Math.abs(exponent)), false);
  } else {
    digits = roundDigits(value, section.decimals, -section.shift);
  }
  fillInteger(tokens, out, intPlaces, digits.int, section.grouping);
  fillFraction(tokens, out, fracPlaces, digits.frac);
  return out.join('');
}

/**
 * Mantissa digits and exponent for E formats. With k integer placeholders the mantissa has k integer digits, except
 * that k > 1 placeholders including # make the exponent a multiple of k (engineering style "##0.0E+0").
 */
function toScientific(
  value: number,
  section: NumberSection,
  intTokens: readonly (Token | undefined)[],
): { digits: { int: string; frac: string }; exponent: number } {
  const width = Math.max(intTokens.length, 1);
  const engineering = width > 1 && intTokens.some((token) => token?.kind === 'digit' && token.char === '#');
  const scaledShift = -section.shift;
  if (value === 0) return { digits: roundDigits(0, section.decimals), exponent: 0 };
  let magnitude = Number(value.toExponential(14).split('e')[1] ?? '0') - scaledShift;
  for (;;) {
    const exponent = engineering ? Math.floor(magnitude / width) * width : magnitude - (width - 1);
    const digits = roundDigits(value, section.decimals, exponent + scaledShift);
    // Rounding 9.99 up to 10.0 adds an integer digit: move to the next power of ten and round again.
    const limit = engineering ? magnitude - exponent + 1 : width;
    if (digits.int.length <= limit) return { digits, exponent };
    magnitude++;
  }
}

/**
 * Writes integer digits into placeholders right to left; the leftmost placeholder takes any extra digits. Missing digits
 * show as 0 for `0`, nothing for `#` and a space for `?`.
 */
function fillInteger(
  tokens: readonly Token[],
  out: string[],
  places: readonly number[],
  digits: string,
  grouping: boolean,
): void {
  let remaining = digits.length;
  let written = 0;
  const emit = (digit: string): string => {
    const comma = grouping && written > 0 && written % 3 === 0 ? ',' : '';
    written++;
    return digit + comma;
  };
  for (let p = places.length - 1; p >= 0; p--) {
    const index = places[p] ?? 0;
    const token = tokens[index];
    const placeholder = token?.kind === 'digit' ? token.char : '#';
    let piece = '';
    const take = p === 0 ? remaining : Math.min(remaining, 1);
    for (let k = 0; k < take; k++) piece = emit(digits[remaining - 1 - k] ?? '0') + piece;
    remaining -= take;
    if (take === 0) piece = placeholder === '0' ? emit('0') : placeholder === '?' ? ' ' : '';
    out[index] = piece;
  }
}

/** Writes fraction digits left to right; trailing zeros vanish under `#` and become spaces under `?`. */
function fillFraction(
  tokens: readonly Token[],
  out: string[],
  places: readonly number[],
  digits: string,
): void {
  let trimming = true;
  for (let p = places.length - 1; p >= 0; p--) {
    const index = places[p] ?? 0;
    const token = tokens[index];
    const digit = digits[p] ?? '0';
    const placeholder = token?.kind === 'digit' ? token.char : '0';
    if (trimming && digit === '0' && placeholder !== '0') {
      out[index] = placeholder === '?' ? ' ' : '';
      continue;
    }
    trimming = false;
    out[index] = digit;
  }
}

function formatDateSection(section: DateSection, date: Date): string {
  // Round to the shown precision (whole seconds unless fractions are shown) so 10:59:59.6 reads 11:00:00.
  const unit = 10 ** (3 - section.fraction);
  const rounded = new Date(Math.round(date.getTime() / unit) * unit);
  const hours = rounded.getUTCHours();
  return section.tokens
    .map((token) => {
      if (token.kind === 'literal') return token.text;
      if (token.kind === 'ampm') return hours < 12 ? token.am : token.pm;
      if (token.kind !== 'date') return '';
      return dateField(token.letter, token.count, rounded, section.twelveHour);
    })
    .join('');
}

function dateField(letter: DateLetter, count: number, date: Date, twelveHour: boolean): string {
  const pad = (value: number): string => (count >= 2 ? String(value).padStart(2, '0') : String(value));
  switch (letter) {
    case 'y': {
      const year = date.getUTCFullYear();
      return count <= 2 ? String(year % 100).padStart(2, '0') : String(year).padStart(4, '0');
    }
    case 'M': {
      const month = date.getUTCMonth();
      const name = MONTHS[month] ?? '';
      if (count === 3) return name.slice(0, 3);
      if (count === 4) return name;
      if (count >= 5) return name.slice(0, 1);
      return pad(month + 1);
    }
    case 'd': {
      const name = WEEKDAYS[date.getUTCDay()] ?? '';
      if (count === 3) return name.slice(0, 3);
      if (count >= 4) return name;
      return pad(date.getUTCDate());
    }
    case 'a': {
      const name = CHINESE_WEEKDAYS[date.getUTCDay()] ?? '';
      return count === 3 ? name : `星期${name}`;
    }
    case 'h': {
      const hours = date.getUTCHours();
      return pad(twelveHour ? ((hours + 11) % 12) + 1 : hours);
    }
    case 'n':
      return pad(date.getUTCMinutes());
    case 's':
      return pad(date.getUTCSeconds());
    case 'f':
      return String(date.getUTCMilliseconds()).padStart(3, '0').slice(0, count);
  }
}
