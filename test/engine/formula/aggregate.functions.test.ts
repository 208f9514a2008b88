// Aggregate functions over lists: Excel's COUNT family and conditional aggregates (with Excel's documented examples and
// its criteria syntax) and the Airtable-style list functions.
import { describe, expect, it } from 'vitest';
import { findFunction, returnType } from '../../../src/engine/formula/functions';
import { DIV0, NA, VALUE } from '../../../src/engine/formula/values';
import { callFunction, day } from './support';

type Case = readonly [args: readonly unknown[], expected: unknown];

function expectCases(name: string, cases: readonly Case[]): void {
  it.each(cases)(`${name}(%j) is %j`, (args, expected) => {
    expect(callFunction(name, args)).toEqual(expected);
  });
}

// Excel's COUNTIF example sheet: fruit in A2:A5, quantities in B2:B5.
const FRUIT = ['apples', 'oranges', 'peaches', 'apples'];
const QUANTITY = [32, 54, 75, 86];
// Excel's SUMIF / AVERAGEIF example sheet: property values and their commissions.
const PROPERTY = [100_000, 200_000, 300_000, 400_000];
const COMMISSION = [7_000, 14_000, 21_000, 28_000];

describe('COUNT', () => {
  expectCases('COUNT', [
    [[[1, 'x', true, null, 2.5]], 2],
    [[[day(2024, 1, 1), '2024-01-01']], 1],
    [[1, '2', true, 'x', null], 3],
    [['2024-01-05'], 1],
    [[[[1, [2]], 3]], 3],
    [[[]], 0],
  ]);
  it('does not count errors, whether given directly or inside a list', () => {
    expect(callFunction('COUNT', [NA, [1, VALUE], 2])).toBe(2);
  });
});

describe('COUNTA', () => {
  expectCases('COUNTA', [
    [[[1, 'x', false, null, '', 0]], 4],
    [[null], 0],
    [['a', 'b', [1, 2]], 4],
  ]);
  it('counts errors as values', () => {
    expect(callFunction('COUNTA', [NA, [VALUE, null]])).toBe(2);
  });
});

describe('COUNTBLANK', () => {
  expectCases('COUNTBLANK', [
    [[[1, null, '', 'x', undefined, 0]], 3],
    [[[]], 0],
    [[null], 1],
    [[5], 0],
  ]);
});

describe('COUNTIF', () => {
  expectCases('COUNTIF', [
    [[FRUIT, 'apples'], 2],
    [[QUANTITY, '>55'], 2],
    [[QUANTITY, '<>75'], 3],
    [[FRUIT, '*'], 4],
    [[FRUIT, '?????es'], 2],
    [[FRUIT, 'APPLES'], 2],
    [[FRUIT, '*es'], 4],
    [[FRUIT, '<>apples'], 2],
    [[FRUIT, '>m'], 2],
    [[[1, 2, 3, 4], '>=2'], 3],
    [[[1, 2, 3, 4], '<=2'], 2],
    [[[1, 2, 3, 4], '<3'], 2],
    [[[1, 2, 3, 4], '=3'], 1],
    [[[1, '1', 2, 'x'], 1], 2],
    [[[1, '1', 2, 'x'], '1'], 2],
    [[[5, '6', null], '>4'], 1],
    [[[0, null, '', 'a'], ''], 2],
    [[[0, null, '', 'a'], '='], 2],
    [[[0, null, '', 'a'], '<>'], 2],
    [[[0, null, -1], '<>0'], 2],
    [[[0, null, -1], 0], 1],
    [[[null, null], null], 2],
    [[[true, false, 'TRUE', 1], true], 1],
    [[[true, false, 'TRUE', 1], 'FALSE'], 1],
    [[['a*c', 'abc'], 'a~*c'], 1],
    [[['x', NA, NA], '#N/A'], 2],
    [[['x', NA], 'x'], 1],
    [[[0.1 + 0.2, 0.3], 0.3], 2],
    [[[1000, 50], '>=1,000'], 1],
    [[[0.5, 0.25], '50%'], 1],
    [[7, '>5'], 1],
    [[[[1, 2], [3]], '>1'], 2],
  ]);
  it('matches dates by day, whether the criterion is a date or date text', () => {
    const dates = [day(2024, 1, 5), day(2024, 2, 1), day(2023, 12, 31), null];
    expect(callFunction('COUNTIF', [dates, day(2024, 1, 5)])).toBe(1);
    expect(callFunction('COUNTIF', [dates, '>=2024-01-01'])).toBe(2);
    expect(callFunction('COUNTIF', [dates, '<2024/1/5'])).toBe(1);
  });
  it('combines with itself to count a range of values, as in Excel’s example', () => {
    const atLeast32 = callFunction('COUNTIF', [QUANTITY, '>=32']);
    const over85 = callFunction('COUNTIF', [QUANTITY, '>85']);
    expect(Number(atLeast32) - Number(over85)).toBe(3);
  });
});

