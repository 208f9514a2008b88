// Compiles JSONLogic-compatible JSON (standard operations plus the formula functions) into nested closures once, so a
// rule runs many times without re-reading its JSON. Never eval/new Function: every closure is written here.
// Bounds: nesting depth and node count at compile time, a step budget for loops at run time; a stack overflow or a
// value JavaScript cannot convert (e.g. printing a hostile, deeply nested array) becomes a LogicError.
import { parseDateText } from '../formula/coerce';
import { FUNCTIONS, isLazy } from '../formula/functions';
import type { EagerSpec, FunctionSpec } from '../formula/functions';
import { ErrorValue, VALUE } from '../formula/values';
import type { Evaluator, FormulaEnv, KeyType } from '../formula/values';
import { wallClock } from '../formula/time-zone';
import { isBlockedSegment, missingKeys, missingSome, readKey, readPath } from './data-access';
import { LogicError } from './errors';
import { constantNode, dynamicNode, frozen } from './node';
import type { Node, Shape } from './node';
import { foldIntoChoices, testOf, trailingChoices } from './choices';
import { foldIntoBranches, specializeFormula } from './formula-fast';
import { specializeStandard, standardShape } from './specialize';
import { jsString, STANDARD_OPERATIONS } from './standard';
import { truthy } from './truthy';

export interface LogicLimits {
  /** Deepest nesting of operations and arrays accepted. */
  readonly depth: number;
  /** Most operations and literals in one rule. */
  readonly nodes: number;
  /** Most loop iterations (map, filter, reduce, all, some, none) in one evaluation. */
  readonly steps: number;
}

export const DEFAULT_LIMITS: LogicLimits = { depth: 200, nodes: 200_000, steps: 5_000_000 };

export interface CompileOptions {
  /** Clock and time zone for TODAY()/NOW(); without one, those functions raise a LogicError. */
  readonly env?: FormulaEnv;
  /**
   * How record keys are read: 'date' keys hold floating epoch ms (or ISO text) and are read as dates; 'instant' keys
   * hold moments (epoch ms) and are read as the wall-clock time in the env's time zone.
   */
  readonly keyTypes?: ReadonlyMap<string, KeyType>;
  /** Receives the values passed to the `log` operation (json-logic-js prints them to the console). */
  readonly log?: (value: unknown) => void;
  readonly limits?: Partial<LogicLimits>;
  /**
   * false builds only the general closures (no choices, fused reads or fast paths). Results are the same either way;
   * tests compare the two to keep every fast path honest.
   */
  readonly specialize?: boolean;
}

const NO_CLOCK: FormulaEnv = {
  now: () => {
    throw new LogicError('noClock', 'TODAY() and NOW() need a clock from the caller');
  },
  timeZone: 'UTC',
};

/** JSONLogic's test for "this object is an operation": a plain object with exactly one key. */
export function isOperation(rule: unknown): rule is Record<string, unknown> {
  return typeof rule === 'object' && rule !== null && !Array.isArray(rule) && Object.keys(rule).length === 1;
}

/** json-logic-js evaluates every argument, even those an operation ignores: one that fails makes the rule fail. */
function alsoEvaluating(node: Node, ignored: readonly Node[]): Node {
  const fns = ignored.filter((arg) => !arg.constant).map((arg) => arg.fn);
  if (fns.length === 0) return node;
  const fn = node.fn;
  return dynamicNode((d) => {
    const value = fn(d);
    for (const evaluate of fns) evaluate(d);
    return value;
  }, node.shape);
}

function asDate(value: unknown): unknown {
  if (typeof value === 'number') return new Date(value);
  if (typeof value === 'string') return parseDateText(value) ?? value;
  return value;
}

class Compiler {
  private nodeCount = 0;
  readonly budget = { steps: 0 };
  private readonly env: FormulaEnv;
  private readonly limits: LogicLimits;
  private readonly specialize: boolean;

  constructor(private readonly options: CompileOptions) {
    this.specialize = options.specialize !== false;
    this.env = options.env ?? NO_CLOCK;
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
  }

  compile(rule: unknown, depth: number): Node {
    if (depth > this.limits.depth)
      throw new LogicError('tooDeep', `Rule is nested more than ${this.limits.depth} levels deep`, {
        limit: this.limits.depth,
      });
    if (++this.nodeCount > this.limits.nodes)
      throw new LogicError('tooLarge', `Rule has more than ${this.limits.nodes} parts`, {
        limit: this.limits.nodes,
      });
    if (Array.isArray(rule)) return this.array(rule, depth);
    if (!isOperation(rule)) return constantNode(rule);
    const op = Object.keys(rule)[0] ?? '';
    const raw = rule[op];
    const values: readonly unknown[] = Array.isArray(raw) ? raw : [raw];
    return this.operation(op, values, depth);
  }

