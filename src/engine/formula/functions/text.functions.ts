// Text functions of the formula language (Excel semantics). Lengths and positions count UTF-16 code units like Excel;
// every text result is capped at Excel's 32,767-character cell limit (#VALUE! beyond it).
import {
  dateToSerial,
  flatten,
  parseDateText,
  parseNumberText,
  toBoolean,
  toNumber,
  toText,
} from '../coerce';
import { ErrorValue, NA, VALUE } from '../values';
import { wildcardSearch } from '../wildcard';
import type { FunctionSpec } from './spec';
import { formatText, groupThousands, MAX_TEXT_LENGTH, roundDigits } from './text-format';

/** The text, or #VALUE! when it is longer than a cell may hold. */
function fit(text: string): string | ErrorValue {
  return text.length > MAX_TEXT_LENGTH ? VALUE : text;
}

/** A count or position argument, truncated toward zero like Excel; #VALUE! for non-numbers. */
function integer(value: unknown): number | ErrorValue {
  const number = toNumber(value);
  if (number instanceof ErrorValue) return number;
  return Number.isFinite(number) ? Math.trunc(number) : VALUE;
}

/** Argument `index` as an integer, or `fallback` when it was omitted (an explicit blank is 0, as in Excel). */
function optionalInteger(args: readonly unknown[], index: number, fallback: number): number | ErrorValue {
  return args.length > index ? integer(args[index]) : fallback;
}

/** LEFT and RIGHT: the first or last `count` characters (default 1; negative is #VALUE!). */
function side(fromEnd: boolean) {
  return (args: readonly unknown[]): unknown => {
    const text = toText(args[0]);
    const count = optionalInteger(args, 1, 1);
    if (text instanceof ErrorValue) return text;
    if (count instanceof ErrorValue) return count;
    if (count < 0) return VALUE;
    return fit(fromEnd ? text.slice(Math.max(text.length - count, 0)) : text.slice(0, count));
  };
}

/** One-argument text → text functions. */
function mapText(transform: (text: string) => string) {
  return (args: readonly unknown[]): unknown => {
    const text = toText(args[0]);
    return text instanceof ErrorValue ? text : fit(transform(text));
  };
}

/** Capitalises the first letter of each word and any letter after a non-letter, lower-cases the rest (Excel PROPER). */
function proper(text: string): string {
  let out = '';
  let afterLetter = false;
  for (const char of text) {
    out += afterLetter ? char.toLowerCase() : char.toUpperCase();
    afterLetter = /\p{L}/u.test(char);
  }
  return out;
}

/** FIND and SEARCH: 1-based position of `needle` in `haystack` from `start` (default 1), #VALUE! when absent. */
function locate(search: (needle: string, haystack: string, from: number) => number) {
  return (args: readonly unknown[]): unknown => {
    const needle = toText(args[0]);
    const haystack = toText(args[1]);
    const start = optionalInteger(args, 2, 1);
    if (needle instanceof ErrorValue) return needle;
    if (haystack instanceof ErrorValue) return haystack;
    if (start instanceof ErrorValue) return start;
    // An empty needle is found at `start`, so start may be one past the end ("" is found in "" at 1).
    if (start < 1 || start > haystack.length + (needle === '' ? 1 : 0)) return VALUE;
    if (needle === '') return start;
    const index = search(needle, haystack, start - 1);
    return index < 0 ? VALUE : index + 1;
  };
}

function substitute(args: readonly unknown[]): unknown {
  const text = toText(args[0]);
  const old = toText(args[1]);
  const replacement = toText(args[2]);
  const instance = optionalInteger(args, 3, 0);
  if (text instanceof ErrorValue) return text;
  if (old instanceof ErrorValue) return old;
  if (replacement instanceof ErrorValue) return replacement;
  if (instance instanceof ErrorValue) return instance;
  if (args.length > 3 && instance < 1) return VALUE;
  if (old === '') return fit(text);
  if (instance > 0) {
    let at = -old.length;
    for (let seen = 0; seen < instance; seen++) {
      at = text.indexOf(old, at + old.length);
      if (at < 0) return fit(text);
    }
    return fit(text.slice(0, at) + replacement + text.slice(at + old.length));
  }
  const parts = text.split(old);
  // Check the size before joining, so a long replacement cannot build a huge string first.
  const length = text.length + (parts.length - 1) * (replacement.length - old.length);
  return length > MAX_TEXT_LENGTH ? VALUE : parts.join(replacement);
}

