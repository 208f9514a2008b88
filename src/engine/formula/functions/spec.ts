// What a formula function declares: arity, parameter and return types (checked before evaluation) and how it evaluates.
// Adding a function = one entry in its category file (`<category>.functions.ts`) and a test; the registry does the rest.
import type { Evaluator, FormulaEnv, ValueType } from '../values';

export type FunctionCategory = 'logical' | 'math' | 'text' | 'date' | 'info' | 'aggregate' | 'operator';

interface SpecBase {
  /** Upper-case name; also the operator name in the compiled JSON, e.g. {"ROUND": [x, 2]}. */
  readonly name: string;
  readonly category: FunctionCategory;
  readonly minArgs: number;
  /** Infinity for variadic functions. */
  readonly maxArgs: number;
  /** Extra arity rule beyond min/max, e.g. IFS needs condition/value pairs; `describe` is shown in the error. */
  readonly argCount?: { readonly test: (count: number) => boolean; readonly describe: string };
  /**
   * Expected static type of each argument. For variadic functions the last entry applies to every further argument.
   * The checker reports a type mismatch only when an argument can never convert (a non-numeric text constant where a
   * number is expected, a TRUE/FALSE where a date is expected…); everything else converts at run time.
   */
  readonly params: readonly ValueType[];
  /** Result type, or a function of the argument types (IF returns the common type of its branches). */
  readonly returns: ValueType | ((args: readonly ValueType[]) => ValueType);
  /** TODAY(), NOW(): never folded into a constant at compile time. */
  readonly volatile?: boolean;
}

/** A function that evaluates all its arguments first. */
export interface EagerSpec extends SpecBase {
  /**
   * When false (the default) the first error argument is the result and `call` never sees errors. ISERROR, IFERROR-like
   * functions and COUNT set it to true.
   */
  readonly handlesErrors?: boolean;
  /**
   * Evaluates the function. `args` is a buffer reused between calls of the same call site: read it, never keep it or
   * return it (copy instead). Runtime problems are returned as ErrorValues, never thrown.
   */
  readonly call: (args: readonly unknown[], env: FormulaEnv) => unknown;
}

/** A function that decides which arguments to evaluate (IF, IFS, SWITCH, IFERROR). */
export interface LazySpec extends SpecBase {
  readonly lazy: (args: readonly Evaluator[], data: unknown, env: FormulaEnv) => unknown;
}

export type FunctionSpec = EagerSpec | LazySpec;

export function isLazy(spec: FunctionSpec): spec is LazySpec {
  return 'lazy' in spec;
}

/** The expected type of argument `index`. */
export function paramType(spec: FunctionSpec, index: number): ValueType {
  return spec.params[Math.min(index, spec.params.length - 1)] ?? 'any';
}

export function returnType(spec: FunctionSpec, args: readonly ValueType[]): ValueType {
  return typeof spec.returns === 'function' ? spec.returns(args) : spec.returns;
}