  private array(items: readonly unknown[], depth: number): Node {
    const nodes = items.map((item) => this.compile(item, depth + 1));
    if (nodes.every((node) => node.constant))
      return constantNode(Object.freeze(nodes.map((node) => node.value)));
    const fns = nodes.map((node) => node.fn);
    return dynamicNode((d) => fns.map((fn) => fn(d)));
  }

  private children(values: readonly unknown[], depth: number): Node[] {
    return values.map((value) => this.compile(value, depth + 1));
  }

  private operation(op: string, values: readonly unknown[], depth: number): Node {
    switch (op) {
      case 'if':
      case '?:':
        return this.ifChain(this.children(values, depth));
      case 'and':
      case 'or':
        return this.andOr(op, this.children(values, depth));
      case 'filter':
      case 'map':
      case 'reduce':
      case 'all':
      case 'some':
      case 'none':
        return this.loop(op, values, depth);
      case 'var': {
        const args = this.children(values, depth);
        return alsoEvaluating(this.variable(args), args.slice(2));
      }
      case 'missing': {
        const fns = this.children(values, depth).map((node) => node.fn);
        return dynamicNode((d) =>
          missingKeys(
            d,
            fns.map((fn) => fn(d)),
          ),
        );
      }
      case 'missing_some': {
        const args = this.children(values, depth);
        const [need, keys] = args.map((node) => node.fn);
        return alsoEvaluating(
          dynamicNode((d) => missingSome(d, need?.(d), keys?.(d))),
          args.slice(2),
        );
      }
      case 'log': {
        const [first, ...rest] = this.children(values, depth);
        const log = this.options.log;
        const fn = first?.fn ?? (() => undefined);
        const ignored = rest.map((node) => node.fn);
        return dynamicNode((d) => {
          const value = fn(d);
          for (const evaluate of ignored) evaluate(d);
          log?.(value);
          return value;
        });
      }
    }
    const standard = STANDARD_OPERATIONS.get(op);
    if (standard) return this.standard(op, standard, this.children(values, depth));
    const spec = FUNCTIONS.get(op);
    if (spec) return this.formulaFunction(spec, this.children(values, depth));
    throw new LogicError('unknownOperator', `Unrecognized operation ${op}`, { op });
  }

  private standard(
    op: string,
    operation: (args: readonly unknown[]) => unknown,
    args: readonly Node[],
  ): Node {
    if (args.every((arg) => arg.constant)) {
      try {
        // Frozen: every evaluation returns this one array (e.g. a merge of literals), so no caller may change it.
        return constantNode(frozen(operation(args.map((arg) => arg.value))));
      } catch {
        // Keep the failure for run time, where json-logic-js reports it too.
      }
    }
    const special = this.specialize
      ? (foldIntoChoices(args, operation) ?? specializeStandard(op, args))
      : undefined;
    if (special) return special;
    const fns = args.map((arg) => arg.fn);
    const count = fns.length;
    return dynamicNode(
      (d) => {
        const evaluated = new Array<unknown>(count);
        for (let index = 0; index < count; index++) evaluated[index] = (fns[index] as Evaluator)(d);
        return operation(evaluated);
      },
      standardShape(op, args),
    );
  }

  /**
   * json-logic-js `if`: (test, result) pairs, then an optional else (null without one). Built in one pass without
   * recursion, so a chain of thousands of branches neither overflows the stack nor takes quadratic time.
   */
  private ifChain(args: readonly Node[]): Node {
    const tests: Node[] = [];
    const results: Node[] = [];
    let otherwise: Node | undefined;
    let index = 0;
    for (; index + 1 < args.length; index += 2) {
      const test = args[index] as Node;
      const result = args[index + 1] as Node;
      // A test known at compile time either ends the chain here (its result is the else) or drops its pair.
      if (!test.constant) {
        tests.push(test);
        results.push(result);
      } else if (truthy(test.value)) {
        otherwise = result;
        break;
      }
    }
    if (!otherwise && index === args.length - 1) otherwise = args[index];
    let tail = otherwise ?? constantNode(null);
    const chain = this.specialize ? trailingChoices(tests, results, tail) : { start: tests.length };
    if (chain.node) tail = chain.node;
    const count = chain.start;
    if (count === 0) return tail;
    const shape: Shape = results.slice(0, count).every((result) => result.shape === tail.shape)
      ? tail.shape
      : 'unknown';
    const e = tail.fn;
    if (count === 1) {
      const test = testOf(tests[0] as Node);
      const t = (results[0] as Node).fn;
      return dynamicNode((d) => (test(d) ? t(d) : e(d)), shape);
    }
    const testFns = tests.slice(0, count).map(testOf);
    const resultFns = results.slice(0, count).map((result) => result.fn);
    return dynamicNode((d) => {
      for (let position = 0; position < count; position++)
        if ((testFns[position] as (data: unknown) => boolean)(d))
          return (resultFns[position] as Evaluator)(d);
      return e(d);
    }, shape);
  }