function replace(args: readonly unknown[]): unknown {
  const text = toText(args[0]);
  const start = integer(args[1]);
  const count = integer(args[2]);
  const replacement = toText(args[3]);
  if (text instanceof ErrorValue) return text;
  if (start instanceof ErrorValue) return start;
  if (count instanceof ErrorValue) return count;
  if (replacement instanceof ErrorValue) return replacement;
  if (start < 1 || count < 0) return VALUE;
  const head = text.slice(0, start - 1);
  const tail = text.slice(Math.min(start - 1 + count, text.length));
  if (head.length + replacement.length + tail.length > MAX_TEXT_LENGTH) return VALUE;
  return head + replacement + tail;
}

/** Appends the text of every item of `values` (lists flattened, blanks as "") to `parts`; the first error wins. */
function collectTexts(values: readonly unknown[], parts: string[]): ErrorValue | null {
  for (const value of flatten(values)) {
    const text = toText(value);
    if (text instanceof ErrorValue) return text;
    parts.push(text);
  }
  return null;
}

/** Joins parts with the delimiters in turn, #VALUE! as soon as the result would pass the cell limit. */
function join(parts: readonly string[], delimiters: readonly string[]): string | ErrorValue {
  let out = '';
  for (const [index, part] of parts.entries()) {
    if (index > 0) out += delimiters[(index - 1) % delimiters.length] ?? '';
    out += part;
    if (out.length > MAX_TEXT_LENGTH) return VALUE;
  }
  return out;
}

function concat(args: readonly unknown[]): unknown {
  const parts: string[] = [];
  return collectTexts(args, parts) ?? join(parts, ['']);
}

function concatenate(args: readonly unknown[]): unknown {
  const parts: string[] = [];
  for (const arg of args) {
    // CONCATENATE joins scalar arguments; a list argument reads like it is shown elsewhere ("a, b").
    const text = toText(arg);
    if (text instanceof ErrorValue) return text;
    parts.push(text);
  }
  return join(parts, ['']);
}

function textJoin(args: readonly unknown[]): unknown {
  const delimiters: string[] = [];
  const delimiterError = collectTexts([args[0]], delimiters);
  if (delimiterError) return delimiterError;
  const ignoreEmpty = toBoolean(args[1]);
  if (ignoreEmpty instanceof ErrorValue) return ignoreEmpty;
  const parts: string[] = [];
  const error = collectTexts(args.slice(2), parts);
  if (error) return error;
  return join(
    ignoreEmpty ? parts.filter((part) => part !== '') : parts,
    delimiters.length > 0 ? delimiters : [''],
  );
}

function rept(args: readonly unknown[]): unknown {
  const text = toText(args[0]);
  const times = integer(args[1]);
  if (text instanceof ErrorValue) return text;
  if (times instanceof ErrorValue) return times;
  if (times < 0) return VALUE;
  // Refuse before repeating, so REPT("x", 1e9) never allocates.
  if (text.length * times > MAX_TEXT_LENGTH) return VALUE;
  return text.repeat(times);
}

const TIME_TEXT = /^(\d{1,4}):(\d{1,2})(?::(\d{1,2}(?:\.\d+)?))?\s*(am|pm)?$/i;

/** "16:48", "16:48:00", "4:48 PM" as a fraction of a day, like Excel's VALUE; null when it is not a time. */
function parseTimeText(text: string): number | null {
  const match = TIME_TEXT.exec(text.trim());
  if (!match) return null;
  let hours = Number(match[1]);
  const minutes = Number(match[2]);
  const seconds = Number(match[3] ?? 0);
  const meridiem = match[4]?.toLowerCase();
  if (minutes > 59 || seconds >= 60) return null;
  if (meridiem) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  return (hours * 3600 + minutes * 60 + seconds) / 86_400;
}

function value(args: readonly unknown[]): unknown {
  const [subject] = args;
  if (typeof subject === 'boolean') return VALUE;
  if (typeof subject !== 'string') return toNumber(subject);
  if (subject.trim() === '') return VALUE;
  const number = parseNumberText(subject);
  if (number !== null) return number;
  const date = parseDateText(subject);
  if (date) return dateToSerial(date);
  return parseTimeText(subject) ?? VALUE;
}

/** The single separator character of NUMBERVALUE's optional arguments (only the first character counts, like Excel). */
function separator(args: readonly unknown[], index: number, fallback: string): string | ErrorValue {
  if (args.length <= index) return fallback;
  const text = toText(args[index]);
  if (text instanceof ErrorValue) return text;
  return text === '' ? VALUE : text.slice(0, 1);
}

