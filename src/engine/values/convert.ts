// Changing a field's kind: each value goes through cellText(from) then parseCellText(to), the one well-tested path.
import type { Field } from '../model';
import { cellText } from './cell-text';
import type { CellParseContext, CellParseResult, CellProblem, CellValue, NewOption } from './parse-cell';
import { parseCellText, pendingOptionId } from './parse-cell';

export interface ConversionFailure {
  readonly recordId: string;
  /** The value before the conversion. */
  readonly value: unknown;
  readonly problem: CellProblem;
}

export interface ConversionPreview {
  /** Values that convert to something different (a text "12" becoming the number 12 counts). */
  readonly converted: number;
  /** Values that stay the same, blanks included. */
  readonly unchanged: number;
  /** The first MAX_PREVIEW_FAILURES values that do not convert; they would become blank. */
  readonly failed: readonly ConversionFailure[];
  readonly failedCount: number;
  /** Select options the conversion creates, each once (names compared ignoring case), in order of first use. */
  readonly newOptions: readonly NewOption[];
}

export const MAX_PREVIEW_FAILURES = 100;

function isBlankValue(value: unknown): boolean {
  return (
    value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
  );
}

/**
 * `value` of `fromField` as a value of `toField`. Blank stays blank. Unknown select names become new options unless
 * the context says `createOptions: false`. Two deliberate shortcuts of the text path:
 * - between number, currency and percent the number is kept as it is (0.5 is 50 %), as when a spreadsheet cell's
 *   format changes; through text, "0.5" typed into a percent field would mean 0.5 %;
 * - from a multi select to a single select only the first option is kept, rather than creating a "A, B" option.
 */
export function convertValue(
  fromField: Field,
  toField: Field,
  value: unknown,
  context: CellParseContext = {},
): CellParseResult {
  if (isBlankValue(value)) return { ok: true, value: null };
  if (typeof value === 'number' && NUMERIC_KINDS.has(fromField.kind) && NUMERIC_KINDS.has(toField.kind)) {
    return { ok: true, value };
  }
  const source =
    fromField.kind === 'multiSelect' && toField.kind === 'singleSelect' ? firstItem(value) : value;
  const text = cellText(fromField, source, context);
  return parseCellText(toField, text, { ...context, createOptions: context.createOptions ?? true });
}

const NUMERIC_KINDS: ReadonlySet<Field['kind']> = new Set(['number', 'currency', 'percent']);

/** A list of its first item only (a multi select value stays a list, so cellText still reads it). */
function firstItem(value: unknown): unknown {
  return Array.isArray(value) ? value.slice(0, 1) : value;
}

function sameValue(a: unknown, b: CellValue): boolean {
  if (isBlankValue(a) && b === null) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * What converting every value would do, without doing it. A new option named in several records gets one id (from
 * `context.newOptionId`, else a pending id), so the same context converts the values consistently afterwards.
 */
export function previewConversion(
  fromField: Field,
  toField: Field,
  values: Iterable<readonly [recordId: string, value: unknown]>,
  context: CellParseContext = {},
): ConversionPreview {
  const newOptions = new Map<string, NewOption>();
  const makeId = context.newOptionId ?? pendingOptionId;
  const newOptionId = (name: string): string => {
    const key = name.toLowerCase();
    const known = newOptions.get(key);
    if (known) return known.id;
    const option = { id: makeId(name), name };
    newOptions.set(key, option);
    return option.id;
  };
  const shared: CellParseContext = { ...context, newOptionId };
  let converted = 0;
  let unchanged = 0;
  let failedCount = 0;
  const failed: ConversionFailure[] = [];
  for (const [recordId, value] of values) {
    const result = convertValue(fromField, toField, value, shared);
    if (!result.ok) {
      failedCount++;
      if (failed.length < MAX_PREVIEW_FAILURES) failed.push({ recordId, value, problem: result.problem });
    } else if (sameValue(value, result.value)) {
      unchanged++;
    } else {
      converted++;
    }
  }
  return { converted, unchanged, failed, failedCount, newOptions: [...newOptions.values()] };
}
