// Math functions against Excel's documented examples, binary-float rounding cases, list semantics and error cases.
import { describe, expect, it } from 'vitest';
import { DIV0, NA, NUM, VALUE } from '../../../src/engine/formula/values';
import { findFunction, returnType } from '../../../src/engine/formula/functions';
import { callFunction, day } from './support';

type Case = readonly [args: readonly unknown[], expected: unknown];

function expectCases(name: string, cases: readonly Case[]): void {
  it.each(cases)(`${name}(%j) is %j`, (args, expected) => {
    expect(callFunction(name, args)).toEqual(expected);
  });
}

describe('SUM', () => {
  expectCases('SUM', [
    [[3, 2], 5],
    [[[5, 15, 30], 2], 52],
    [[[1, 'text', true, null, 2]], 3],
    [[[1, [2, [3]]], 4], 10],
    [['5', 15, true], 21],
    [[null, 1], 1],
    [[[]], 0],
    [[[1e308, 1e308]], NUM],
  ]);
  it('adds dates as Excel serial numbers', () => {
    expect(callFunction('SUM', [day(1900, 3, 1), 1])).toBe(62);
  });
  it('passes on an error found inside a list', () => {
    expect(callFunction('SUM', [[1, NA, 2]])).toBe(NA);
  });
  it('rejects non-numeric text given directly', () => {
    expect(callFunction('SUM', ['abc', 1])).toBe(VALUE);
  });
});

describe('AVERAGE', () => {
  expectCases('AVERAGE', [
    [[[10, 7, 9, 27, 2]], 11],
    [[[10, 7, 9, 27, 2], 5], 10],
    [[[1, 'x', null, true, 3]], 2],
    [[4, null], 4],
    [[[]], DIV0],
    [[['a', 'b']], DIV0],
    [[[2, VALUE]], VALUE],
  ]);
});

describe('MIN and MAX', () => {
  expectCases('MIN', [
    [[[10, 7, 9, 27, 2]], 2],
    [[[10, 7, 9, 27, 2], 0], 0],
    [[[]], 0],
    [[['a', true]], 0],
    [[-1, '-5'], -5],
  ]);
  expectCases('MAX', [
    [[[10, 7, 9, 27, 2]], 27],
    [[[10, 7, 9, 27, 2], 30], 30],
    [[[]], 0],
    [[[-3, null, -1]], -1],
  ]);
  it('answers with a date when every value is a date', () => {
    const dates = [day(2024, 3, 5), day(2023, 12, 31), day(2024, 1, 1)];
    expect(callFunction('MAX', [dates])).toEqual(day(2024, 3, 5));
    expect(callFunction('MIN', [dates, day(2024, 6, 1)])).toEqual(day(2023, 12, 31));
  });
  it('answers with a serial number when dates and numbers are mixed', () => {
    expect(callFunction('MAX', [day(1900, 3, 1), 1])).toBe(61);
  });
  it('declares a date result for date arguments and a number for numeric ones', () => {
    const spec = findFunction('MAX');
    if (!spec) throw new Error('MAX missing');
    expect(returnType(spec, ['date', 'date'])).toBe('date');
    expect(returnType(spec, ['number', 'date'])).toBe('number');
    expect(returnType(spec, ['list'])).toBe('any');
  });
});

describe('PRODUCT', () => {
  expectCases('PRODUCT', [
    [[[5, 15, 30]], 2250],
    [[[5, 15, 30], 2], 4500],
    [[[2, 'x', null], 3], 6],
    [[['x']], 0],
    [[0.5, '4'], 2],
  ]);
});

describe('MEDIAN', () => {
  expectCases('MEDIAN', [
    [[[1, 2, 3, 4, 5]], 3],
    [[[1, 2, 3, 4, 5, 6]], 3.5],
    [[[9, 'x', 1, 5]], 5],
    [[[]], NUM],
  ]);
});

describe('SUMPRODUCT', () => {
  expectCases('SUMPRODUCT', [
    [
      [
        [3, 4, 8, 6, 1, 9],
        [2, 7, 6, 7, 5, 3],
      ],
      156,
    ],
    [
      [
        [1, 'x', 3],
        [2, 2, 2],
      ],
      8,
    ],
    [
      [
        [1, 2],
        [1, 2, 3],
      ],
      VALUE,
    ],
    [[3, 4], 12],
    [[[1, 2]], 3],
    [
      [
        [1, NA],
        [1, 1],
      ],
      NA,
    ],
  ]);
});

describe('ROUND', () => {
  expectCases('ROUND', [
    [[2.15, 1], 2.2],
    [[2.149, 1], 2.1],
    [[-1.475, 2], -1.48],
    [[21.5, -1], 20],
    [[626.3, -3], 1000],
    [[1.98, -1], 0],
    [[-50.55, -2], -100],
    [[2.675, 2], 2.68],
    [[-1.005, 2], -1.01],
    [[1234.5678, -2], 1200],
    [[1.005, 2], 1.01],
    [[0.5, 0], 1],
    [[-0.5, 0], -1],
    [[-0.4, 0], 0],
    [[2.5, 0.9], 3],
    [[1e-20, 2], 0],
    [[123456789.123, 20], 123456789.123],
    [['3.14159', '2'], 3.14],
    [[null, 2], 0],
    [['x', 2], VALUE],
  ]);
});