  private andOr(op: 'and' | 'or', args: readonly Node[]): Node {
    if (args.length === 0) return constantNode(undefined);
    if (args.length === 1) return args[0] as Node;
    const shape: Shape = args.every((arg) => arg.shape === 'boolean') ? 'boolean' : 'unknown';
    const isAnd = op === 'and';
    if (args.length === 2) {
      const [a, b] = args.map((arg) => arg.fn) as [Evaluator, Evaluator];
      if (shape === 'boolean') return dynamicNode(isAnd ? (d) => a(d) && b(d) : (d) => a(d) || b(d), shape);
      return dynamicNode(
        isAnd
          ? (d) => {
              const first = a(d);
              return truthy(first) ? b(d) : first;
            }
          : (d) => {
              const first = a(d);
              return truthy(first) ? first : b(d);
            },
      );
    }
    const fns = args.map((arg) => arg.fn);
    const count = fns.length;
    return dynamicNode((d) => {
      let current: unknown;
      for (let index = 0; index < count; index++) {
        current = (fns[index] as Evaluator)(d);
        if (truthy(current) !== isAnd) return current;
      }
      return current;
    }, shape);
  }

  private loop(
    op: 'filter' | 'map' | 'reduce' | 'all' | 'some' | 'none',
    values: readonly unknown[],
    depth: number,
  ): Node {
    const source = this.compile(values[0], depth + 1).fn;
    const body = this.compile(values[1], depth + 1).fn;
    const budget = this.budget;
    const maxSteps = this.limits.steps;
    const step = (): void => {
      if (++budget.steps > maxSteps)
        throw new LogicError('tooMuchWork', `Rule needs more than ${maxSteps} steps`, { limit: maxSteps });
    };
    switch (op) {
      case 'filter':
        return dynamicNode((d) => {
          const items = source(d);
          if (!Array.isArray(items)) return [];
          return (items as unknown[]).filter((item) => {
            step();
            return truthy(body(item));
          });
        });
      case 'map':
        return dynamicNode((d) => {
          const items = source(d);
          if (!Array.isArray(items)) return [];
          return items.map((item) => {
            step();
            return body(item);
          });
        });
      case 'reduce': {
        const initial =
          values.length > 2 && values[2] !== undefined ? this.compile(values[2], depth + 1).fn : null;
        return dynamicNode((d) => {
          const items = source(d);
          const start = initial ? initial(d) : null;
          if (!Array.isArray(items)) return start;
          let accumulator = start;
          for (const current of items as unknown[]) {
            step();
            accumulator = body({ current, accumulator });
          }
          return accumulator;
        });
      }
      case 'all':
      case 'some':
      case 'none': {
        // json-logic-js: a non-array or empty list is "not all", "not some" and "none"; stop at the first decider.
        const empty = op === 'none';
        const stopOn = op !== 'all';
        return dynamicNode((d) => {
          const items = source(d);
          if (!Array.isArray(items) || items.length === 0) return empty;
          for (const item of items as unknown[]) {
            step();
            if (truthy(body(item)) === stopOn) return op === 'some';
          }
          return op !== 'some';
        }, 'boolean');
      }
    }
  }

