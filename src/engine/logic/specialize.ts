// Specialized closures for the hot shapes of standard JSONLogic operations (comparisons against constants, two-operand
// arithmetic, record reads inlined into their parent). Each computes exactly what STANDARD_OPERATIONS computes; the
// side-by-side tests with json-logic-js hold both to that.
import type { Evaluator } from '../formula/values';
import { readerOf, readKey } from './data-access';
import { dynamicNode } from './node';
import type { ComparisonOp, Node, Shape } from './node';
import { jsString, parseFloatLike } from './standard';
import { truthy } from './truthy';

type Loose = number;

/** Comparison of a node against a constant, with the record read inlined when the node is one. */
function compareToConstant(op: string, left: Node, constant: unknown): Evaluator | undefined {
  const c = constant as Loose;
  const key = left.key;
  if (key !== undefined) {
    switch (op) {
      case '>':
        return (d) => (readKey(d, key) as Loose) > c;
      case '>=':
        return (d) => (readKey(d, key) as Loose) >= c;
      case '<':
        return (d) => (readKey(d, key) as Loose) < c;
      case '<=':
        return (d) => (readKey(d, key) as Loose) <= c;
      case '===':
        return (d) => readKey(d, key) === constant;
      case '!==':
        return (d) => readKey(d, key) !== constant;
      case '==':
        return (d) => readKey(d, key) == constant;
      case '!=':
        return (d) => readKey(d, key) != constant;
    }
    return undefined;
  }
  const f = left.fn;
  switch (op) {
    case '>':
      return (d) => (f(d) as Loose) > c;
    case '>=':
      return (d) => (f(d) as Loose) >= c;
    case '<':
      return (d) => (f(d) as Loose) < c;
    case '<=':
      return (d) => (f(d) as Loose) <= c;
    case '===':
      return (d) => f(d) === constant;
    case '!==':
      return (d) => f(d) !== constant;
    case '==':
      return (d) => f(d) == constant;
    case '!=':
      return (d) => f(d) != constant;
  }
  return undefined;
}

function compareNodes(op: string, left: Node, right: Node): Evaluator | undefined {
  const a = readerOf(left);
  const b = readerOf(right);
  switch (op) {
    case '>':
      return (d) => (a(d) as Loose) > (b(d) as Loose);
    case '>=':
      return (d) => (a(d) as Loose) >= (b(d) as Loose);
    case '<':
      return (d) => (a(d) as Loose) < (b(d) as Loose);
    case '<=':
      return (d) => (a(d) as Loose) <= (b(d) as Loose);
    case '===':
      return (d) => a(d) === b(d);
    case '!==':
      return (d) => a(d) !== b(d);
    case '==':
      return (d) => a(d) == b(d);
    case '!=':
      return (d) => a(d) != b(d);
  }
  return undefined;
}

const MIRRORED: Readonly<Record<string, string>> = { '>': '<', '>=': '<=', '<': '>', '<=': '>=' };

function comparison(op: string, args: readonly Node[]): Node | undefined {
  if (args.length !== 2) return undefined;
  const [left, right] = args as [Node, Node];
  let fn: Evaluator | undefined;
  if (right.constant && !left.constant) {
    fn = compareToConstant(op, left, right.value);
    if (fn && left.key !== undefined)
      return {
        ...dynamicNode(fn, 'boolean'),
        comparison: { key: left.key, op: op as ComparisonOp, value: right.value },
      };
  }
  // `c < x` is `x > c` — but only for numbers, where swapping sides cannot change how the operands coerce.
  else if (left.constant && typeof left.value === 'number' && !right.constant)
    fn = compareToConstant(MIRRORED[op] ?? op, right, left.value);
  else fn = compareNodes(op, left, right);
  return fn && dynamicNode(fn, 'boolean');
}

/** parseFloat-like conversion, skipped for nodes already known to be numbers (x + 0 maps −0 to 0 like parseFloat). */
function numeric(node: Node): (data: unknown) => number {
  const read = readerOf(node);
  if (node.shape === 'number') return read as (data: unknown) => number;
  return (d) => parseFloatLike(read(d));
}

function plus(args: readonly Node[]): Node | undefined {
  if (args.length === 2) {
    const [a, b] = args as [Node, Node];
    if (b.constant) {
      const x = numeric(a);
      const c = parseFloatLike(b.value);
      return dynamicNode((d) => 0 + (x(d) + 0) + c, 'number');
    }
    const x = numeric(a);
    const y = numeric(b);
    return dynamicNode((d) => 0 + (x(d) + 0) + (y(d) + 0), 'number');
  }
  const terms = args.map(numeric);
  // Unrolled for the common sizes (a weighted score is a sum of a handful of terms); same left-to-right order.
  const [a, b, c, e, f] = terms;
  if (a && b && c && terms.length === 3)
    return dynamicNode((d) => 0 + (a(d) + 0) + (b(d) + 0) + (c(d) + 0), 'number');
  if (a && b && c && e && terms.length === 4)
    return dynamicNode((d) => 0 + (a(d) + 0) + (b(d) + 0) + (c(d) + 0) + (e(d) + 0), 'number');
  if (a && b && c && e && f && terms.length === 5)
    return dynamicNode((d) => 0 + (a(d) + 0) + (b(d) + 0) + (c(d) + 0) + (e(d) + 0) + (f(d) + 0), 'number');
  const count = terms.length;
  return dynamicNode((d) => {
    let sum = 0;
    for (let index = 0; index < count; index++)
      sum = sum + (terms[index] as (data: unknown) => number)(d) + 0;
    return sum;
  }, 'number');
}

