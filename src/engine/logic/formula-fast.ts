// Fast paths for the hottest formula functions (IF, comparisons, arithmetic). Each handles the plain-number / plain-
// boolean case inline and falls back to the function's own `call` for everything else (text, blanks, dates, errors,
// non-finite results), so results are identical to the general path; the property tests compare both.
import type { FunctionSpec } from '../formula/functions';
import { isLazy } from '../formula/functions';
import { ErrorValue } from '../formula/values';
import type { Evaluator, FormulaEnv } from '../formula/values';
import { readerOf, readKey } from './data-access';
import type { Branches, Node, NumericTest } from './node';
import { constantNode, dynamicNode } from './node';

type Slow = (a: unknown, b: unknown) => unknown;

/** The general two-argument call, with the evaluator's error propagation. */
function slowBinary(spec: FunctionSpec, env: FormulaEnv): Slow {
  if (isLazy(spec)) throw new Error('not an eager function');
  const call = spec.call;
  const buffer: unknown[] = [undefined, undefined];
  return (a, b) => {
    if (a instanceof ErrorValue) return a;
    if (b instanceof ErrorValue) return b;
    buffer[0] = a;
    buffer[1] = b;
    return call(buffer, env);
  };
}

const NUMERIC: Readonly<Record<string, (a: number, b: number) => number>> = {
  ADD: (a, b) => a + b,
  MINUS: (a, b) => a - b,
  MULTIPLY: (a, b) => a * b,
  DIVIDE: (a, b) => a / b,
};

const COMPARE: Readonly<Record<string, (a: number, b: number) => boolean>> = {
  EQ: (a, b) => a === b,
  NE: (a, b) => a !== b,
  GT: (a, b) => a > b,
  GTE: (a, b) => a >= b,
  LT: (a, b) => a < b,
  LTE: (a, b) => a <= b,
};

function arithmetic(spec: FunctionSpec, args: readonly Node[], env: FormulaEnv): Node | undefined {
  const op = NUMERIC[spec.name];
  const [left, right] = args;
  if (!op || !left || !right || args.length !== 2) return undefined;
  const slow = slowBinary(spec, env);
  const x = readerOf(left);
  if (right.constant && typeof right.value === 'number') {
    const c = right.value;
    // Division by a constant zero is #DIV/0! for every input: leave it to the general path.
    if (spec.name === 'DIVIDE' && c === 0) return undefined;
    return dynamicNode((d) => {
      const a = x(d);
      if (typeof a === 'number') {
        const result = op(a, c);
        if (Number.isFinite(result)) return result;
      }
      return slow(a, c);
    });
  }
  const y = readerOf(right);
  return dynamicNode((d) => {
    const a = x(d);
    const b = y(d);
    if (typeof a === 'number' && typeof b === 'number' && b !== 0) {
      const result = op(a, b);
      if (Number.isFinite(result)) return result;
    }
    return slow(a, b);
  });
}

function comparison(spec: FunctionSpec, args: readonly Node[], env: FormulaEnv): Node | undefined {
  const op = COMPARE[spec.name];
  const [left, right] = args;
  if (!op || !left || !right || args.length !== 2) return undefined;
  const slow = slowBinary(spec, env);
  const x = readerOf(left);
  if (right.constant && typeof right.value === 'number' && !Number.isNaN(right.value)) {
    const c = right.value;
    const node = dynamicNode((d) => {
      const a = x(d);
      // a === a excludes NaN, which the general comparison treats differently.
      return typeof a === 'number' && a === a ? op(a, c) : slow(a, c);
    });
    return left.key === undefined ? node : { ...node, numericTest: { key: left.key, test: op, limit: c } };
  }
  const y = readerOf(right);
  return dynamicNode((d) => {
    const a = x(d);
    const b = y(d);
    return typeof a === 'number' && typeof b === 'number' && a === a && b === b ? op(a, b) : slow(a, b);
  });
}

