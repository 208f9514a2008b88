// Excel criteria (10, ">=10", "<>0", "=abc", "a*c", "<>", "") compiled once into a predicate over list items, for
// COUNTIF, SUMIFS and the other conditional aggregates; plus the list helpers those aggregates share.
import { dateToSerial, flatten, parseDateText, parseNumberText, toText } from '../coerce';
import { ErrorValue } from '../values';
import { hasWildcards, wildcardMatch } from '../wildcard';

/** Whether one list item satisfies a criterion. */
export type Criterion = (item: unknown) => boolean;

type Operator = '=' | '<>' | '<' | '<=' | '>' | '>=';

/** Longest operators first so "<=" is not read as "<" followed by "=…". */
const OPERATOR = /^(<=|>=|<>|<|>|=)/;

/** Blank for criteria and list functions: null, undefined and the empty string (an emptied text field). */
export function isBlankItem(item: unknown): boolean {
  return item === null || item === undefined || item === '';
}

/** A list argument as a flat list of scalars; a scalar (blank included) counts as a one-element list. */
export function asList(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? flatten(value) : [value];
}

/** Numbers as Excel holds them: 15 significant digits, so 0.1 + 0.2 equals 0.3 in a criterion. */
function digits15(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(15)) : value;
}

function holds(op: Operator, order: number): boolean {
  switch (op) {
    case '=':
      return order === 0;
    case '<>':
      return order !== 0;
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
  }
}

function order(a: number | string, b: number | string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A number (or date serial) criterion. Equality also accepts numeric or date text in the list ("5" matches 5, as in
 * Excel); ordering comparisons look at numbers and dates only, so blanks and text never count as 0.
 */
function numberCriterion(op: Operator, operand: number): Criterion {
  const target = digits15(operand);
  const equality = op === '=' || op === '<>';
  return (item) => {
    let value: number | null = null;
    if (typeof item === 'number') value = item;
    else if (item instanceof Date) value = dateToSerial(item);
    else if (equality && typeof item === 'string') {
      value = parseNumberText(item);
      if (value === null) {
        const date = parseDateText(item);
        value = date ? dateToSerial(date) : null;
      }
    }
    if (value === null || Number.isNaN(value)) return op === '<>';
    return holds(op, order(digits15(value), target));
  };
}

function booleanCriterion(op: Operator, operand: boolean): Criterion {
  return (item) =>
    typeof item === 'boolean' ? holds(op, order(Number(item), Number(operand))) : op === '<>';
}

/**
 * A text criterion, case-insensitive. Equality honours wildcards (`*`, `?`, `~`) and also matches an error item whose
 * code is the text ("#N/A"); ordering compares text items only.
 */
function textCriterion(op: Operator, operand: string): Criterion {
  const lower = operand.toLowerCase();
  const upper = operand.toUpperCase();
  if (op === '=' || op === '<>') {
    const wild = hasWildcards(operand);
    const equals = (item: unknown): boolean => {
      if (item instanceof ErrorValue) return item.code === upper;
      if (typeof item !== 'string' || item === '') return false;
      return wild ? wildcardMatch(operand, item) : item.toLowerCase() === lower;
    };
    return op === '=' ? equals : (item) => !equals(item);
  }
  return (item) => typeof item === 'string' && item !== '' && holds(op, order(item.toLowerCase(), lower));
}

/** A criterion given as text: an optional operator, then a number, date, TRUE/FALSE or text operand. */
function parseCriterionText(text: string): Criterion {
  const match = OPERATOR.exec(text);
  const op: Operator = (match?.[1] as Operator | undefined) ?? '=';
  const operand = match ? text.slice(op.length) : text;
  // "" and "=" match blanks; "<>" matches everything that is not blank.
  if (operand === '' && (op === '=' || op === '<>')) {
    return op === '=' ? isBlankItem : (item) => !isBlankItem(item);
  }
  const number = parseNumberText(operand);
  if (number !== null) return numberCriterion(op, number);
  const date = parseDateText(operand);
  if (date) return numberCriterion(op, dateToSerial(date));
  const upper = operand.trim().toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return booleanCriterion(op, upper === 'TRUE');
  return textCriterion(op, operand);
}

/**
 * Compiles an Excel criterion once per call: a number or date means "equals", a boolean means "is that boolean", a
 * blank means "is blank", text is parsed for an operator. A list criterion uses its only item, or its text.
 */
export function compileCriterion(criterion: unknown): Criterion | ErrorValue {
  let value = criterion;
  if (Array.isArray(value)) {
    const items = flatten(value);
    value = items.length <= 1 ? items[0] : toText(items);
  }
  if (value instanceof ErrorValue) return value;
  if (value === null || value === undefined) return isBlankItem;
  if (typeof value === 'number') return numberCriterion('=', value);
  if (value instanceof Date) return numberCriterion('=', dateToSerial(value));
  if (typeof value === 'boolean') return booleanCriterion('=', value);
  if (typeof value === 'string') return parseCriterionText(value);
  return () => false;
}