  private variable(args: readonly Node[]): Node {
    const [path, fallback] = args;
    // json-logic-js evaluates the default (after the path) even when the path is found, so a failing default fails
    // either way; a constant default costs nothing to "evaluate".
    const fallbackFn = fallback?.fn;
    const notFound = fallbackFn
      ? (d: unknown) => {
          const value = fallbackFn(d);
          return value === undefined ? null : value;
        }
      : () => null;
    const fallbackIsConstant = !fallback || fallback.constant;
    const fallbackIsNull = fallbackIsConstant && (fallback?.value === null || fallback?.value === undefined);
    if (!path || path.constant) {
      const value = path?.value;
      if (value === undefined || value === '' || value === null)
        return dynamicNode(
          fallbackIsConstant
            ? (d) => d
            : (d) => {
                notFound(d);
                return d;
              },
        );
      const text = jsString(value);
      const segments = text.split('.');
      if (segments.some(isBlockedSegment)) return dynamicNode(notFound);
      const type = this.options.keyTypes?.get(text);
      if (type === 'date') return dynamicNode((d) => asDate(readPath(d, value, notFound(d))));
      if (type === 'instant') {
        const timeZone = this.env.timeZone;
        return dynamicNode((d) => {
          const found = readPath(d, value, notFound(d));
          // Beyond ±8.64e15 ms a Date is invalid and Intl would throw: that is not a moment.
          if (typeof found === 'number')
            return Math.abs(found) <= 8.64e15 ? wallClock(found, timeZone) : VALUE;
          return asDate(found);
        });
      }
      if (segments.length === 1 && fallbackIsNull)
        return { fn: (d) => readKey(d, text), shape: 'unknown', constant: false, key: text };
      return dynamicNode((d) => readPath(d, value, notFound(d)));
    }
    const dynamicPath = path.fn;
    return dynamicNode((d) => {
      const computed = dynamicPath(d);
      const otherwise = notFound(d);
      // An empty path is the data itself, even when there is none (json-logic-js ignores the default then).
      if (computed === undefined || computed === '' || computed === null) return d;
      return readPath(d, computed, otherwise);
    });
  }

  private formulaFunction(spec: FunctionSpec, args: readonly Node[]): Node {
    const count = args.length;
    if (count < spec.minArgs || count > spec.maxArgs || (spec.argCount && !spec.argCount.test(count)))
      throw new LogicError('argumentCount', `${spec.name} does not take ${count} arguments`, {
        name: spec.name,
        count,
      });
    const env = this.env;
    const ifSpec = FUNCTIONS.get('IF');
    const fast =
      !this.specialize || (!spec.volatile && args.every((arg) => arg.constant))
        ? undefined
        : ((ifSpec && foldIntoBranches(spec, ifSpec, args, env)) ?? specializeFormula(spec, args, env));
    if (fast) return fast;
    const fns = args.map((arg) => arg.fn);
    if (isLazy(spec)) {
      const lazy = spec.lazy;
      return dynamicNode((d) => lazy(fns, d, env));
    }
    if (!spec.volatile && args.every((arg) => arg.constant))
      return constantNode(
        callEager(
          spec,
          args.map((arg) => arg.value),
          env,
        ),
      );
    const buffer = new Array<unknown>(count);
    const call = spec.call;
    const handlesErrors = spec.handlesErrors === true;
    return dynamicNode((d) => {
      for (let index = 0; index < count; index++) {
        const value = (fns[index] as Evaluator)(d);
        if (!handlesErrors && value instanceof ErrorValue) return value;
        buffer[index] = value;
      }
      return call(buffer, env);
    });
  }
}

function callEager(spec: EagerSpec, args: readonly unknown[], env: FormulaEnv): unknown {
  if (!spec.handlesErrors) {
    const error = args.find((arg) => arg instanceof ErrorValue);
    if (error) return error;
  }
  return spec.call(args, env);
}

export interface CompiledLogic {
  readonly evaluate: Evaluator;
  /** The rule does not read its data (it was folded to a constant). */
  readonly constant: boolean;
}

/**
 * What JavaScript throws on hostile input, as a LogicError: a stack overflow on deeply nested data, or a TypeError
 * from a value that cannot become text or a number (an object whose "toString" or "valueOf" key is data, not a
 * method; json-logic-js fails on those too).
 */
function asLogicError(error: unknown): unknown {
  if (error instanceof RangeError) {
    // V8 says "Maximum call stack size exceeded" for deep data and "Invalid string/array length" for huge results.
    return /call stack/i.test(error.message)
      ? new LogicError('tooDeep', 'Data is nested too deeply to evaluate', { limit: 0 })
      : new LogicError('tooLarge', 'The result would be too large', { limit: 0 });
  }
  if (error instanceof TypeError)
    return new LogicError('invalidArgument', 'A value cannot be converted to text or a number');
  return error;
}

/** Compiles `rule` once; the returned closure evaluates it against any data. Throws LogicError for bad rules. */
export function compileRule(rule: unknown, options: CompileOptions = {}): CompiledLogic {
  const compiler = new Compiler(options);
  let root: Node;
  try {
    root = compiler.compile(rule, 0);
  } catch (error) {
    throw asLogicError(error);
  }
  const fn = root.fn;
  const budget = compiler.budget;
  const evaluate: Evaluator = (data) => {
    budget.steps = 0;
    try {
      return fn(data);
    } catch (error) {
      throw asLogicError(error);
    }
  };
  return { evaluate, constant: root.constant };
}