function times(args: readonly Node[]): Node | undefined {
  if (args.length !== 2) return undefined;
  const [a, b] = args as [Node, Node];
  const x = parseFloatOf(a);
  if (b.constant) {
    const c = parseFloatLike(b.value);
    return dynamicNode((d) => x(d) * c, 'number');
  }
  const y = parseFloatOf(b);
  return dynamicNode((d) => x(d) * y(d), 'number');
}

/**
 * Exactly parseFloat: −0 → 0 for number-shaped nodes only, since the text "-0" parses to −0 and a product keeps that
 * sign ({"*": ["-0", 5]} is −0). Sums need no such care: they start at 0, and 0 + −0 is 0.
 */
function parseFloatOf(node: Node): (data: unknown) => number {
  const read = readerOf(node);
  if (node.shape === 'number') return (d) => (read(d) as number) + 0;
  return (d) => parseFloatLike(read(d));
}

function minus(args: readonly Node[]): Node | undefined {
  const left = args[0];
  const right = args[1];
  if (!left) return undefined;
  const a = readerOf(left);
  // json-logic-js negates when the second operand is undefined (e.g. {"and": []}), not only when it is absent.
  if (args.length === 1 || (args.length === 2 && right?.constant && right.value === undefined))
    return dynamicNode((d) => -(a(d) as Loose), 'number');
  if (args.length !== 2 || !right) return undefined;
  if (right.constant) {
    const c = right.value as Loose;
    return dynamicNode((d) => (a(d) as Loose) - c, 'number');
  }
  const b = readerOf(right);
  // Record reads yield null for missing keys and typed nodes always have a value: only others may be undefined.
  const maybeUndefined = right.key === undefined && right.shape === 'unknown';
  if (left.constant) {
    const c = left.value as Loose;
    if (!maybeUndefined) return dynamicNode((d) => c - (b(d) as Loose), 'number');
    return dynamicNode((d) => {
      const y = b(d);
      return y === undefined ? -c : c - (y as Loose);
    }, 'number');
  }
  if (!maybeUndefined) return dynamicNode((d) => (a(d) as Loose) - (b(d) as Loose), 'number');
  return dynamicNode((d) => {
    const x = a(d) as Loose;
    const y = b(d);
    return y === undefined ? -x : x - (y as Loose);
  }, 'number');
}

function divide(op: '/' | '%', args: readonly Node[]): Node | undefined {
  if (args.length !== 2) return undefined;
  const a = readerOf(args[0] as Node);
  const b = readerOf(args[1] as Node);
  return op === '/'
    ? dynamicNode((d) => (a(d) as Loose) / (b(d) as Loose), 'number')
    : dynamicNode((d) => (a(d) as Loose) % (b(d) as Loose), 'number');
}

function not(op: '!' | '!!', args: readonly Node[]): Node | undefined {
  const arg = args[0];
  // With more operands the general closure evaluates the ignored ones too, as json-logic-js does.
  if (!arg || args.length !== 1) return undefined;
  const f = readerOf(arg);
  if (arg.shape === 'boolean') return dynamicNode(op === '!' ? (d) => !f(d) : f, 'boolean');
  return dynamicNode(op === '!' ? (d) => !truthy(f(d)) : (d) => truthy(f(d)), 'boolean');
}

function concat(args: readonly Node[]): Node | undefined {
  if (args.length !== 2) return undefined;
  const a = readerOf(args[0] as Node);
  const b = readerOf(args[1] as Node);
  // Array.prototype.join turns null and undefined into "" and everything else into String(value).
  const part = (value: unknown): string => (value === null || value === undefined ? '' : jsString(value));
  return dynamicNode((d) => part(a(d)) + part(b(d)));
}

/** A specialized node for `op`, or undefined to use the general closure. */
export function specializeStandard(op: string, args: readonly Node[]): Node | undefined {
  switch (op) {
    case '>':
    case '>=':
    case '<':
    case '<=':
    case '==':
    case '===':
    case '!=':
    case '!==':
      return comparison(op, args);
    case '+':
      return plus(args);
    case '*':
      return times(args);
    case '-':
      return minus(args);
    case '/':
    case '%':
      return divide(op, args);
    case '!':
    case '!!':
      return not(op, args);
    case 'cat':
      return concat(args);
    default:
      return undefined;
  }
}

/** What a general (unspecialized) standard operation is known to return. */
export function standardShape(op: string, args: readonly Node[]): Shape {
  switch (op) {
    case '>':
    case '>=':
    case '<':
    case '<=':
    case '==':
    case '===':
    case '!=':
    case '!==':
    case '!':
    case '!!':
    case 'in':
      return 'boolean';
    case '+':
    case '-':
    case '/':
    case '%':
    case 'min':
    case 'max':
      return 'number';
    case '*':
      return args.length === 1 ? (args[0]?.shape ?? 'unknown') : 'number';
    default:
      return 'unknown';
  }
}