describe('COUNTIFS', () => {
  expectCases('COUNTIFS', [
    [[FRUIT, 'apples', QUANTITY, '>50'], 1],
    [[FRUIT, '<>apples', QUANTITY, '>50'], 2],
    [[QUANTITY, '>0'], 4],
    [[FRUIT, 'apples', [1, 2], '>0'], VALUE],
    [[FRUIT, 'apples', QUANTITY], VALUE],
  ]);
  it('uses Excel’s example of counting rows that meet every criterion', () => {
    const sales = ['Davidoski', 'Burke', 'Sundaram', 'Levitan'];
    const quotaQ1 = ['Yes', 'Yes', 'Yes', 'No'];
    const quotaQ2 = ['No', 'Yes', 'Yes', 'No'];
    const quotaQ3 = ['No', 'Yes', 'Yes', 'Yes'];
    expect(callFunction('COUNTIFS', [quotaQ1, '=Yes', quotaQ2, '=Yes', quotaQ3, '=Yes'])).toBe(2);
    expect(callFunction('COUNTIFS', [sales, 'l*', quotaQ3, 'yes'])).toBe(1);
  });
});

describe('SUMIF', () => {
  expectCases('SUMIF', [
    [[PROPERTY, '>160000', COMMISSION], 63_000],
    [[PROPERTY, '>160000'], 900_000],
    [[PROPERTY, 300_000, COMMISSION], 21_000],
    [[FRUIT, 'apples', QUANTITY], 118],
    [[FRUIT, 'pears', QUANTITY], 0],
    [[[1, 'x', 3], '<>2'], 4],
    [[['a', 'b', 'a'], 'a', [1, 'text', 2]], 3],
    [[['a', 'b', 'a'], 'a', [1, 2]], 1],
    [[['a', 'b'], 'b', [1, NA]], NA],
    [[['a', 'b'], 'a', [1, NA]], 1],
  ]);
});

describe('SUMIFS', () => {
  expectCases('SUMIFS', [
    [[QUANTITY, FRUIT, 'apples', QUANTITY, '>40'], 86],
    [[QUANTITY, FRUIT, 'a*'], 118],
    [[QUANTITY, FRUIT, 'apples', [1, 2], 1], VALUE],
    [[QUANTITY, FRUIT, 'apples', QUANTITY], VALUE],
  ]);
  it('follows Excel’s example of summing apples sold by Tom', () => {
    const sold = [5, 4, 15, 3, 22, 12, 10, 33];
    const product = [
      'Apples',
      'Apples',
      'Artichokes',
      'Artichokes',
      'Bananas',
      'Bananas',
      'Carrots',
      'Carrots',
    ];
    const salesperson = ['Tom', 'Sarah', 'Tom', 'Sarah', 'Tom', 'Sarah', 'Tom', 'Sarah'];
    expect(callFunction('SUMIFS', [sold, product, '=A*', salesperson, 'Tom'])).toBe(20);
    expect(callFunction('SUMIFS', [sold, product, '<>Bananas', salesperson, 'Tom'])).toBe(30);
  });
});

describe('AVERAGEIF', () => {
  expectCases('AVERAGEIF', [
    [[COMMISSION, '<23000'], 14_000],
    [[PROPERTY, '<250000'], 150_000],
    [[PROPERTY, '<95000'], DIV0],
    [[PROPERTY, '>250000', COMMISSION], 24_500],
  ]);
});

describe('AVERAGEIFS', () => {
  expectCases('AVERAGEIFS', [
    [[QUANTITY, FRUIT, 'apples'], 59],
    [[QUANTITY, FRUIT, 'apples', QUANTITY, '<50'], 32],
    [[QUANTITY, FRUIT, 'kiwis'], DIV0],
  ]);
});

describe('MAXIFS and MINIFS', () => {
  // Excel's example: grades with their weights.
  const grades = [89, 93, 96, 85, 91, 88];
  const weights = [1, 2, 2, 3, 1, 1];
  expectCases('MAXIFS', [
    [[grades, weights, 1], 91],
    [[grades, weights, '>1'], 96],
    [[grades, weights, 9], 0],
  ]);
  expectCases('MINIFS', [
    [[grades, weights, 1], 88],
    [[grades, weights, '>=2'], 85],
    [[grades, weights, '<0'], 0],
  ]);
  it('answers with a date when the values are dates', () => {
    const dates = [day(2024, 5, 1), day(2024, 6, 1), day(2024, 7, 1)];
    const status = ['won', 'won', 'lost'];
    expect(callFunction('MAXIFS', [dates, status, 'won'])).toEqual(day(2024, 6, 1));
    expect(callFunction('MINIFS', [dates, status, 'won'])).toEqual(day(2024, 5, 1));
  });
  it('declares a date result for a date value argument', () => {
    const spec = findFunction('MAXIFS');
    if (!spec) throw new Error('MAXIFS missing');
    expect(returnType(spec, ['date', 'list', 'text'])).toBe('date');
    expect(returnType(spec, ['number', 'list', 'text'])).toBe('number');
  });
});