describe('ROUNDUP and ROUNDDOWN', () => {
  expectCases('ROUNDUP', [
    [[3.2, 0], 4],
    [[76.9, 0], 77],
    [[3.14159, 3], 3.142],
    [[-3.14159, 1], -3.2],
    [[31415.92654, -2], 31500],
    [[1e-20, 2], 0.01],
    [[2.1, 1], 2.1],
  ]);
  expectCases('ROUNDDOWN', [
    [[3.2, 0], 3],
    [[76.9, 0], 76],
    [[3.14159, 3], 3.141],
    [[-3.14159, 1], -3.1],
    [[31415.92654, -2], 31400],
    [[4.35, 2], 4.35],
  ]);
});

describe('MROUND', () => {
  expectCases('MROUND', [
    [[10, 3], 9],
    [[-10, -3], -9],
    [[1.3, 0.2], 1.4],
    [[5, -2], NUM],
    [[7.5, 5], 10],
    [[5, 0], 0],
  ]);
});

describe('INT and TRUNC', () => {
  expectCases('INT', [
    [[8.9], 8],
    [[-8.9], -9],
    [[0], 0],
  ]);
  expectCases('TRUNC', [
    [[8.9], 8],
    [[-8.9], -8],
    [[0.45], 0],
    [[3.14159, 2], 3.14],
    [[-0.45], 0],
  ]);
});

describe('ABS and SIGN', () => {
  expectCases('ABS', [
    [[2], 2],
    [[-2], 2],
    [['-4'], 4],
  ]);
  expectCases('SIGN', [
    [[10], 1],
    [[0], 0],
    [[-0.00001], -1],
    [[-0], 0],
  ]);
});

describe('MOD', () => {
  expectCases('MOD', [
    [[3, 2], 1],
    [[-3, 2], 1],
    [[3, -2], -1],
    [[-3, -2], -1],
    [[-4, 2], 0],
    [[5.5, 2], 1.5],
    [[3, 0], DIV0],
  ]);
});

describe('QUOTIENT', () => {
  expectCases('QUOTIENT', [
    [[5, 2], 2],
    [[4.5, 3.1], 1],
    [[-10, 3], -3],
    [[1, 0], DIV0],
  ]);
});

describe('POWER', () => {
  expectCases('POWER', [
    [[5, 2], 25],
    [[4, 5 / 4], Math.pow(4, 1.25)],
    [[2, -1], 0.5],
    [[0, 0], NUM],
    [[0, -1], DIV0],
    [[-8, 1 / 3], NUM],
    [[10, 400], NUM],
  ]);
  it('matches Excel for POWER(98.6, 3.2) to its displayed precision', () => {
    expect(callFunction('POWER', [98.6, 3.2])).toBeCloseTo(2401077.222, 3);
  });
});

describe('SQRT, EXP, LN, LOG and LOG10', () => {
  expectCases('SQRT', [
    [[16], 4],
    [[-16], NUM],
    [[0], 0],
  ]);
  expectCases('EXP', [
    [[0], 1],
    [[1], Math.E],
    [[1000], NUM],
  ]);
  expectCases('LN', [
    [[1], 0],
    [[Math.exp(3)], 3],
    [[0], NUM],
    [[-1], NUM],
  ]);
  expectCases('LOG', [
    [[10], 1],
    [[8, 2], 3],
    [[125, 5], 3],
    [[100, 10], 2],
    [[0, 10], NUM],
    [[10, 0], NUM],
    [[10, 1], DIV0],
  ]);
  expectCases('LOG10', [
    [[10], 1],
    [[1e5], 5],
    [[0], NUM],
  ]);
  it('gives LN(86) and LOG10(86) as in Excel', () => {
    expect(callFunction('LN', [86])).toBeCloseTo(4.4543473, 7);
    expect(callFunction('LOG10', [86])).toBeCloseTo(1.9345, 4);
  });
});

describe('PI', () => {
  expectCases('PI', [[[], Math.PI]]);
});

describe('CEILING', () => {
  expectCases('CEILING', [
    [[2.5, 1], 3],
    [[-2.5, -2], -4],
    [[-2.5, 2], -2],
    [[1.5, 0.1], 1.5],
    [[0.234, 0.01], 0.24],
    [[1.1, 0.1], 1.1],
    [[4.2], 5],
    [[2.5, -2], NUM],
    [[2.5, 0], 0],
  ]);
});

describe('FLOOR', () => {
  expectCases('FLOOR', [
    [[3.7, 2], 2],
    [[-2.5, -2], -2],
    [[2.5, -2], NUM],
    [[1.58, 0.1], 1.5],
    [[0.234, 0.01], 0.23],
    [[-2.5, 2], -4],
    [[4.8], 4],
    [[0.3, 0.1], 0.3],
    [[2.5, 0], DIV0],
    [[0, 0], 0],
  ]);
});

describe('EVEN and ODD', () => {
  expectCases('EVEN', [
    [[1.5], 2],
    [[3], 4],
    [[2], 2],
    [[-1], -2],
    [[0], 0],
  ]);
  expectCases('ODD', [
    [[1.5], 3],
    [[3], 3],
    [[2], 3],
    [[-1], -1],
    [[-2], -3],
    [[0], 1],
  ]);
});

describe('the math function declarations', () => {
  it('put every function in the math category with a matching parameter list', () => {
    for (const name of ['SUM', 'ROUND', 'LOG', 'PI', 'CEILING', 'SUMPRODUCT']) {
      const spec = findFunction(name);
      expect(spec?.category).toBe('math');
      if (spec && Number.isFinite(spec.maxArgs)) expect(spec.params).toHaveLength(spec.maxArgs);
    }
  });
});
