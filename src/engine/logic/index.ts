// JSONLogic core: json-logic-js semantics for every standard operation, compiled once into closures.
import { compileRule } from './compile';
import type { CompileOptions } from './compile';

/** Compiles a JSONLogic rule into a reusable function of the data. */
export function compileLogic(rule: unknown, options?: CompileOptions): (data?: unknown) => unknown {
  return compileRule(rule, options).evaluate;
}

/** Evaluates a JSONLogic rule once; use compileLogic for a rule that runs many times. */
export function applyLogic(rule: unknown, data?: unknown): unknown {
  return compileRule(rule).evaluate(data);
}

export { compileRule, DEFAULT_LIMITS, isOperation } from './compile';
export type { CompiledLogic, CompileOptions, LogicLimits } from './compile';
export { LogicError } from './errors';
export type { LogicErrorCode } from './errors';
export { truthy } from './truthy';