function numberValue(args: readonly unknown[]): unknown {
  const text = toText(args[0]);
  const decimal = separator(args, 1, '.');
  // A comma decimal separator without a group separator means the European style, "." for groups.
  const group = separator(args, 2, decimal === ',' ? '.' : ',');
  if (text instanceof ErrorValue) return text;
  if (decimal instanceof ErrorValue) return decimal;
  if (group instanceof ErrorValue) return group;
  if (decimal === group) return VALUE;
  // Excel ignores all spaces; each trailing % divides by 100.
  let body = text.replace(/\s+/g, '');
  if (body === '') return 0;
  let percents = 0;
  while (body.endsWith('%')) {
    body = body.slice(0, -1);
    percents++;
  }
  const [integerPart = '', fraction, ...extra] = body.split(decimal);
  if (extra.length > 0 || fraction?.includes(group)) return VALUE;
  const plain = integerPart.split(group).join('') + (fraction === undefined ? '' : `.${fraction}`);
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(plain)) return VALUE;
  const result = Number(plain) / 100 ** percents;
  return Number.isFinite(result) ? result : VALUE;
}

/** CHAR and UNICHAR: the character of a Unicode code point; lone surrogates give `surrogateError`. */
function fromCodePoint(surrogateError: ErrorValue) {
  return (args: readonly unknown[]): unknown => {
    const code = integer(args[0]);
    if (code instanceof ErrorValue) return code;
    if (code < 1 || code > 0x10ffff) return VALUE;
    if (code >= 0xd800 && code <= 0xdfff) return surrogateError;
    return String.fromCodePoint(code);
  };
}

/** CODE and UNICODE: the code point of the first character (a surrogate pair counts as one character). */
function firstCodePoint(args: readonly unknown[]): unknown {
  const text = toText(args[0]);
  if (text instanceof ErrorValue) return text;
  return text.codePointAt(0) ?? VALUE;
}

function fixed(args: readonly unknown[]): unknown {
  const number = toNumber(args[0]);
  const decimals = optionalInteger(args, 1, 2);
  const noCommas = args.length > 2 ? toBoolean(args[2]) : false;
  if (number instanceof ErrorValue) return number;
  if (decimals instanceof ErrorValue) return decimals;
  if (noCommas instanceof ErrorValue) return noCommas;
  if (!Number.isFinite(number)) return VALUE;
  if (decimals > 127) return VALUE;
  const { int, frac } = roundDigits(Math.abs(number), decimals);
  const digits = int === '' ? '0' : int;
  // Rounded like ROUND, so -0.001 shows as "0.00", not "-0.00".
  const sign = number < 0 && /[1-9]/.test(int + frac) ? '-' : '';
  return sign + (noCommas ? digits : groupThousands(digits)) + (frac === '' ? '' : `.${frac}`);
}