describe('ARRAYJOIN', () => {
  expectCases('ARRAYJOIN', [
    [[['a', 'b', 'c']], 'a, b, c'],
    [[['a', 'b'], ' | '], 'a | b'],
    [[[1, null, '', true, 2.5], ';'], '1;TRUE;2.5'],
    [[[day(2024, 1, 5)]], '2024-01-05'],
    [[[['a'], ['b', ['c']]], '-'], 'a-b-c'],
    [[[]], ''],
    [['solo'], 'solo'],
    [[['a', NA]], NA],
  ]);
  it('refuses to build text longer than Excel’s cell limit', () => {
    const items = Array.from({ length: 5000 }, () => 'abcdefg');
    expect(callFunction('ARRAYJOIN', [items])).toBe(VALUE);
  });
});

describe('UNIQUE', () => {
  expectCases('UNIQUE', [
    [[['Apple', 'apple', 'Pear', 'APPLE']], ['Apple', 'Pear']],
    [[[1, '1', 1, 2]], [1, '1', 2]],
    [[[true, 'TRUE', true]], [true, 'TRUE']],
    [[[null, '', null, 'x']], [null, 'x']],
    [
      [
        [
          [1, 2],
          [2, 3],
        ],
      ],
      [1, 2, 3],
    ],
    [[7], [7]],
  ]);
  it('treats a date and the same day given twice as one item', () => {
    expect(callFunction('UNIQUE', [[day(2024, 1, 5), day(2024, 1, 5), day(2024, 1, 6)]])).toEqual([
      day(2024, 1, 5),
      day(2024, 1, 6),
    ]);
  });
  it('returns a new list, never the argument itself', () => {
    const list = ['a', 'b'];
    const result = callFunction('UNIQUE', [list]);
    expect(result).toEqual(list);
    expect(result).not.toBe(list);
  });
});

describe('ARRAYCOMPACT', () => {
  expectCases('ARRAYCOMPACT', [
    [[[1, null, '', 'x', false, 0, ' ', undefined]], [1, 'x', false, 0, ' ']],
    [[[null]], []],
    [[null], []],
    [[[[1, null], ['']]], [1]],
  ]);
});

describe('ARRAYFLATTEN', () => {
  expectCases('ARRAYFLATTEN', [
    [[[1, [2, [3, [4]]], 5]], [1, 2, 3, 4, 5]],
    [[[]], []],
    [['x'], ['x']],
  ]);
  it('returns a new list even when the argument is already flat', () => {
    const list = [1, 2];
    expect(callFunction('ARRAYFLATTEN', [list])).not.toBe(list);
  });
});

describe('ARRAYSLICE', () => {
  const letters = ['a', 'b', 'c', 'd', 'e'];
  expectCases('ARRAYSLICE', [
    [
      [letters, 2, 4],
      ['b', 'c', 'd'],
    ],
    [
      [letters, 3],
      ['c', 'd', 'e'],
    ],
    [
      [letters, -2],
      ['d', 'e'],
    ],
    [
      [letters, 1, -2],
      ['a', 'b', 'c', 'd'],
    ],
    [
      [letters, -3, -2],
      ['c', 'd'],
    ],
    [[letters, 4, 2], []],
    [[letters, 1, -9], []],
    [[letters, 9], []],
    [
      [letters, -9, 2],
      ['a', 'b'],
    ],
    [
      [letters, 2, 99],
      ['b', 'c', 'd', 'e'],
    ],
    [
      [letters, 2.9, 3.9],
      ['b', 'c'],
    ],
    [[letters, 1, null], letters],
    [[letters, 0], VALUE],
    [[letters, 1, 0], VALUE],
    [[letters, 'x'], VALUE],
  ]);
});

describe('the aggregate function declarations', () => {
  it('put every function in the aggregate category', () => {
    for (const name of ['COUNT', 'COUNTIFS', 'SUMIF', 'MINIFS', 'ARRAYJOIN', 'UNIQUE', 'ARRAYSLICE']) {
      expect(findFunction(name)?.category).toBe('aggregate');
    }
  });
});
