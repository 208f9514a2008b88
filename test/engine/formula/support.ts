// Helpers for formula function tests: call a registered function directly with a fixed clock and time zone.
import { findFunction, isLazy } from '../../../src/engine/formula/functions';
import { ErrorValue } from '../../../src/engine/formula/values';
import type { FormulaEnv } from '../../../src/engine/formula/values';

/** 2026-11-22T09:30:00Z — a Sunday; in Asia/Shanghai it is 17:30 the same day. */
export const FIXED_NOW = Date.UTC(2026, 10, 22, 9, 30, 0);

export function testEnv(overrides: Partial<FormulaEnv> = {}): FormulaEnv {
  return { now: () => FIXED_NOW, timeZone: 'UTC', ...overrides };
}

/** Calls function `name` with already-evaluated arguments, propagating error arguments like the evaluator does. */
export function callFunction(name: string, args: readonly unknown[], env: FormulaEnv = testEnv()): unknown {
  const spec = findFunction(name);
  if (!spec) throw new Error(`no function ${name}`);
  if (args.length < spec.minArgs || args.length > spec.maxArgs)
    throw new Error(`${name}: wrong argument count`);
  if (isLazy(spec))
    return spec.lazy(
      args.map((arg) => () => arg),
      undefined,
      env,
    );
  if (!spec.handlesErrors) {
    const error = args.find((arg) => arg instanceof ErrorValue);
    if (error) return error;
  }
  return spec.call(args, env);
}

/** A floating date (see values.ts): the given wall-clock fields as UTC. */
export function day(year: number, month: number, date: number, hours = 0, minutes = 0, seconds = 0): Date {
  return new Date(Date.UTC(year, month - 1, date, hours, minutes, seconds));
}
