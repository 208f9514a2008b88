// Fast paths for the hottest formula functions (IF, comparisons, arithmetic). Each handles the plain-number / plain-
// boolean case inline and falls back to the function's own `call` for everything else (text, blanks, dates, errors,
// non-finite results), so results are identical to the general path; the property tests compare both.
import type { FunctionSpec } from '../formula/functions';
import { isLazy } from '../formula/functions';
import { ErrorValue } from '../formula/values';
import type { Evaluator, FormulaEnv } from '../formula/values';
import { readKey } from './data-access';
import type { Node } from './node';
import { constantNode, dynamicNode } from './node';

function reader(node: Node): Evaluator {
  const key = node.key;
  return key === undefined ? node.fn : (d) => readKey(d, key);
}

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
  const x = reader(left);
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
  const y = reader(right);
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
  const x = reader(left);
  if (right.constant && typeof right.value === 'number' && !Number.isNaN(right.value)) {
    const c = right.value;
    return dynamicNode((d) => {
      const a = x(d);
      // a === a excludes NaN, which the general comparison treats differently.
      return typeof a === 'number' && a === a ? op(a, c) : slow(a, c);
    });
  }
  const y = reader(right);
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
  const test = reader(condition);
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
  return { ...node, branches: { condition, then, otherwise } };
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
