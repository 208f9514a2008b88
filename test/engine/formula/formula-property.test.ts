// Property tests: random text never crashes the compiler, generated formulas survive text → JSON → text → JSON, and
// evaluating them over random records only ever yields values a cell can hold (never a thrown error, NaN or Infinity).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALL_FUNCTIONS,
  compileFormula,
  ErrorValue,
  fieldValueType,
  FormulaError,
  formulaToText,
} from '../../../src/engine';
import { compileRule } from '../../../src/engine/logic';
import type { FieldInfo } from '../../../src/engine';
import { FIXED_NOW } from './support';

const FIELDS: FieldInfo[] = [
  { id: 'n', name: 'Orders', kind: 'number' },
  { id: 't', name: 'Name', kind: 'text' },
  { id: 'd', name: 'Signup', kind: 'date' },
  { id: 'b', name: 'VIP', kind: 'checkbox' },
  { id: 'l', name: 'Tags', type: 'list' },
  { id: 'z', name: '健康 分', kind: 'number' },
];
const OPTIONS = { now: () => FIXED_NOW, timeZone: 'Asia/Shanghai' };

function compileOrError(source: string): ReturnType<typeof compileFormula> | FormulaError {
  try {
    return compileFormula(source, FIELDS, OPTIONS);
  } catch (error) {
    if (error instanceof FormulaError) return error;
    throw error;
  }
}

const CALLABLE = ALL_FUNCTIONS.filter((spec) => spec.category !== 'operator');

/** Formula text from a grammar of literals, fields, operators and every registered function. */
const formulaText: fc.Arbitrary<string> = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(
      fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((x) => String(x)),
      fc.integer({ min: 0, max: 100 }).map(String),
      // Small numbers, so values and constants often meet exactly (boundaries of comparisons and bands).
      fc.integer({ min: 0, max: 3 }).map(String),
      fc.string({ maxLength: 6 }).map((s) => `"${s.replace(/"/g, '""')}"`),
      fc.constantFrom('TRUE', 'FALSE', '"2024-02-29"', '"12.5"', '""'),
      fc.constantFrom(...FIELDS.map((field) => `{${field.name}}`)),
    ),
    fc
      .tuple(
        tie('expr'),
        fc.constantFrom('+', '-', '*', '/', '^', '&', '=', '<>', '<', '<=', '>', '>='),
        tie('expr'),
      )
      .map(([a, op, b]) => `${a} ${op} ${b}`),
    tie('expr').map((a) => `(${a})`),
    tie('expr').map((a) => `-${a}`),
    tie('expr').map((a) => `${a}%`),
    fc.constantFrom(...CALLABLE).chain((spec) => {
      const max = Math.min(spec.maxArgs, spec.minArgs + 3);
      return fc
        .array(tie('expr'), { minLength: spec.minArgs, maxLength: Math.max(spec.minArgs, max) })
        .filter((args) => !spec.argCount || spec.argCount.test(args.length))
        .map((args) => `${spec.name.toLowerCase()}(${args.join(', ')})`);
    }),
  ),
})).expr;

const cellValue = fc.oneof(
  fc.constant(null),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1000, max: 1000 }),
  fc.integer({ min: 0, max: 3 }),
  fc.string({ maxLength: 8 }),
  fc.boolean(),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 4 }), fc.constant(null)), { maxLength: 4 }),
);

const record = fc.record({
  n: cellValue,
  t: cellValue,
  d: fc.oneof(
    fc.constant(null),
    fc.integer({ min: -1e12, max: 4e12 }).map((ms) => ms - (ms % 86_400_000)),
  ),
  b: fc.oneof(fc.boolean(), fc.constant(null)),
  l: cellValue,
  z: cellValue,
});

function isCellValue(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (value instanceof ErrorValue) return true;
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  if (Array.isArray(value)) return value.every(isCellValue);
  return false;
}

describe('the formula compiler under random input', () => {
  it('only ever throws FormulaError for random text', () => {
    const alphabet = fc.constantFrom(...'(){}",+-*/^&=<>%. 0123456789abcIFSUM（），“”\\\n\t#;:[]!'.split(''));
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: alphabet, maxLength: 60 }), fc.string({ maxLength: 60 })),
        (text) => {
          const result = compileOrError(text);
          expect(result instanceof FormulaError || typeof result.evaluate === 'function').toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('keeps text → JSON → text → JSON stable for generated formulas', () => {
    let compiled = 0;
    fc.assert(
      fc.property(formulaText, (text) => {
        const first = compileOrError(text);
        if (first instanceof FormulaError) return;
        compiled++;
        const printed = formulaToText(first.json, FIELDS);
        const second = compileFormula(printed, FIELDS, OPTIONS);
        expect(second.json).toEqual(first.json);
        expect(formulaToText(second.json, FIELDS)).toBe(printed);
        expect(second.type).toBe(first.type);
      }),
      { numRuns: 1500 },
    );
    // Most generated formulas must compile, or the property above would test little.
    expect(compiled).toBeGreaterThan(500);
  });

  it('evaluates generated formulas over random records to values a cell can hold', () => {
    fc.assert(
      fc.property(formulaText, fc.array(record, { minLength: 1, maxLength: 5 }), (text, records) => {
        const formula = compileOrError(text);
        if (formula instanceof FormulaError) return;
        for (const values of records) {
          const value = formula.evaluate(values);
          if (!isCellValue(value))
            throw new Error(`${text} gave ${String(value)} for ${JSON.stringify(values)}`);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('gives the same results with and without the compiler fast paths', () => {
    const keyTypes = new Map(FIELDS.map((field) => [field.id, fieldValueType(field)]));
    const env = { now: OPTIONS.now, timeZone: OPTIONS.timeZone };
    let compared = 0;
    fc.assert(
      fc.property(formulaText, fc.array(record, { minLength: 1, maxLength: 5 }), (text, records) => {
        const formula = compileOrError(text);
        if (formula instanceof FormulaError) return;
        const plain = compileRule(formula.json, { env, keyTypes, specialize: false }).evaluate;
        for (const values of records) {
          compared++;
          expect(formula.evaluate(values)).toEqual(plain(values));
        }
      }),
      { numRuns: 1500 },
    );
    expect(compared).toBeGreaterThan(1000);
  });
});
