// Guessing a field kind for an imported column from its header and a sample of its cells. Every guess is tested with
// parseCellText, the parser the import itself uses, so a column is only given a kind all its sampled cells fit.
import { MS_PER_DAY } from '../formula/time-zone';
import { OPTION_COLORS, type Field, type FieldKind, type SelectOption } from '../model';
import { parseCellText, parseNumberCell, pendingOptionId } from '../values';

/** A field without an id yet: what the import dialog proposes for a new column (ids are given when importing). */
export type FieldDraft = Field extends infer F ? (F extends Field ? Omit<F, 'id'> : never) : never;

/** Kinds a column can be imported into as a new field: the ones parseCellText reads from text. */
export const IMPORTABLE_KINDS = [
  'text',
  'longText',
  'number',
  'currency',
  'percent',
  'checkbox',
  'date',
  'dateTime',
  'singleSelect',
  'multiSelect',
  'email',
  'phone',
  'url',
  'rating',
] as const satisfies readonly FieldKind[];
export type ImportableKind = (typeof IMPORTABLE_KINDS)[number];

export function isImportableKind(kind: FieldKind): kind is ImportableKind {
  return (IMPORTABLE_KINDS as readonly FieldKind[]).includes(kind);
}

/** At most this many distinct values make a column a single select (and at most half of its filled cells). */
export const MAX_INFERRED_OPTIONS = 12;
/** Option names longer than this read as free text, not as a choice. */
const MAX_OPTION_NAME = 30;
/** Text this long (or with a line break) is long text. */
const LONG_TEXT = 200;

const PHONE_HEADER = /phone|mobile|tel|fax|手机|電話|电话|手機|联系方式|聯繫方式/i;
/** A mainland mobile number, an international number, or digits grouped by dashes/spaces/brackets. */
const PHONE_LIKE = /^(?:1[3-9]\d{9}|\+\d[\d\s\-().]{6,}|\(?\d{2,4}\)?[\s-]\d{3,4}[\s-]?\d{3,4})$/;

const CURRENCY_SIGNS: readonly (readonly [RegExp, string])[] = [
  [/[¥￥]|元|RMB|CNY/, 'CNY'],
  [/€|EUR/, 'EUR'],
  [/£|GBP/, 'GBP'],
  [/₩|KRW/, 'KRW'],
  [/₹|INR/, 'INR'],
  [/HKD/, 'HKD'],
  [/TWD/, 'TWD'],
  [/JPY/, 'JPY'],
  [/SGD/, 'SGD'],
  [/AUD/, 'AUD'],
  [/CAD/, 'CAD'],
  [/CHF/, 'CHF'],
  [/\$|USD/, 'USD'],
];

/** The ISO code a money text names ("¥12" → CNY, "$5" → USD), or undefined for a plain number. */
function currencyOf(text: string): string | undefined {
  const normalized = text.normalize('NFKC');
  for (const [sign, code] of CURRENCY_SIGNS) if (sign.test(normalized)) return code;
  return undefined;
}

/** Decimals written after the point ("12.50" → 2), ignoring a trailing % or currency word. */
function decimalsOf(text: string): number {
  const match = /\.(\d+)/.exec(text);
  return match?.[1]?.length ?? 0;
}

function probe(kind: FieldKind): Field {
  switch (kind) {
    case 'currency':
      return { id: 'probe', name: 'probe', kind, currency: 'CNY' };
    case 'rating':
      return { id: 'probe', name: 'probe', kind, max: 5 };
    case 'singleSelect':
    case 'multiSelect':
      return { id: 'probe', name: 'probe', kind, options: [] };
    default:
      return { id: 'probe', name: 'probe', kind } as Field;
  }
}

function allParse(kind: FieldKind, samples: readonly string[]): boolean {
  const field = probe(kind);
  return samples.every((text) => parseCellText(field, text, { createOptions: true }).ok);
}

/** Options named by the samples in order of first appearance, coloured from the palette in turn. */
export function optionsFromSamples(samples: readonly string[], multiple: boolean): SelectOption[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const text of samples) {
    const pieces = multiple ? text.split(/[,，;；、\r\n]+/) : [text];
    for (const piece of pieces) {
      const name = piece.trim().slice(0, 200);
      if (name === '' || seen.has(name.toLowerCase())) continue;
      seen.add(name.toLowerCase());
      names.push(name);
    }
  }
  return names
    .slice(0, 1000)
    .map((name, index) => ({ id: pendingOptionId(name), name, color: optionColor(index) }));
}