export const TEXT_FUNCTIONS: readonly FunctionSpec[] = [
  {
    name: 'LEN',
    category: 'text',
    minArgs: 1,
    maxArgs: 1,
    params: ['text'],
    returns: 'number',
    call: (args) => {
      const text = toText(args[0]);
      return text instanceof ErrorValue ? text : text.length;
    },
  },
  {
    name: 'LEFT',
    category: 'text',
    minArgs: 1,
    maxArgs: 2,
    params: ['text', 'number'],
    returns: 'text',
    call: side(false),
  },
  {
    name: 'RIGHT',
    category: 'text',
    minArgs: 1,
    maxArgs: 2,
    params: ['text', 'number'],
    returns: 'text',
    call: side(true),
  },
  {
    name: 'MID',
    category: 'text',
    minArgs: 3,
    maxArgs: 3,
    params: ['text', 'number', 'number'],
    returns: 'text',
    call: (args) => {
      const text = toText(args[0]);
      const start = integer(args[1]);
      const count = integer(args[2]);
      if (text instanceof ErrorValue) return text;
      if (start instanceof ErrorValue) return start;
      if (count instanceof ErrorValue) return count;
      if (start < 1 || count < 0) return VALUE;
      return fit(text.slice(start - 1, start - 1 + count));
    },
  },
  {
    name: 'UPPER',
    category: 'text',
    minArgs: 1,
    maxArgs: 1,
    params: ['text'],
    returns: 'text',
    call: mapText((text) => text.toUpperCase()),
  },
  {
    name: 'LOWER',
    category: 'text',
    minArgs: 1,
    maxArgs: 1,
    params: ['text'],
    returns: 'text',
    call: mapText((text) => text.toLowerCase()),
  },
  {
    name: 'PROPER',
    category: 'text',
    minArgs: 1,
    maxArgs: 1,
    params: ['text'],
    returns: 'text',
    call: mapText(proper),
  },
  {
    name: 'TRIM',
    category: 'text',
    minArgs: 1,
    maxArgs: 1,
    params: ['text'],
    returns: 'text',
    // Only the ASCII space, like Excel: non-breaking spaces and tabs stay.
    call: mapText((text) => text.replace(/ {2,}/g, ' ').replace(/^ | $/g, '')),
  },
  {
    name: 'CLEAN',
    category: 'text',
    minArgs: 1,
    maxArgs: 1,
    params: ['text'],
    returns: 'text',
    // eslint-disable-next-line no-control-regex -- removing control characters is the point of CLEAN.
    call: mapText((text) => text.replace(/[\u0000-\u001f]/g, '')),
  },
  {
    name: 'SUBSTITUTE',
    category: 'text',
    minArgs: 3,
    maxArgs: 4,
    params: ['text', 'text', 'text', 'number'],
    returns: 'text',
    call: substitute,
  },
  {
    name: 'REPLACE',
    category: 'text',
    minArgs: 4,
    maxArgs: 4,
    params: ['text', 'number', 'number', 'text'],
    returns: 'text',
    call: replace,
  },
  {
    name: 'FIND',
    category: 'text',
    minArgs: 2,
    maxArgs: 3,
    params: ['text', 'text', 'number'],
    returns: 'number',
    call: locate((needle, haystack, from) => haystack.indexOf(needle, from)),
  },
  {
    name: 'SEARCH',
    category: 'text',
    minArgs: 2,
    maxArgs: 3,
    params: ['text', 'text', 'number'],
    returns: 'number',
    // Case-insensitive, with the * ? ~ wildcards.
    call: locate(wildcardSearch),
  },
  {
    name: 'CONCATENATE',
    category: 'text',
    minArgs: 1,
    maxArgs: Infinity,
    params: ['text'],
    returns: 'text',
    call: concatenate,
  },
  {
    name: 'CONCAT',
    category: 'text',
    minArgs: 1,
    maxArgs: Infinity,
    params: ['any'],
    returns: 'text',
    call: concat,
  },
  {
    name: 'TEXTJOIN',
    category: 'text',
    minArgs: 3,
    maxArgs: Infinity,
    params: ['text', 'boolean', 'any'],
    returns: 'text',
    call: textJoin,
  },
  {
    name: 'TEXT',
    category: 'text',
    minArgs: 2,
    maxArgs: 2,
    params: ['any', 'text'],
    returns: 'text',
    call: (args) => {
      const format = toText(args[1]);
      if (format instanceof ErrorValue) return format;
      const result = formatText(args[0], format);
      return result instanceof ErrorValue ? result : fit(result);
    },
  },
  {
    name: 'VALUE',
    category: 'text',
    minArgs: 1,
    maxArgs: 1,
    params: ['text'],
    returns: 'number',
    call: value,
  },
  {
    name: 'NUMBERVALUE',
    category: 'text',
    minArgs: 1,
    maxArgs: 3,
    params: ['text', 'text', 'text'],
    returns: 'number',
    call: numberValue,
  },
  {
    name: 'REPT',
    category: 'text',
    minArgs: 2,
    maxArgs: 2,
    params: ['text', 'number'],
    returns: 'text',
    call: rept,
  },
  {
    name: 'EXACT',
    category: 'text',
    minArgs: 2,
    maxArgs: 2,
    params: ['text', 'text'],
    returns: 'boolean',
    call: (args) => {
      const left = toText(args[0]);
      const right = toText(args[1]);
      if (left instanceof ErrorValue) return left;
      if (right instanceof ErrorValue) return right;
      return left === right;
    },
  },
  {
    name: 'CHAR',
    category: 'text',
    minArgs: 1,
    maxArgs: 1,
    params: ['number'],
    returns: 'text',
    call: fromCodePoint(VALUE),
  },
  {
    name: 'UNICHAR',
    category: 'text',
    minArgs: 1,
    maxArgs: 1,
    params: ['number'],
    returns: 'text',
    call: fromCodePoint(NA),
  },
  {
    name: 'CODE',
    category: 'text',
    minArgs: 1,
    maxArgs: 1,
    params: ['text'],
    returns: 'number',
    call: firstCodePoint,
  },
  {
    name: 'UNICODE',
    category: 'text',
    minArgs: 1,
    maxArgs: 1,
    params: ['text'],
    returns: 'number',
    call: firstCodePoint,
  },
  {
    name: 'T',
    category: 'text',
    minArgs: 1,
    maxArgs: 1,
    params: ['any'],
    returns: 'text',
    call: (args) => (typeof args[0] === 'string' ? fit(args[0]) : ''),
  },
  {
    name: 'FIXED',
    category: 'text',
    minArgs: 1,
    maxArgs: 3,
    params: ['number', 'number', 'boolean'],
    returns: 'text',
    call: fixed,
  },
];