function conditional(spec: FunctionSpec, args: readonly Node[], env: FormulaEnv): Node | undefined {
  if (spec.name !== 'IF' || !isLazy(spec)) return undefined;
  const [condition, then, otherwise] = args;
  if (!condition || !then) return undefined;
  const lazy = spec.lazy;
  const fns = args.map((arg) => arg.fn);
  const test = readerOf(condition);
  const t = then.fn;
  const e = otherwise?.fn;
  const thenValue = then.constant ? then.value : undefined;
  const elseValue = otherwise?.constant ? otherwise.value : undefined;
  // Constant branches are returned without a call; anything but a plain boolean condition takes the general path.
  const node = dynamicNode((d) => {
    const c = test(d);
    if (c === true) return thenValue !== undefined ? thenValue : t(d);
    if (c === false) {
      if (!e) return false;
      return elseValue !== undefined ? elseValue : e(d);
    }
    return lazy(fns, d, env);
  });
  const branches = { condition, then, otherwise };
  return numericBand(condition, then, otherwise, node.fn, branches) ?? { ...node, branches };
}

/**
 * IF({x} > 3, 100, IF({x} >= 1, 60, 20)): when the record holds a (non-NaN) number, read it once and run the tests
 * inline; anything else (text, blank, an error) takes the general closure, so results are the same.
 */
function numericBand(
  condition: Node,
  then: Node,
  otherwise: Node | undefined,
  general: Evaluator,
  branches: Branches,
): Node | undefined {
  const first = condition.numericTest;
  if (!first || !then.constant) return undefined;
  const key = first.key;
  let tests: readonly NumericTest[];
  let values: readonly unknown[];
  if (!otherwise || otherwise.constant) {
    tests = [first];
    values = [then.value, otherwise ? otherwise.value : false];
  } else if (otherwise.band?.key === key) {
    tests = [first, ...otherwise.band.tests];
    values = [then.value, ...otherwise.band.values];
  } else return undefined;
  const count = tests.length;
  const [t1, t2] = tests;
  const [v1, v2, v3] = values;
  let fn: Evaluator;
  if (t1 && count === 1) {
    const { test: f1, limit: c1 } = t1;
    fn = (d) => {
      const value = readKey(d, key);
      return typeof value === 'number' && value === value ? (f1(value, c1) ? v1 : v2) : general(d);
    };
  } else if (t1 && t2 && count === 2) {
    const { test: f1, limit: c1 } = t1;
    const { test: f2, limit: c2 } = t2;
    fn = (d) => {
      const value = readKey(d, key);
      if (typeof value !== 'number' || value !== value) return general(d);
      return f1(value, c1) ? v1 : f2(value, c2) ? v2 : v3;
    };
  } else {
    fn = (d) => {
      const value = readKey(d, key);
      if (typeof value !== 'number' || value !== value) return general(d);
      for (let index = 0; index < count; index++) {
        const test = tests[index] as NumericTest;
        if (test.test(value, test.limit)) return values[index];
      }
      return values[count];
    };
  }
  return { fn, shape: 'unknown', constant: false, branches, band: { key, tests, values } };
}

/**
 * f(IF(c, a, b), k) = IF(c, f(a, k), f(b, k)) for an eager function that passes errors through: when the IF yields an
 * error instead (a bad condition), f would return that same error. So `IF(x > 3, 100, 20) * 0.3` becomes
 * `IF(x > 3, 30, 6)`. Undefined unless the only non-constant argument is an IF tree with constant leaves.
 */
export function foldIntoBranches(
  spec: FunctionSpec,
  ifSpec: FunctionSpec,
  args: readonly Node[],
  env: FormulaEnv,
): Node | undefined {
  if (isLazy(spec) || spec.handlesErrors || spec.volatile) return undefined;
  const variable = args.filter((arg) => !arg.constant);
  const target = variable[0];
  if (variable.length !== 1 || !target?.branches) return undefined;
  const call = spec.call;
  const apply = (leaf: unknown): unknown => {
    const values = args.map((arg) => (arg === target ? leaf : arg.value));
    const error = values.find((value) => value instanceof ErrorValue);
    return error ?? call(values, env);
  };
  const map = (node: Node): Node | undefined => {
    if (node.constant) return constantNode(apply(node.value));
    const branches = node.branches;
    if (!branches) return undefined;
    const then = map(branches.then);
    const otherwise = branches.otherwise ? map(branches.otherwise) : constantNode(apply(false));
    if (!then || !otherwise) return undefined;
    return conditional(ifSpec, [branches.condition, then, otherwise], env);
  };
  return map(target);
}

/** A faster node for `spec` applied to `args`, or undefined for the general path. */
export function specializeFormula(
  spec: FunctionSpec,
  args: readonly Node[],
  env: FormulaEnv,
): Node | undefined {
  return arithmetic(spec, args, env) ?? comparison(spec, args, env) ?? conditional(spec, args, env);
}