/** The palette colour of the option at `index` (gray is left for "no value"-like options, so it comes last). */
export function optionColor(index: number): SelectOption['color'] {
  const palette = [...OPTION_COLORS.slice(1), OPTION_COLORS[0]];
  return palette[index % palette.length] ?? 'gray';
}

/** A usable field name from a header: trimmed, at most 200 characters, `fallback` when blank. */
export function fieldNameOf(header: string, fallback: string): string {
  const name = header.replace(/\s+/g, ' ').trim().slice(0, 200).trim();
  return name === '' ? fallback : name;
}

/**
 * A draft of `kind` named after `header`, with the options the kind needs taken from the samples (select options,
 * the currency they are written in, the decimals they show).
 */
export function fieldDraftOfKind(kind: ImportableKind, name: string, samples: readonly string[]): FieldDraft {
  const filled = samples.map((text) => text.trim()).filter((text) => text !== '');
  const precision = Math.min(10, Math.max(0, ...filled.map(decimalsOf)));
  switch (kind) {
    case 'number':
      return { name, kind, precision };
    case 'percent':
      return { name, kind, precision: Math.max(0, precision) };
    case 'currency': {
      const codes = filled.map(currencyOf).filter((code) => code !== undefined);
      return { name, kind, currency: codes[0] ?? 'CNY', precision: 2 };
    }
    case 'singleSelect':
      return { name, kind, options: optionsFromSamples(filled, false) };
    case 'multiSelect':
      return { name, kind, options: optionsFromSamples(filled, true) };
    case 'rating':
      return { name, kind, max: 5 };
    default:
      return { name, kind };
  }
}

function hasTimeOfDay(text: string): boolean {
  const parsed = parseCellText(probe('dateTime'), text, { timeZone: 'UTC' });
  if (!parsed.ok || typeof parsed.value !== 'number') return false;
  return /[+-]\d{2}:?\d{2}$|Z$/i.test(text.trim()) || parsed.value % MS_PER_DAY !== 0;
}

/** The kind the sampled (non-blank, trimmed) cells fit, most specific first. */
function inferKind(header: string, filled: readonly string[]): ImportableKind {
  if (filled.length === 0) return 'text';
  const numeric = filled.every((text) => parseNumberCell(text) !== null);
  // Digits only, but with leading zeros (zip codes, member numbers): a number would lose them.
  const zeroPadded = filled.some((text) => /^0\d/.test(text));
  const phoneLike = filled.every((text) => PHONE_LIKE.test(text.normalize('NFKC')));
  if (allParse('phone', filled) && (phoneLike || (PHONE_HEADER.test(header) && !zeroPadded))) return 'phone';
  // A column of 0/1 alone reads as numbers (counts); yes/no, 是/否, TRUE/FALSE, ✓ make a checkbox.
  if (!numeric && allParse('checkbox', filled)) return 'checkbox';
  if (numeric && !zeroPadded) {
    if (filled.every((text) => /[%％]\s*$/.test(text))) return 'percent';
    const codes = filled.map(currencyOf);
    if (codes.every((code) => code !== undefined && code === codes[0])) return 'currency';
    if (filled.every((text) => currencyOf(text) === undefined)) return 'number';
  }
  if (!numeric && allParse('date', filled)) {
    if (filled.some(hasTimeOfDay)) return allParse('dateTime', filled) ? 'dateTime' : 'text';
    return 'date';
  }
  if (allParse('email', filled)) return 'email';
  if (!numeric && allParse('url', filled)) return 'url';
  if (filled.some((text) => text.length > LONG_TEXT || /[\r\n]/.test(text))) return 'longText';
  const distinct = new Set(filled.map((text) => text.toLowerCase()));
  if (
    !numeric &&
    filled.length >= 4 &&
    distinct.size <= MAX_INFERRED_OPTIONS &&
    distinct.size * 2 <= filled.length &&
    filled.every((text) => text.length <= MAX_OPTION_NAME)
  )
    return 'singleSelect';
  return 'text';
}

/**
 * A new field for an imported column: the kind its sampled cells fit (see inferKind for the order of tests), named
 * after the header (`fallbackName` when the header is blank), with the options the kind needs.
 */
export function inferFieldKind(
  header: string,
  sampleTexts: readonly string[],
  fallbackName = header,
): FieldDraft {
  const filled = sampleTexts.map((text) => text.trim()).filter((text) => text !== '');
  const name = fieldNameOf(header, fallbackName === '' ? '?' : fallbackName);
  return fieldDraftOfKind(inferKind(header, filled), name, filled);
}
