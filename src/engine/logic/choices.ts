// If-chains whose results are constants ("bands": IF(x > 3, 100, IF(x >= 1, 60, 20))). They get one closure for the
// whole chain, read the record once when every test compares the same key, and let arithmetic on the chain fold into
// its constants at compile time (a band times a weight becomes a band of weighted constants).
import type { Evaluator } from '../formula/values';
import { readKey } from './data-access';
import { frozen } from './node';
import type { Choices, ComparisonOp, Node, Shape } from './node';
import { truthy } from './truthy';

type Loose = number;

/** A closure giving the JSONLogic truth of a node, skipping truthy() when the node is known to be boolean. */
export function testOf(node: Node): (data: unknown) => boolean {
  const fn = node.fn;
  if (node.shape === 'boolean') return fn as (data: unknown) => boolean;
  const key = node.key;
  if (key !== undefined) return (d) => truthy(readKey(d, key));
  return (d) => truthy(fn(d));
}

/** `value <op> constant` with JavaScript's operators, as the standard operations define them. */
const COMPARATORS: Readonly<Record<ComparisonOp, (value: unknown, constant: unknown) => boolean>> = {
  '>': (value, constant) => (value as Loose) > (constant as Loose),
  '>=': (value, constant) => (value as Loose) >= (constant as Loose),
  '<': (value, constant) => (value as Loose) < (constant as Loose),
  '<=': (value, constant) => (value as Loose) <= (constant as Loose),
  '==': (value, constant) => value == constant,
  '===': (value, constant) => value === constant,
  '!=': (value, constant) => value != constant,
  '!==': (value, constant) => value !== constant,
};

function shapeOf(values: readonly unknown[]): Shape {
  if (values.every((value) => typeof value === 'number')) return 'number';
  if (values.every((value) => typeof value === 'boolean')) return 'boolean';
  return 'unknown';
}

/** A node choosing values[i] for the first passing test (values has one more entry: the "else"). */
export function choicesNode(tests: readonly Node[], values: readonly unknown[]): Node {
  const choices: Choices = { tests, values };
  const shape = shapeOf(values);
  const count = tests.length;
  const key = tests[0]?.comparison?.key;
  if (key !== undefined && tests.every((test) => test.comparison?.key === key)) {
    const ops = tests.map((test) => test.comparison?.op ?? '===');
    const constants = tests.map((test) => test.comparison?.value);
    const [op1, op2] = ops;
    const [c1, c2] = constants;
    const [v1, v2, v3] = values;
    // One and two thresholds (two and three bands) are by far the most common: unrolled, one comparator call each.
    if (op1 && count === 1) {
      const f1 = COMPARATORS[op1];
      return { fn: (d) => (f1(readKey(d, key), c1) ? v1 : v2), shape, constant: false, choices };
    }
    if (op1 && op2 && count === 2) {
      const f1 = COMPARATORS[op1];
      const f2 = COMPARATORS[op2];
      const fn: Evaluator = (d) => {
        const value = readKey(d, key);
        return f1(value, c1) ? v1 : f2(value, c2) ? v2 : v3;
      };
      return { fn, shape, constant: false, choices };
    }
    const fn: Evaluator = (d) => {
      const value = readKey(d, key);
      for (let index = 0; index < count; index++)
        if (COMPARATORS[ops[index] as ComparisonOp](value, constants[index])) return values[index];
      return values[count];
    };
    return { fn, shape, constant: false, choices };
  }
  const fns = tests.map(testOf);
  const [t1, t2] = fns;
  const [v1, v2, v3] = values;
  let fn: Evaluator;
  if (t1 && count === 1) fn = (d) => (t1(d) ? v1 : v2);
  else if (t1 && t2 && count === 2) fn = (d) => (t1(d) ? v1 : t2(d) ? v2 : v3);
  else
    fn = (d) => {
      for (let index = 0; index < count; index++)
        if ((fns[index] as (data: unknown) => boolean)(d)) return values[index];
      return values[count];
    };
  return { fn, shape, constant: false, choices };
}

/**
 * Folds `operation` over a chain of constant choices when the chain is its only non-constant argument, e.g.
 * {"*": [{"if": [c, 100, 20]}, 0.3]} → {"if": [c, 30, 6]}. Undefined when the shape does not fit or a fold throws.
 */
export function foldIntoChoices(
  args: readonly Node[],
  operation: (values: readonly unknown[]) => unknown,
): Node | undefined {
  const variable = args.filter((arg) => !arg.constant);
  const target = variable[0];
  if (variable.length !== 1 || !target?.choices) return undefined;
  try {
    const values = target.choices.values.map((value) =>
      frozen(operation(args.map((arg) => (arg === target ? value : arg.value)))),
    );
    return choicesNode(target.choices.tests, values);
  } catch {
    return undefined;
  }
}

/**
 * The longest run of (test, constant result) pairs at the end of an if-chain whose else is a constant or a chain of
 * constant choices, as one choices node: if(a, 1, b, 2, 3) is one closure, not two. `start` is the first pair in it
 * (tests.length when there is none, and the node is then undefined).
 */
export function trailingChoices(
  tests: readonly Node[],
  results: readonly Node[],
  otherwise: Node,
): { readonly start: number; readonly node?: Node } {
  const tail = otherwise.constant ? { tests: [], values: [otherwise.value] } : otherwise.choices;
  let start = tests.length;
  if (!tail) return { start };
  while (start > 0 && (results[start - 1] as Node).constant) start--;
  if (start === tests.length) return { start };
  return {
    start,
    node: choicesNode(
      [...tests.slice(start), ...tail.tests],
      [...results.slice(start).map((result) => result.value), ...tail.values],
    ),
  };
}
