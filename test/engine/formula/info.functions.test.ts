// Information functions: value kinds (IS*, TYPE, N) and error inspection (ISERROR, ISNA, ERROR.TYPE, NA).
import { describe, expect, it } from 'vitest';
import { DIV0, NA, NAME, NULL_ERROR, NUM, REF, VALUE } from '../../../src/engine/formula/values';
import { callFunction, day } from './support';

const call = (name: string, ...args: unknown[]): unknown => callFunction(name, args);

/** One sample of every kind of value a function can receive. */
const SAMPLES = {
  blank: null,
  undefined: undefined,
  empty: '',
  text: '留存',
  numericText: '19',
  number: 19,
  zero: 0,
  boolean: false,
  date: day(2024, 1, 5),
  list: [1, 2],
  emptyList: [],
  na: NA,
  div0: DIV0,
} as const;

type Sample = keyof typeof SAMPLES;

/** Checks a predicate against every sample: `truthy` lists the samples it must accept. */
function expectOnly(name: string, truthy: readonly Sample[]): void {
  for (const sample of Object.keys(SAMPLES) as Sample[]) {
    expect(call(name, SAMPLES[sample]), `${name}(${sample})`).toBe(truthy.includes(sample));
  }
}

describe('ISBLANK', () => {
  it('is TRUE only for a blank value; "" and an empty list are not blank', () => {
    expectOnly('ISBLANK', ['blank', 'undefined']);
  });
});

describe('ISNUMBER', () => {
  it('is TRUE only for numbers: numeric text and dates are not numbers here', () => {
    expectOnly('ISNUMBER', ['number', 'zero']);
  });
});

describe('ISTEXT and ISNONTEXT', () => {
  it('ISTEXT is TRUE for text, including ""', () => {
    expectOnly('ISTEXT', ['empty', 'text', 'numericText']);
  });

  it('ISNONTEXT is TRUE for everything else, blanks and errors included', () => {
    expectOnly('ISNONTEXT', [
      'blank',
      'undefined',
      'number',
      'zero',
      'boolean',
      'date',
      'list',
      'emptyList',
      'na',
      'div0',
    ]);
  });
});

describe('ISLOGICAL', () => {
  it('is TRUE only for TRUE and FALSE', () => {
    expectOnly('ISLOGICAL', ['boolean']);
    expect(call('ISLOGICAL', true)).toBe(true);
    expect(call('ISLOGICAL', 'TRUE')).toBe(false);
  });
});

describe('ISDATE', () => {
  it('is TRUE only for date values, not for date text or serial numbers', () => {
    expectOnly('ISDATE', ['date']);
    expect(call('ISDATE', '2024-01-05')).toBe(false);
    expect(call('ISDATE', day(2024, 1, 5, 13, 45))).toBe(true);
  });
});

describe('ISERROR, ISERR and ISNA', () => {
  it('ISERROR is TRUE for every error value', () => {
    expectOnly('ISERROR', ['na', 'div0']);
    for (const error of [NULL_ERROR, DIV0, VALUE, REF, NAME, NUM, NA])
      expect(call('ISERROR', error)).toBe(true);
  });

  it('ISERR is TRUE for every error except #N/A', () => {
    expectOnly('ISERR', ['div0']);
    expect(call('ISERR', VALUE)).toBe(true);
  });

  it('ISNA is TRUE only for #N/A', () => {
    expectOnly('ISNA', ['na']);
    expect(call('ISNA', call('NA'))).toBe(true);
  });
});

describe('ISEVEN and ISODD', () => {
  it.each([
    [-1, false, true],
    [2.5, true, false],
    [5, false, true],
    [0, true, false],
    [-2, true, false],
    ['4', true, false],
    [null, true, false],
    // 2011-12-23 is serial 40900 (Excel's own ISEVEN example).
    [day(2011, 12, 23), true, false],
  ])('%j: ISEVEN is %j and ISODD is %j', (value, even, odd) => {
    expect(call('ISEVEN', value)).toBe(even);
    expect(call('ISODD', value)).toBe(odd);
  });

  it('rejects booleans and non-numeric text like Excel, and passes errors through', () => {
    expect(call('ISEVEN', true)).toBe(VALUE);
    expect(call('ISODD', 'abc')).toBe(VALUE);
    expect(call('ISEVEN', NA)).toBe(NA);
    expect(call('ISODD', DIV0)).toBe(DIV0);
  });
});

describe('NA', () => {
  it('returns #N/A', () => {
    expect(call('NA')).toBe(NA);
  });
});

describe('ERROR.TYPE', () => {
  it.each([
    [NULL_ERROR, 1],
    [DIV0, 2],
    [VALUE, 3],
    [REF, 4],
    [NAME, 5],
    [NUM, 6],
    [NA, 7],
  ])('ERROR.TYPE(%s) is %j', (error, expected) => {
    expect(call('ERROR.TYPE', error)).toBe(expected);
  });

  it('is #N/A for values that are not errors', () => {
    for (const value of [1, 'text', null, true, day(2024, 1, 1), []])
      expect(call('ERROR.TYPE', value)).toBe(NA);
  });
});

describe('N', () => {
  it.each([
    [7, 7],
    ['Even', 0],
    ['7', 0],
    [true, 1],
    [false, 0],
    [null, 0],
    [[1, 2], 0],
    // Excel's example: 4/17/2011 is serial 40650.
    [day(2011, 4, 17), 40_650],
    [day(2024, 1, 1, 12), 45_292.5],
  ])('N(%j) is %j', (value, expected) => {
    expect(call('N', value)).toBe(expected);
  });

  it('passes errors through', () => {
    expect(call('N', DIV0)).toBe(DIV0);
  });
});

describe('TYPE', () => {
  it.each([
    [2, 1],
    ['Smith', 2],
    ['', 2],
    [true, 4],
    [NA, 16],
    [DIV0, 16],
    [[1, 2, 3], 64],
    [[], 64],
    [null, 1],
    [day(2024, 1, 1), 1],
  ])('TYPE(%j) is %j', (value, expected) => {
    expect(call('TYPE', value)).toBe(expected);
  });
});
