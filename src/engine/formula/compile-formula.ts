// The formula language's entry points: formula text → checked JSONLogic-compatible JSON → compiled closures.
import { compileRule } from '../logic/compile';
import type { FieldInfo } from './fields';
import { keyTypeOf } from './fields';
import { parseFormula } from './parser';
import { Translator } from './translate';
import type { FormulaEnv, KeyType, ValueType } from './values';

export interface FormulaOptions {
  /** The clock TODAY() and NOW() read (epoch ms). Without one, evaluating them raises a LogicError. */
  readonly now?: () => number;
  /** IANA time zone for TODAY()/NOW(); defaults to 'UTC'. */
  readonly timeZone?: string;
}

export interface CompiledFormula {
  readonly source: string;
  /** The JSONLogic-compatible JSON the text compiled to; field references are {"var": fieldId}. */
  readonly json: unknown;
  /** The record keys the formula reads: field ids (or names, when compiled without a field list), in first-use order. */
  readonly dependencies: readonly string[];
  /** The inferred type of the result. */
  readonly type: ValueType;
  /** Evaluates against a record's values (by field id, or by name without a field list). Never throws for bad data. */
  readonly evaluate: (record: Readonly<Record<string, unknown>>) => unknown;
}

/**
 * Parses, checks and compiles formula text. With `fields`, `{Name}` references resolve to field ids and unknown names
 * are errors; without, `{Name}` reads the record key `Name`. Throws FormulaError with the offending range.
 */
export function compileFormula(
  source: string,
  fields?: readonly FieldInfo[],
  options: FormulaOptions = {},
): CompiledFormula {
  const translator = new Translator(fields);
  const { json, type } = translator.translate(parseFormula(source));
  const keyTypes = new Map<string, KeyType>();
  for (const field of fields ?? []) keyTypes.set(field.id, keyTypeOf(field));
  const env: FormulaEnv | undefined = options.now && {
    now: options.now,
    timeZone: options.timeZone ?? 'UTC',
  };
  const { evaluate } = compileRule(json, env ? { env, keyTypes } : { keyTypes });
  return {
    source,
    json,
    dependencies: [...translator.dependencies],
    type,
    evaluate,
  };
}

/** Compiles and evaluates in one call, with `{Name}` reading `record.Name`. */
export function evaluateFormula(
  source: string,
  record: Readonly<Record<string, unknown>> = {},
  options?: FormulaOptions,
): unknown {
  return compileFormula(source, undefined, options).evaluate(record);
}
