// The eager operations of standard JSONLogic, with json-logic-js 2.x semantics (JavaScript coercions included), as
// plain functions of their evaluated arguments. The compiler uses them for folding and for the general case; hot
// shapes get specialized closures in compile.ts that compute exactly the same values.
import { LogicError } from './errors';
import { truthy } from './truthy';

/** Operands are cast so TypeScript lets JavaScript's own coercions happen, exactly as in json-logic-js. */
type Loose = number;
export type StandardOperation = (args: readonly unknown[]) => unknown;

/** json-logic-js applies parseFloat to operands of + and *; for numbers that is the identity except −0 → 0. */
export function parseFloatLike(value: unknown): number {
  return typeof value === 'number' ? value + 0 : parseFloat(value as string);
}

/** JavaScript's String(value): operations here stringify whatever the data holds, exactly as json-logic-js does. */
export function jsString(value: unknown): string {
  return String(value);
}

/** String.prototype.substr without the deprecated call. */
function substr(text: string, start: unknown, length?: unknown): string {
  const size = text.length;
  let from = toInteger(start);
  from = from < 0 ? Math.max(size + from, 0) : Math.min(from, size);
  const count = length === undefined ? size : Math.min(Math.max(toInteger(length), 0), size);
  return text.slice(from, Math.min(from + count, size));
}

function toInteger(value: unknown): number {
  const number = Number(value);
  if (Number.isNaN(number)) return 0;
  return Math.trunc(number);
}

/** Largest list `merge` builds. */
const MAX_MERGED_ITEMS = 5_000_000;

export const STANDARD_OPERATIONS: ReadonlyMap<string, StandardOperation> = new Map<string, StandardOperation>(
  [
    ['==', ([a, b]) => a == b],
    ['===', ([a, b]) => a === b],
    ['!=', ([a, b]) => a != b],
    ['!==', ([a, b]) => a !== b],
    ['>', ([a, b]) => (a as Loose) > (b as Loose)],
    ['>=', ([a, b]) => (a as Loose) >= (b as Loose)],
    [
      '<',
      ([a, b, c]) =>
        c === undefined
          ? (a as Loose) < (b as Loose)
          : (a as Loose) < (b as Loose) && (b as Loose) < (c as Loose),
    ],
    [
      '<=',
      ([a, b, c]) =>
        c === undefined
          ? (a as Loose) <= (b as Loose)
          : (a as Loose) <= (b as Loose) && (b as Loose) <= (c as Loose),
    ],
    ['!!', ([a]) => truthy(a)],
    ['!', ([a]) => !truthy(a)],
    ['%', ([a, b]) => (a as Loose) % (b as Loose)],
    [
      'in',
      ([a, b]) => {
        if (!b) return false;
        if (typeof b === 'string') return b.includes(jsString(a));
        if (Array.isArray(b)) return b.indexOf(a) !== -1;
        return false;
      },
    ],
    ['cat', (args) => args.join('')],
    [
      'substr',
      ([source, start, end]) => {
        const text = jsString(source);
        if ((end as Loose) < 0) {
          const rest = substr(text, start);
          return substr(rest, 0, rest.length + (end as Loose));
        }
        return substr(text, start, end);
      },
    ],
    [
      '+',
      (args) => {
        let sum = 0;
        for (const arg of args) sum = sum + parseFloatLike(arg);
        return sum;
      },
    ],
    [
      '*',
      (args) => {
        if (args.length === 0) throw new LogicError('argumentCount', '"*" needs at least one argument');
        // json-logic-js reduces without an initial value: a single argument comes back unchanged.
        if (args.length === 1) return args[0];
        // The first operand is parsed once ("-0" stays −0); later ones multiply the re-parsed product (−0 → 0).
        let product = parseFloatLike(args[0]) * parseFloatLike(args[1]);
        for (let index = 2; index < args.length; index++)
          product = parseFloatLike(product) * parseFloatLike(args[index]);
        return product;
      },
    ],
    ['-', ([a, b]) => (b === undefined ? -(a as Loose) : (a as Loose) - (b as Loose))],
    ['/', ([a, b]) => (a as Loose) / (b as Loose)],
    // Math.min/max one operand at a time: the same result as spreading them (NaN wins, −0 < 0), but a rule with
    // a hundred thousand operands cannot overflow the call stack.
    [
      'min',
      (args) => {
        let min = Infinity;
        for (const arg of args) min = Math.min(min, arg as Loose);
        return min;
      },
    ],
    [
      'max',
      (args) => {
        let max = -Infinity;
        for (const arg of args) max = Math.max(max, arg as Loose);
        return max;
      },
    ],
    [
      'merge',
      (args) => {
        // json-logic-js's chain of concat() (arrays spread one level), in linear rather than quadratic time.
        const merged: unknown[] = [];
        for (const arg of args) {
          if (Array.isArray(arg)) for (const item of arg as unknown[]) merged.push(item);
          else merged.push(arg);
          // A reduce that merges its accumulator with itself doubles it every step: stop long before memory runs out.
          if (merged.length > MAX_MERGED_ITEMS)
            throw new LogicError('tooMuchWork', `merge would build more than ${MAX_MERGED_ITEMS} items`, {
              limit: MAX_MERGED_ITEMS,
            });
        }
        return merged;
      },
    ],
  ],
);
