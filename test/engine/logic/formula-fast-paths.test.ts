// The formula fast paths (numbers handled inline, IF with constant leaves, functions folded into IF branches) give
// exactly what the general closures give, for every kind of value a cell can hold.
import { describe, expect, it } from 'vitest';
import { compileFormula, DIV0, NA } from '../../../src/engine';
import { compileRule } from '../../../src/engine/logic';

const VALUES: readonly unknown[] = [
  0,
  1,
  2,
  -0,
  2.5,
  -3,
  1e308,
  Number.NaN,
  '2',
  '',
  'abc',
  'TRUE',
  null,
  undefined,
  true,
  false,
  [],
  [2],
  [1, 'x'],
  DIV0,
  NA,
  new Date(Date.UTC(2026, 10, 22)),
];

const FORMULAS = [
  '{a} + {b}',
  '{a} - {b}',
  '{a} * {b}',
  '{a} / {b}',
  '{a} + 2',
  '{a} - 2',
  '{a} * 0.3',
  '{a} / 4',
  '{a} / 0',
  '{a} = {b}',
  '{a} <> {b}',
  '{a} > {b}',
  '{a} >= {b}',
  '{a} < {b}',
  '{a} <= {b}',
  '{a} = 2',
  '{a} <> 2',
  '{a} > 2',
  '{a} >= 2',
  '{a} < 2',
  '{a} <= 2',
  'IF({a}, "yes", "no")',
  'IF({a}, "yes")',
  'IF({a} > {b}, {a}, {b})',
  'IF({a} >= 2, 100, IF({a} >= 1, 60, 20)) * 0.3',
  'IF({a} >= 2, 100, IF({b} >= 1, 60, 20)) + IF({b} > 0, 1, 2)',
  'ROUND(IF({a} > 1, 2.345, 1.005), 2)',
  'IF({a} > 1, 5) * 2',
  'LEN(IF({a} = {b}, "same", "different"))',
  'IF({a} > 1, 1 / 0, 2) + 1',
  'IF({a} > 2, "high", IF({a} >= 1, "mid", "low"))',
  'IF({a} > 2, 1, IF({a} > 1, 2, IF({a} > 0, 3, IF({a} = 0, 4, 5))))',
  'IF({a} <= 1, "low") & "!"',
  'IF({a} > 1, 30, IF({b} > 1, 20, 10))',
  'AND({a} > 1, {b} < 2)',
  'OR({a}, {b})',
  'AND({a}, {b})',
];

describe.each(FORMULAS)('%s', (source) => {
  const fast = compileFormula(source).evaluate;
  const plain = compileRule(compileFormula(source).json, { specialize: false }).evaluate;

  it('matches the general path for every pair of values', () => {
    for (const a of VALUES)
      for (const b of VALUES) {
        const record = { a, b };
        expect({ a, b, value: fast(record) }).toStrictEqual({ a, b, value: plain(record) });
      }
  });
});
