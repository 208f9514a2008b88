// Reading stored values for queries: blanks, stored formula errors, numbers, days and the choice order of selects
// and tiers. Shared by filter, sort, group and search so the four agree on what "blank" and "same" mean.
import type { Field } from '../model';
import { MS_PER_DAY } from '../formula/time-zone';
import { instantForWall, wallMs } from '../values/support';
import { choicesOf } from './operators';

/** What a query needs to know about the world: the instant "today" is read from, and the zone days are read in. */
export interface QueryEnv {
  /** Epoch ms; "today" and "within the last N days" count from the day this instant falls on in `timeZone`. */
  readonly now: number;
  /** IANA zone for the day of date-times (a date-time is "on 2026-01-05" by the wall clock there). */
  readonly timeZone: string;
  /** Orders text (the UI's locale, e.g. new Intl.Collator('zh-CN')); numbers never go through it. */
  readonly collator: Intl.Collator;
}

/** null, undefined, '' and [] are blank; so is whitespace-only text. */
export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/** A formula error as stored: `{ "error": "#DIV/0!" }`. */
export function isStoredError(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { error?: unknown }).error === 'string'
  );
}

export function finiteNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The day number (days since 1970-01-01) of a stored date: epoch ms of 00:00 UTC of that day. */
export function dayOfDate(ms: number): number {
  return Math.floor(ms / MS_PER_DAY);
}

/** The day number an instant falls on by the wall clock of `timeZone`. */
export function dayOfInstant(ms: number, timeZone: string): number {
  return Math.floor(wallMs(ms, timeZone) / MS_PER_DAY);
}

/** The first instant of day number `day` in `timeZone` (a day may start at 01:00 when clocks jump at midnight). */
export function dayStartInstant(day: number, timeZone: string): number {
  return instantForWall(day * MS_PER_DAY, timeZone);
}

/** Position of each choice id (option id; tier rule id or 'fallback'), as filter values name choices. */
export function choicePositions(field: Field): ReadonlyMap<string, number> {
  return new Map(choicesOf(field).map((choice, index) => [choice.id, index]));
}

/**
 * Position of a stored select or tier value among the field's choices, or undefined for a blank or a value that is
 * no choice (a deleted option). A tier stores its label (the first rule with a label wins); a rule id is read too.
 */
export function choiceIndexer(field: Field): (value: unknown) => number | undefined {
  if (field.kind !== 'tier') {
    const positions = choicePositions(field);
    return (value) => (typeof value === 'string' ? positions.get(value) : undefined);
  }
  const positions = new Map<string, number>();
  field.rules.forEach((rule, index) => {
    if (!positions.has(rule.label)) positions.set(rule.label, index);
  });
  if (!positions.has(field.fallback.label)) positions.set(field.fallback.label, field.rules.length);
  field.rules.forEach((rule, index) => {
    if (!positions.has(rule.id)) positions.set(rule.id, index);
  });
  return (value) => (typeof value === 'string' ? positions.get(value) : undefined);
}

/** Text of a value for text tests: strings as they are, numbers and booleans printed, lists joined. */
export function plainText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (Array.isArray(value))
    return value
      .map(plainText)
      .filter((text) => text !== '')
      .join(', ');
  if (typeof value === 'object' && value !== null) {
    const named = value as { name?: unknown };
    // An attachment's name; a stored formula error has no text to match.
    if (typeof named.name === 'string') return named.name;
  }
  return '';
}
