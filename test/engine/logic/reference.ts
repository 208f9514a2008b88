// Side-by-side checks against json-logic-js 2.0.5, the reference implementation the JSONLogic core must match.
import jsonLogic from 'json-logic-js';
import { expect } from 'vitest';
import { applyLogic, compileLogic, LogicError } from '../../../src/engine';

export type Outcome =
  { readonly threw: true; readonly error: unknown } | { readonly threw: false; readonly value: unknown };

export function outcome(run: () => unknown): Outcome {
  try {
    return { threw: false, value: run() };
  } catch (error) {
    return { threw: true, error };
  }
}

/** What json-logic-js does with the rule and data (it is typed for plain rules; ours are any JSON). */
export function reference(rule: unknown, data?: unknown): Outcome {
  return outcome(() => jsonLogic.apply(rule as never, data));
}

/**
 * Ours must fail with a LogicError exactly when json-logic-js fails, and otherwise return an equal value, numbers
 * compared with Object.is (so −0 is not 0 and NaN is NaN) and arrays and objects compared deeply.
 */
export function expectAgreement(ours: Outcome, expected: Outcome): void {
  if (expected.threw) {
    expect(ours.threw, 'json-logic-js fails here, so ours must fail too').toBe(true);
    if (ours.threw) expect(ours.error).toBeInstanceOf(LogicError);
    return;
  }
  if (ours.threw) throw ours.error;
  expect(ours.value).toStrictEqual(expected.value);
}

/**
 * applyLogic, and a compiled rule evaluated twice (so nothing one evaluation leaves behind changes the next), agree
 * with json-logic-js on the rule and data.
 */
export function expectSameAsReference(rule: unknown, data?: unknown): void {
  const expected = reference(rule, data);
  expectAgreement(
    outcome(() => applyLogic(rule, data)),
    expected,
  );
  const compiled = outcome(() => compileLogic(rule));
  if (compiled.threw) {
    expectAgreement(compiled, expected);
    return;
  }
  const evaluate = compiled.value as (data: unknown) => unknown;
  expectAgreement(
    outcome(() => evaluate(data)),
    expected,
  );
  expectAgreement(
    outcome(() => evaluate(data)),
    expected,
  );
}

/** Freezes a rule or data deeply, so a test fails if either implementation writes to what it is given. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

/** A test label that shows what JSON.stringify hides: −0, NaN, ±Infinity and undefined. */
export function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  const special = new Map<string, string>();
  const text = JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item !== 'number' || (Number.isFinite(item) && !Object.is(item, -0))) return item;
    const marker = `@@${String(special.size)}@@`;
    special.set(marker, Object.is(item, -0) ? '-0' : String(item));
    return marker;
  });
  return text.replace(/"(@@\d+@@)"/g, (_match, marker: string) => special.get(marker) ?? marker);
}
