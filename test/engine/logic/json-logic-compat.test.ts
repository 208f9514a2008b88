// The JSONLogic core side by side with json-logic-js 2.0.5: every standard operation, its coercions and edge cases,
// through the compiler's folded, specialized, band ("choices") and general paths, plus the deliberate deviations.
import jsonLogic from 'json-logic-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyLogic, compileLogic, LogicError } from '../../../src/engine';
import { deepFreeze, expectAgreement, expectSameAsReference, outcome, reference, show } from './reference';

type Case = readonly [rule: unknown, data?: unknown];

/** One test per case: applyLogic and a compiled rule (evaluated twice) agree with json-logic-js. */
function agreesOn(cases: readonly Case[]): void {
  const rows = cases.map(([rule, data]): [string, unknown, unknown] => [
    `${show(rule)} with ${show(data)}`,
    deepFreeze(rule),
    deepFreeze(data),
  ]);
  it.each(rows)('%s', (_label, rule, data) => {
    expectSameAsReference(rule, data);
  });
}

/** One compiled rule evaluated over many data in turn, then again in reverse, against json-logic-js each time. */
function expectAgreesOverData(rule: unknown, data: readonly unknown[]): void {
  const evaluate = compileLogic(deepFreeze(rule));
  for (const item of [...data, ...data.slice().reverse()]) {
    deepFreeze(item);
    expectAgreement(
      outcome(() => evaluate(item)),
      reference(rule, item),
    );
  }
}

/** Values whose coercions differ: zero signs, numeric and non-numeric text, blanks, booleans, arrays, NaN. */
const TRICKY: readonly unknown[] = [
  0,
  -0,
  1,
  2,
  1.5,
  -3,
  '1',
  '01',
  '1.5',
  '',
  '0',
  ' ',
  'abc',
  'b',
  '-0',
  null,
  true,
  false,
  [],
  [1],
  [1, 2],
  '1,2',
  [0],
  NaN,
  Infinity,
  -Infinity,
];

const CHAMP = {
  champ: { name: 'Fezzig', height: 223 },
  challenger: { name: 'Dread Pirate Roberts', height: 183 },
};
const PIES = {
  pies: [
    { filling: 'pumpkin', temp: 110 },
    { filling: 'rhubarb', temp: 210 },
    { filling: 'apple', temp: 310 },
  ],
};
const INTEGERS = { integers: [1, 2, 3, 4, 5] };

describe('the examples of jsonlogic.com', () => {
  agreesOn([
    [{ var: ['a'] }, { a: 1, b: 2 }],
    [{ var: 'a' }, { a: 1, b: 2 }],
    [{ var: ['z', 26] }, { a: 1, b: 2 }],
    [{ var: 'champ.name' }, CHAMP],
    [{ var: 1 }, ['zero', 'one', 'two']],
    [
      { and: [{ '<': [{ var: 'temp' }, 110] }, { '==': [{ var: 'pie.filling' }, 'apple'] }] },
      { temp: 100, pie: { filling: 'apple' } },
    ],
    [{ cat: ['Hello, ', { var: '' }] }, 'Dolly'],
    [{ missing: ['a', 'b'] }, { a: 'apple', c: 'carrot' }],
    [{ missing: ['a', 'b'] }, { a: 'apple', b: 'banana' }],
    [{ if: [{ missing: ['a', 'b'] }, 'Not enough fruit', 'OK to proceed'] }, { a: 'apple', b: 'banana' }],
    [{ missing_some: [1, ['a', 'b', 'c']] }, { a: 'apple' }],
    [{ missing_some: [2, ['a', 'b', 'c']] }, { a: 'apple' }],
    [
      {
        if: [
          {
            merge: [
              { missing: ['first_name', 'last_name'] },
              { missing_some: [1, ['cell_phone', 'home_phone']] },
            ],
          },
          'We require first name, last name, and one phone number.',
          'OK to proceed',
        ],
      },
      { first_name: 'Bruce', last_name: 'Wayne' },
    ],
    [{ if: [true, 'yes', 'no'] }],
    [{ if: [false, 'yes', 'no'] }],
    [
      { if: [{ '<': [{ var: 'temp' }, 0] }, 'freezing', { '<': [{ var: 'temp' }, 100] }, 'liquid', 'gas'] },
      { temp: 200 },
    ],
    [{ '==': [1, 1] }],
    [{ '==': [1, '1'] }],
    [{ '==': [0, false] }],
    [{ '===': [1, 1] }],
    [{ '===': [1, '1'] }],
    [{ '!=': [1, 2] }],
    [{ '!=': [1, '1'] }],
    [{ '!==': [1, 2] }],
    [{ '!==': [1, '1'] }],
    [{ '!': [true] }],
    [{ '!': true }],
    [{ '!!': [[]] }],
    [{ '!!': ['0'] }],
    [{ or: [true, false] }],
    [{ or: [false, 'a'] }],
    [{ or: [false, 0, 'a'] }],
    [{ and: [true, true] }],
    [{ and: [true, false] }],
    [{ and: [true, 'a', 3] }],
    [{ and: [true, '', 3] }],
    [{ '>': [2, 1] }],
    [{ '>=': [1, 1] }],
    [{ '<': [1, 2] }],
    [{ '<=': [1, 1] }],
    [{ '<': [1, 2, 3] }],
    [{ '<': [1, 1, 3] }],
    [{ '<': [1, 4, 3] }],
    [{ '<=': [1, 1, 3] }],
    [{ '<=': [1, 4, 3] }],
    [{ '<': [0, { var: 'temp' }, 100] }, { temp: 37 }],
    [{ max: [1, 2, 3] }],
    [{ min: [1, 2, 3] }],
    [{ '+': [4, 2] }],
    [{ '-': [4, 2] }],
    [{ '*': [4, 2] }],
    [{ '/': [4, 2] }],
    [{ '+': [2, 2, 2, 2, 2] }],
    [{ '*': [2, 2, 2, 2, 2] }],
    [{ '-': 2 }],
    [{ '+': '3.14' }],
    [{ '%': [101, 2] }],
    [{ map: [{ var: 'integers' }, { '*': [{ var: '' }, 2] }] }, INTEGERS],
    [{ filter: [{ var: 'integers' }, { '%': [{ var: '' }, 2] }] }, INTEGERS],
    [{ reduce: [{ var: 'integers' }, { '+': [{ var: 'current' }, { var: 'accumulator' }] }, 0] }, INTEGERS],
    [{ all: [[1, 2, 3], { '>': [{ var: '' }, 0] }] }],
    [{ some: [[-1, 0, 1], { '>': [{ var: '' }, 0] }] }],
    [{ none: [[-3, -2, -1], { '>': [{ var: '' }, 0] }] }],
    [{ some: [{ var: 'pies' }, { '==': [{ var: 'filling' }, 'apple'] }] }, PIES],
    [
      {
        merge: [
          [1, 2],
          [3, 4],
        ],
      },
    ],
    [{ merge: [1, 2, [3, 4]] }],
    [
      { missing: { merge: ['vin', { if: [{ var: 'financing' }, ['apr', 'term'], []] }] } },
      { financing: true },
    ],
    [
      { missing: { merge: ['vin', { if: [{ var: 'financing' }, ['apr', 'term'], []] }] } },
      { financing: false },
    ],
    [{ in: ['Ringo', ['John', 'Paul', 'George', 'Ringo']] }],
    [{ in: ['Spring', 'Springfield'] }],
    [{ cat: ['I love', ' pie'] }],
    [{ cat: ['I love ', { var: 'filling' }, ' pie'] }, { filling: 'apple', temp: 110 }],
    [{ substr: ['jsonlogic', 4] }],
    [{ substr: ['jsonlogic', -5] }],
    [{ substr: ['jsonlogic', 1, 3] }],
    [{ substr: ['jsonlogic', 4, -2] }],
  ]);

  const fizzbuzz = {
    if: [
      { '==': [{ '%': [{ var: 'i' }, 15] }, 0] },
      'fizzbuzz',
      { '==': [{ '%': [{ var: 'i' }, 3] }, 0] },
      'fizz',
      { '==': [{ '%': [{ var: 'i' }, 5] }, 0] },
      'buzz',
      { var: 'i' },
    ],
  };
  it('plays fizzbuzz from 1 to 30 with one compiled rule', () => {
    expectAgreesOverData(
      fizzbuzz,
      Array.from({ length: 30 }, (_, index) => ({ i: index + 1 })),
    );
    expect(applyLogic(fizzbuzz, { i: 15 })).toBe('fizzbuzz');
  });
});

describe('var reads data like json-logic-js', () => {
  agreesOn([
    [{ var: 'champ.name' }, CHAMP],
    [{ var: 'challenger.height' }, CHAMP],
    [{ var: ['champ.weight', 'unknown'] }, CHAMP],
    [{ var: '1' }, ['zero', 'one', 'two']],
    [{ var: 0 }, [5]],
    [{ var: -1 }, [5]],
    [{ var: 1.5 }, { 1: { 5: 'one point five' } }],
    [{ var: true }, { true: 'yes' }],
    [{ var: false }, { false: 'no' }],
    [{ var: 'list.1.name' }, { list: [{ name: 'a' }, { name: 'b' }] }],
    [
      { var: 'matrix.1.0' },
      {
        matrix: [
          [1, 2],
          [3, 4],
        ],
      },
    ],
    [
      { var: 'matrix.2.0' },
      {
        matrix: [
          [1, 2],
          [3, 4],
        ],
      },
    ],
    [{ var: 'a.length' }, { a: 'hello' }],
    [{ var: 'a.0' }, { a: 'hello' }],
    [{ var: 'a.9' }, { a: 'hello' }],
    [{ var: 'a.length' }, { a: [1, 2, 3] }],
    [{ var: 'length' }, 'abc'],
    [{ var: '1' }, 'abc'],
    [{ var: 'x' }, 5],
    [{ var: 'x' }, true],
    [{ var: 'a.' }, { a: { '': 'empty key' } }],
    [{ var: '.a' }, { '': { a: 1 } }],
    [{ var: 'a..b' }, { a: { '': { b: 2 } } }],
    [{ var: 'a.b.c' }, { a: { b: 5 } }],
    [{ var: 'a.b' }, { a: null }],
    [{ var: ['a.b', 9] }, { a: null }],
    [{ var: ['a.b.c', 9] }, { a: { b: 'text' } }],
    [{ var: '' }, 'Dolly'],
    [{ var: '' }, { a: 1 }],
    [{ var: '' }],
    [{ var: [] }, { a: 1 }],
    [{ var: null }, { a: 1 }],
    [{ var: [null, 5] }, { a: 1 }],
    [{ var: ['', 5] }, 7],
    [{ var: ['', 5] }],
    [{ var: 'a' }, null],
    [{ var: 'a' }],
    [{ var: ['a', 'fallback'] }, null],
    [{ var: ['a', 'fallback'] }],
    [{ var: ['a', 'fallback'] }, { a: null }],
    [{ var: ['a', 'fallback'] }, { a: 0 }],
    [{ var: ['a', 'fallback'] }, { a: '' }],
    [{ var: ['a', 'fallback'] }, { a: false }],
    [{ var: ['a', null] }, {}],
    [{ var: ['a', [1, 2]] }, {}],
    [{ var: ['a', { x: 1, y: 2 }] }, {}],
    [{ var: 'a' }, { a: [1, 2] }],
    [{ var: 'a' }, { a: { b: 1, c: 2 } }],
    [{ var: 'a' }, { a: -0 }],
    [{ var: 'a' }, { a: NaN }],
    [{ var: ['a'] }, { a: -0 }],
    [{ var: 'a.b' }, { a: { b: -0 } }],
    // Paths that are literal arrays are stringified, as String([...]) does: ["a"] is "a" and [] is "".
    [{ var: [['a']] }, { a: 1 }],
    [{ var: [[]] }, { '': 3 }],
    [{ var: [[], 'none'] }, { a: 1 }],
    [{ var: [['a', 'b']] }, { 'a,b': 2 }],
    // Computed paths and defaults that are rules.
    [{ var: { cat: ['a', '.', 'b'] } }, { a: { b: 42 } }],
    [{ var: { if: [{ var: 'useB' }, 'b', 'a'] } }, { useB: true, a: 1, b: 2 }],
    [{ var: { if: [{ var: 'useB' }, 'b', 'a'] } }, { useB: false, a: 1, b: 2 }],
    [{ var: [{ var: 'which' }, 'none'] }, { which: 'x', x: 10 }],
    [{ var: [{ var: 'which' }, 'none'] }, { which: 'y' }],
    [{ var: [{ var: 'which' }, 'none'] }, { which: null, x: 1 }],
    [{ var: [{ var: 'which' }, 'none'] }, { which: '' }],
    [{ var: [{ var: 'which' }, 'none'] }],
    [{ var: [{ var: 'which' }] }, { which: 2 }],
    [{ var: { '+': [1, 1] } }, ['a', 'b', 'c']],
    [{ var: ['missing', { var: 'other' }] }, { other: 3 }],
    [{ var: ['missing', { '+': [1, 2] }] }, {}],
    [{ var: ['missing', { var: 'also.missing' }] }, {}],
    [{ var: ['a', { var: 'b' }] }, { a: 1, b: 2 }],
    [{ var: ['a.b', { var: 'c' }] }, { a: { b: 0 }, c: 2 }],
    [{ var: ['a.b', { var: 'c' }] }, { a: {}, c: 2 }],
    [{ var: ['a', { var: '' }] }, { b: 1 }],
    [{ var: ['a', { and: [] }] }, {}],
  ]);
});

describe('missing and missing_some list absent keys like json-logic-js', () => {
  agreesOn([
    [{ missing: 'a' }, {}],
    [{ missing: [] }, {}],
    [{ missing: ['a'] }, { a: '' }],
    [{ missing: ['a'] }, { a: 0 }],
    [{ missing: ['a'] }, { a: false }],
    [{ missing: ['a'] }, { a: null }],
    [{ missing: ['a'] }, { a: [] }],
    [{ missing: ['a'] }, null],
    [{ missing: ['a'] }],
    [{ missing: [''] }, {}],
    [{ missing: [''] }, null],
    [{ missing: ['a.b', 'a.c'] }, { a: { b: 1 } }],
    [{ missing: [1, 0] }, ['x']],
    [{ missing: [['a', 'b']] }, { b: 1 }],
    [{ missing: [['a', 'b'], 'c'] }, {}],
    // A key that is an array is read as {"var": key}: [path, default].
    [{ missing: ['a', ['b', 'c']] }, {}],
    [{ missing: ['a', ['b']] }, {}],
    [{ missing: ['a', ['b', '']] }, {}],
    [{ missing: ['a', []] }, {}],
    [{ missing: { var: 'keys' } }, { keys: ['x', 'y'], y: 1 }],
    [{ missing: [{ var: 'key' }] }, { key: 'x' }],
    [{ missing_some: [0, ['a']] }, {}],
    [{ missing_some: [3, ['a', 'b']] }, { a: 1, b: 2 }],
    [{ missing_some: [1, []] }, {}],
    [{ missing_some: ['1', ['a', 'b']] }, {}],
    [{ missing_some: [1, ['a', 'b']] }, { b: 0 }],
    [{ missing_some: [2, ['a', 'b']] }, { b: '' }],
    [{ missing_some: [1, 'a'] }, {}],
    [{ missing_some: [1, 'a'] }, { a: 1 }],
    // json-logic-js counts keys.length, so one text of three letters counts as three keys.
    [{ missing_some: [1, 'abc'] }, {}],
    [{ missing_some: [3, 'abc'] }, {}],
    [{ missing_some: [1, [['a'], 'b']] }, {}],
    [{ missing_some: [1, { var: 'keys' }] }, { keys: ['x', 'y'], y: 1 }],
    [{ missing_some: [{ var: 'need' }, ['x', 'y']] }, { need: 2, y: 1 }],
    [{ missing_some: [1, ['a']] }, null],
    // Without keys json-logic-js fails reading their length, and so does ours.
    [{ missing_some: [1, null] }, {}],
    [{ missing_some: [1] }, {}],
    [{ missing_some: 1 }, {}],
  ]);
});

describe('if and ?: choose like json-logic-js', () => {
  agreesOn([
    [{ if: [] }],
    [{ if: [true] }],
    [{ if: ['only'] }],
    [{ if: [{ var: 'x' }] }, { x: 4 }],
    [{ if: [false, 1] }],
    [{ if: [true, 1] }],
    [{ if: true }],
    [{ if: [[], 'yes', 'no'] }],
    [{ if: [[0], 'yes', 'no'] }],
    [{ if: ['0', 'yes', 'no'] }],
    [{ if: ['', 'yes', 'no'] }],
    [{ if: [0, 'yes', 'no'] }],
    [{ if: [null, 'yes', 'no'] }],
    [{ if: [{ var: 'x' }, 'yes'] }, { x: 0 }],
    [{ if: [{ var: 'x' }, 'yes'] }, { x: 1 }],
    [{ if: [{ var: 'x' }, { var: 'y' }] }, { x: 0, y: 2 }],
    [{ if: [{ var: 'x' }, { var: 'y' }] }, { x: 1, y: 2 }],
    [{ if: [{ var: 'x' }, { var: 'y' }, { var: 'z' }] }, { x: [], y: 'then', z: 'else' }],
    [{ if: [{ var: 'x' }, { var: 'y' }, { var: 'z' }] }, { x: [0], y: 'then', z: 'else' }],
    [{ if: [{ var: 'x' }, 1, { var: 'z' }] }, { x: 0, z: 'else' }],
    [{ if: [{ var: 'x' }, { var: 'y' }, 2] }, { x: 1, y: 'then' }],
    [{ '?:': [true, 1, 2] }],
    [{ '?:': [{ var: 'x' }, 1, 2] }, { x: 0 }],
    [{ '?:': [{ var: 'x' }, 1, 2] }, { x: 'x' }],
    // Tests known at compile time, first and in the middle of a chain.
    [{ if: [false, 1, { var: 'a' }, 2, 3] }, { a: 1 }],
    [{ if: [{ var: 'a' }, 1, true, 2, 3] }, { a: 0 }],
    [{ if: [{ var: 'a' }, 1, false, 2, 3] }, { a: 0 }],
    [{ if: [{ var: 'a' }, 1, false, 2] }, { a: 0 }],
    [{ if: [{ var: 'a' }, 1, [], 2, [1], 3, 4] }, { a: 0 }],
    [{ if: [{ var: 'a' }, 1, false, 2, { var: 'b' }, 3] }, { a: 0, b: 1 }],
    [{ if: [{ var: 'a' }, 1, false, 2, { var: 'b' }, 3] }, { a: 0, b: 0 }],
    // An if nested in the else joins the chain when its results are constants too.
    [{ if: [{ var: 'a' }, 1, { if: [{ var: 'b' }, 2, 3] }] }, { a: 0, b: 1 }],
    [{ if: [{ var: 'a' }, 1, { if: [{ var: 'b' }, 2, 3] }] }, { a: 0, b: 0 }],
    [{ if: [{ var: 'a' }, 1, { if: [{ var: 'b' }, 2] }] }, { a: 0, b: 0 }],
    [{ if: [{ var: 'a' }, 1, { if: [{ var: 'b' }, { var: 'c' }, 3] }] }, { a: 0, b: 1, c: 'c' }],
    [{ if: [{ if: [{ var: 'a' }, 0, 1] }, 'yes', 'no'] }, { a: 1 }],
    [{ if: [{ if: [{ var: 'a' }, 0, 1] }, 'yes', 'no'] }, { a: 0 }],
    // Results of different kinds: text, numbers, booleans, null, arrays and objects with several keys.
    [{ if: [{ var: 'a' }, 1, { var: 'b' }, 'two', true] }, { a: 0, b: 1 }],
    [{ if: [{ var: 'a' }, 1, { var: 'b' }, 'two', true] }, { a: 0, b: 0 }],
    [{ if: [{ var: 'a' }, [1, 2], { x: 1, y: 2 }] }, { a: 1 }],
    [{ if: [{ var: 'a' }, [1, 2], { x: 1, y: 2 }] }, { a: 0 }],
    [{ if: [{ var: 'a' }, null, false] }, { a: 1 }],
    [{ if: [{ var: 'a' }, [{ var: 'b' }], []] }, { a: 1, b: 'b' }],
  ]);

  const temperatures = [-10, 0, 50, 99.9, 100, 200, '50', '', null, 'hot', [], [5]].map((temp) => ({ temp }));
  it('reads one record key for a band of comparisons and still agrees for every kind of value', () => {
    expectAgreesOverData(
      { if: [{ '<': [{ var: 'temp' }, 0] }, 'freezing', { '<': [{ var: 'temp' }, 100] }, 'liquid', 'gas'] },
      temperatures,
    );
    expectAgreesOverData(
      { if: [{ '<': [{ var: 'temp' }, 0] }, 'freezing', { '<': [{ var: 'temp' }, 100] }, 'liquid'] },
      temperatures,
    );
  });
});

/** Bands: if-chains whose results are constants, tested on one key or on several. */
const BAND = { if: [{ '>': [{ var: 'x' }, 3] }, 100, { '>=': [{ var: 'x' }, 1] }, 60, 20] };
const BAND_WITHOUT_ELSE = { if: [{ '>': [{ var: 'x' }, 3] }, 100, { '>=': [{ var: 'x' }, 1] }, 60] };
const ENUM = {
  if: [
    { '===': [{ var: 'x' }, 'gold'] },
    3,
    { '==': [{ var: 'x' }, 'silver'] },
    2,
    { '==': [{ var: 'x' }, 1] },
    1,
    { '!==': [{ var: 'x' }, null] },
    0,
    { '!=': [{ var: 'x' }, 0] },
    -1,
    { '<=': [{ var: 'x' }, 0] },
    -2,
    { '<': [{ var: 'x' }, 'b'] },
    -3,
    { '>=': [{ var: 'x' }, 'z'] },
    -4,
  ],
};
const MIXED_KEYS = {
  if: [
    { var: 'x' },
    1,
    { '==': [{ var: 'y' }, 2] },
    2,
    { '!': { var: 'z' } },
    3,
    { '>': [{ var: 'p.x' }, 0] },
    4,
    5,
  ],
};
const BANDS: readonly unknown[] = [
  BAND,
  BAND_WITHOUT_ELSE,
  ENUM,
  { ...ENUM, if: [...ENUM.if, 'else'] },
  MIXED_KEYS,
  { if: [{ var: 'x' }, 1, { '==': [{ var: 'y' }, 2] }, 2] },
  { if: [{ '>': [{ var: 'x' }, 0] }, 1, { '>': [{ var: 'y' }, 0] }, 2, { '>': [{ var: 'x' }, 1] }, 3, 4] },
  { if: [{ '>': [{ var: 'x' }, 0] }, true, false] },
  { if: [{ '>': [{ var: 'x' }, 0] }, -0, { '<': [{ var: 'x' }, 0] }, 0, NaN] },
  { if: [{ '>': [{ var: 'x' }, 0] }, 1, { '<': [{ var: 'x' }, 0] }, { var: 'y' }, 3] },
  { if: [{ '>': [{ var: 'x' }, 0] }, { var: 'y' }, { '<': [{ var: 'x' }, 0] }, 2, 3] },
  { if: [{ '>': [{ var: 'x' }, 0] }, [1], { '<': [{ var: 'x' }, 0] }, [2, 3], []] },
];

const BAND_DATA: readonly unknown[] = [...TRICKY, 3, 4, 5, '4', 'gold', 'silver', 'z'].flatMap((x) => [
  { x, y: 2, z: 0, p: { x } },
  { x, y: x, z: x, p: { x: 1 } },
]);

describe('bands of constant choices', () => {
  it.each(BANDS.map((band): [string, unknown] => [show(band), band]))(
    '%s agrees with json-logic-js for every value',
    (_label, band) => {
      expectAgreesOverData(band, BAND_DATA);
    },
  );

  /** Operations on a band, which the compiler folds into the band's constants. */
  const onBand = (band: unknown): unknown[] => [
    { '*': [band, 0.3] },
    { '*': [0.3, band] },
    { '*': [band] },
    { '*': [band, '-0'] },
    { '*': [band, -1] },
    { '+': [band] },
    { '+': [band, 5] },
    { '+': [band, band, 5] },
    { '+': [{ '*': [band, 0.3] }, { '*': [band, 0.7] }] },
    { '-': band },
    { '-': [band, 1] },
    { '-': [10, band] },
    { '/': [band, 0] },
    { '/': [band, 4] },
    { '%': [band, 7] },
    { min: [band, 50] },
    { max: [band, 50, { var: 'y' }] },
    { cat: [band, ' points'] },
    { cat: [band] },
    { '==': [band, 60] },
    { '===': [band, '60'] },
    { '<': [band, 60] },
    { '<': [0, band, 100] },
    { '!': band },
    { '!!': [band] },
    { in: [band, [60, 100]] },
    { in: ['0', band] },
    { merge: [band, 1] },
    { if: [band, 'yes', 'no'] },
    { and: [band, { var: 'y' }] },
    { or: [band, { var: 'y' }] },
    { '+': [band, { var: 'y' }] },
    { '*': [band, { var: 'y' }] },
  ];
  it.each(BANDS.map((band): [string, unknown] => [show(band), band]))(
    'arithmetic, comparisons and text on %s agree with json-logic-js',
    (_label, band) => {
      for (const rule of onBand(band)) expectAgreesOverData(rule, BAND_DATA);
    },
  );

  it('agrees on long chains, with and without an else, on one key and on many', () => {
    const sameKey: unknown[] = [];
    const manyKeys: unknown[] = [];
    const dynamic: unknown[] = [];
    for (let index = 0; index < 40; index++) {
      sameKey.push({ '==': [{ var: 'x' }, index] }, `value ${index}`);
      manyKeys.push({ var: `k${index}` }, index * 10);
      dynamic.push({ '===': [{ var: 'x' }, index] }, { '+': [{ var: 'x' }, index] });
    }
    const data = [0, 1, 17, 39, 40, '17', null, -1].map((x) => ({ x, k3: 1, k20: x, k39: 'yes' }));
    for (const args of [sameKey, manyKeys, dynamic]) {
      expectAgreesOverData({ if: args }, data);
      expectAgreesOverData({ if: [...args, 'else'] }, data);
      expectAgreesOverData({ '?:': [...args, { var: 'x' }] }, data);
    }
  });
});

describe('comparisons coerce like JavaScript, exactly as json-logic-js', () => {
  const pairs = TRICKY.flatMap((x) => TRICKY.map((y) => [x, y] as const));
  const OPS = ['==', '===', '!=', '!==', '>', '>=', '<', '<='] as const;

  it.each(OPS)(
    '%s agrees on every pair of tricky values, folded, against a constant and between two reads',
    (op) => {
      for (const [x, y] of pairs) expectSameAsReference({ [op]: [x, y] });
      const data = pairs.map(([x, y]) => ({ x, y, p: { x } }));
      expectAgreesOverData({ [op]: [{ var: 'x' }, { var: 'y' }] }, data);
      expectAgreesOverData({ [op]: [{ var: 'p.x' }, { var: 'y' }] }, data);
      expectAgreesOverData({ [op]: [{ var: 'x' }, { '+': [{ var: 'y' }] }] }, data);
      expectAgreesOverData(
        { and: [{ [op]: [{ var: 'x' }, { var: 'y' }] }, { [op]: [{ var: 'y' }, { var: 'x' }] }] },
        data,
      );
      expectAgreesOverData(
        { or: [{ [op]: [{ var: 'x' }, { var: 'y' }] }, { [op]: [{ var: 'y' }, { var: 'x' }] }] },
        data,
      );
      for (const constant of TRICKY) {
        const readings = TRICKY.map((x) => ({ x, p: { x } }));
        expectAgreesOverData({ [op]: [{ var: 'x' }, constant] }, readings);
        expectAgreesOverData({ [op]: [constant, { var: 'x' }] }, readings);
        expectAgreesOverData({ [op]: [{ var: 'p.x' }, constant] }, readings);
        expectAgreesOverData({ [op]: [constant, { var: 'p.x' }] }, readings);
        expectAgreesOverData({ [op]: [{ var: ['x', 0] }, constant] }, readings);
        expectAgreesOverData({ '!': { [op]: [{ var: 'x' }, constant] } }, readings);
        expectAgreesOverData({ if: [{ [op]: [{ var: 'x' }, constant] }, 'yes', 'no'] }, readings);
      }
    },
  );

  it.each(['<', '<='])('%s with three operands tests that the middle one lies between the others', (op) => {
    const values = [0, 1, 2, '1', '', null, true, [], 'a', NaN, -0];
    for (const a of values)
      for (const b of values) {
        for (const c of values) expectSameAsReference({ [op]: [a, b, c] });
        expectAgreesOverData(
          { [op]: [a, { var: 'x' }, b] },
          values.map((x) => ({ x })),
        );
      }
    expectSameAsReference({ [op]: [1, 2, { and: [] }] });
    expectSameAsReference({ [op]: [1, 2, { var: 'none' }] }, {});
  });

  agreesOn([
    [{ '==': [null, undefined] }],
    [{ '==': [[1, 2], '1,2'] }],
    [{ '==': [[], ''] }],
    [{ '==': [[], 0] }],
    [{ '==': [[0], false] }],
    [{ '===': [[1], [1]] }],
    [{ '==': [{ var: 'a' }, { var: 'a' }] }, { a: [1] }],
    [{ '===': [{ var: 'a' }, { var: 'b' }] }, { a: -0, b: 0 }],
    [{ '>': ['b', 'a'] }],
    [{ '>': ['10', '9'] }],
    [{ '>': ['10', 9] }],
    [{ '>': [{ var: 'a' }, 9] }, { a: '10' }],
    [{ '>': [9, { var: 'a' }] }, { a: '10' }],
    [{ '<': [{ var: 'a' }, 'b'] }, { a: 'a' }],
    [{ '<': ['b', { var: 'a' }] }, { a: 'a' }],
    [{ '>=': [null, 0] }],
    [{ '<=': [null, 0] }],
    [{ '>': [{ var: 'missing' }, -1] }, {}],
    [{ '>': [1] }],
    [{ '==': [] }],
    [{ '<': [{ var: 'a' }] }, { a: -1 }],
    [{ '!==': [{ var: 'a' }] }, {}],
  ]);
});

describe('truthiness follows json-logic-js: JavaScript truth, except that an empty array is false', () => {
  it('agrees for every tricky value in every test position', () => {
    const data = TRICKY.map((x) => ({ x, list: [x, x] }));
    for (const rule of [
      { if: [{ var: 'x' }, 'yes', 'no'] },
      { if: [{ var: 'x' }, 'yes'] },
      { if: [{ var: ['x', 1] }, 'yes', 'no'] },
      { '!': { var: 'x' } },
      { '!': [{ var: 'x' }] },
      { '!!': { var: 'x' } },
      { '!!': { var: 'p.x' } },
      { and: [{ var: 'x' }, 'after'] },
      { and: [true, { var: 'x' }] },
      { and: [{ var: 'x' }, { var: 'x' }, 'last'] },
      { or: [{ var: 'x' }, 'after'] },
      { or: [false, { var: 'x' }] },
      { or: [0, '', { var: 'x' }] },
      { filter: [{ var: 'list' }, { var: '' }] },
      { all: [{ var: 'list' }, { var: '' }] },
      { some: [{ var: 'list' }, { var: '' }] },
      { none: [{ var: 'list' }, { var: '' }] },
    ])
      expectAgreesOverData(rule, data);
    for (const x of TRICKY) {
      expectSameAsReference({ if: [x, 'yes', 'no'] });
      expectSameAsReference({ '!': [x] });
      expectSameAsReference({ '!!': [x] });
      expectSameAsReference({ and: [x, 'after'] });
      expectSameAsReference({ or: [x, 'after'] });
    }
  });

  agreesOn([
    [{ '!': [] }],
    [{ '!': [[]] }],
    [{ '!': [[0]] }],
    [{ '!!': [] }],
    [{ '!': [0, 1] }],
    [{ '!!': [[], 1] }],
    [{ '!': [{ var: 'a' }, { var: 'b' }] }, { a: 1, b: 0 }],
    [{ '!': { '>': [{ var: 'a' }, 1] } }, { a: 2 }],
    [{ '!!': { '>': [{ var: 'a' }, 1] } }, { a: 0 }],
    [{ '!': { var: 'a' } }, { a: [] }],
    [{ and: [] }],
    [{ or: [] }],
    [{ and: [{ var: 'a' }] }, { a: 'only' }],
    [{ or: [false, []] }],
    [{ and: [[], 1] }],
    [{ or: [[], 0] }],
    [{ and: [{ '>': [{ var: 'a' }, 1] }, { '<': [{ var: 'a' }, 5] }] }, { a: 3 }],
    [{ and: [{ '>': [{ var: 'a' }, 1] }, { '<': [{ var: 'a' }, 5] }] }, { a: 7 }],
    [{ or: [{ '>': [{ var: 'a' }, 1] }, { '<': [{ var: 'a' }, -5] }] }, { a: 0 }],
    [
      { and: [{ '>': [{ var: 'a' }, 1] }, { '<': [{ var: 'a' }, 5] }, { '!=': [{ var: 'a' }, 3] }] },
      { a: 3 },
    ],
    [{ or: [{ var: 'a' }, { var: 'b' }] }, { a: 0, b: '' }],
    [{ or: [{ var: 'a' }, { var: 'b' }] }, { a: 0, b: 'b' }],
    [{ and: [{ var: 'a' }, { var: 'b' }] }, { a: 'a', b: [] }],
  ]);
});

describe('arithmetic parses and coerces like json-logic-js', () => {
  const pairs = TRICKY.flatMap((x) => TRICKY.map((y) => [x, y] as const));
  const OPS = ['+', '-', '*', '/', '%', 'min', 'max'] as const;

  it.each(OPS)(
    '%s agrees on every pair of tricky values, folded, against a constant and between two reads',
    (op) => {
      for (const [x, y] of pairs) expectSameAsReference({ [op]: [x, y] });
      const data = pairs.map(([x, y]) => ({ x, y, p: { x } }));
      expectAgreesOverData({ [op]: [{ var: 'x' }, { var: 'y' }] }, data);
      expectAgreesOverData({ [op]: [{ var: 'p.x' }, { var: 'y' }] }, data);
      expectAgreesOverData({ [op]: [{ '-': { var: 'x' } }, { '+': [{ var: 'y' }] }] }, data);
      expectAgreesOverData({ [op]: [{ var: 'x' }] }, data);
      expectAgreesOverData({ [op]: { var: 'x' } }, data);
      expectAgreesOverData({ [op]: [{ var: 'x' }, { var: 'y' }, { var: 'x' }] }, data);
      for (const constant of TRICKY) {
        const readings = TRICKY.map((x) => ({ x, p: { x } }));
        expectAgreesOverData({ [op]: [{ var: 'x' }, constant] }, readings);
        expectAgreesOverData({ [op]: [constant, { var: 'x' }] }, readings);
        expectAgreesOverData({ [op]: [{ var: 'p.x' }, constant] }, readings);
        expectAgreesOverData({ [op]: [constant, { var: 'p.x' }] }, readings);
        expectAgreesOverData({ [op]: [{ '-': [{ var: 'x' }] }, constant] }, readings);
      }
    },
  );

  it('adds one to seven operands of every kind, read or constant', () => {
    const numbers = TRICKY.filter((value) => typeof value === 'number' || typeof value === 'string');
    for (let count = 1; count <= 7; count++)
      for (let offset = 0; offset < numbers.length; offset++) {
        const values = Array.from(
          { length: count },
          (_, index) => numbers[(offset + 3 * index) % numbers.length],
        );
        const record = Object.fromEntries(values.map((value, index) => [`v${index}`, value]));
        const reads = values.map((_, index) => ({ var: `v${index}` }));
        expectSameAsReference({ '+': values });
        expectSameAsReference({ '+': reads }, record);
        expectSameAsReference(
          { '+': reads.map((read, index) => (index % 2 === 0 ? read : values[index])) },
          record,
        );
        expectSameAsReference({ '+': reads.map((read) => ({ '-': [read] })) }, record);
        expectSameAsReference({ '+': reads.map((read) => ({ '*': [read, -1] })) }, record);
        expectSameAsReference({ '*': values.slice(0, 3) });
        expectSameAsReference({ '*': reads.slice(0, 3) }, record);
        if (count >= 3) expectSameAsReference({ '*': [...reads.slice(0, 2), values[2]] }, record);
      }
  });

  agreesOn([
    [{ '+': [] }],
    [{ '+': ['3', 4] }],
    [{ '+': ['3px', 4] }],
    [{ '+': ['abc', 1] }],
    [{ '+': [null, 1] }],
    [{ '+': [true, 1] }],
    [{ '+': [[1], [2]] }],
    [{ '+': [[1, 2], 1] }],
    [{ '+': [' 12 ', '1e3'] }],
    [{ '+': ['0x10', 1] }],
    [{ '+': ['.5', '5.'] }],
    [{ '+': ['-0'] }],
    [{ '+': [-0] }],
    [{ '+': ['Infinity', 1] }],
    [{ '+': ['-Infinity', 'Infinity'] }],
    [{ '+': [{ var: 'a' }] }, { a: -0 }],
    [{ '+': [{ var: 'a' }, { var: 'b' }] }, { a: '-0', b: -0 }],
    [{ '+': { var: 'a' } }, { a: '7 dwarfs' }],
    [{ '+': [{ var: 'a' }, 0.1, 0.2] }, { a: 0 }],
    [{ '+': [0.1, 0.2, { var: 'a' }] }, { a: 0 }],
    [{ '*': [] }],
    [{ '*': ['3'] }],
    [{ '*': [{ var: 'a' }] }, { a: '3' }],
    [{ '*': [{ var: 'a' }] }, { a: -0 }],
    [{ '*': { var: 'a' } }, { a: [2] }],
    [{ '*': [2, '3'] }],
    [{ '*': ['-0', 5] }],
    [{ '*': [['-0'], 0] }],
    [{ '*': [{ var: 'a' }, 5] }, { a: '-0' }],
    [{ '*': [{ var: 'a' }, { var: 'b' }] }, { a: -0, b: 5 }],
    [{ '*': [{ var: 'a' }, { var: 'b' }] }, { a: '-0', b: 5 }],
    [{ '*': [{ '-': { var: 'a' } }, 5] }, { a: 0 }],
    [{ '*': [-1, 0, -1] }],
    [{ '*': [{ var: 'a' }, 0, -1] }, { a: -1 }],
    [{ '*': [2, 'x'] }],
    [{ '*': [[2], [3]] }],
    [{ '*': [1e200, 1e200] }],
    [{ '-': [4, 2] }],
    [{ '-': ['4', '2'] }],
    [{ '-': ['4', []] }],
    [{ '-': [0] }],
    [{ '-': [{ var: 'a' }] }, { a: 0 }],
    [{ '-': [{ var: 'a' }] }, { a: '5' }],
    [{ '-': [{ var: 'a' }] }, { a: [] }],
    [{ '-': [] }],
    [{ '-': [null] }],
    [{ '-': ['abc'] }],
    [{ '-': [1, 2, 3] }],
    [{ '-': [{ var: 'a' }, 1, 2] }, { a: 10 }],
    // A second operand that evaluates to undefined makes "-" a negation in json-logic-js.
    [{ '-': [{ var: 'a' }, { and: [] }] }, { a: 3 }],
    [{ '-': [5, { var: '' }] }],
    [{ '-': [{ var: 'a' }, { var: '' }] }],
    [{ '-': [{ '+': [{ var: 'a' }, 1] }, { or: [] }] }, { a: 3 }],
    [{ '-': [{ var: 'a' }, { var: 'b' }] }, { a: 10, b: '4' }],
    [{ '-': [{ var: 'a.b' }, { var: 'c.d' }] }, { a: { b: 10 }, c: { d: null } }],
    [{ '/': [1, 0] }],
    [{ '/': [-1, 0] }],
    [{ '/': [0, 0] }],
    [{ '/': [1, -0] }],
    [{ '/': ['6', '3'] }],
    [{ '/': [{ var: 'a' }, { var: 'b' }] }, { a: 1, b: -0 }],
    [{ '/': [{ var: 'a' }, 2] }, { a: null }],
    [{ '/': [{ var: 'a' }] }, { a: 2 }],
    [{ '%': [-7, 2] }],
    [{ '%': [-4, 2] }],
    [{ '%': [5, 0] }],
    [{ '%': [5.5, 2] }],
    [{ '%': [{ var: 'a' }, 3] }, { a: '10' }],
    [{ max: [] }],
    [{ min: [] }],
    [{ max: ['3', 2] }],
    [{ max: [1, 'a'] }],
    [{ min: [0, -0] }],
    [{ min: [-0, 0] }],
    [{ max: [-0, 0] }],
    [{ max: [0, -0] }],
    [{ max: [-0] }],
    [{ max: [null, -1] }],
    [{ max: [[5], 2] }],
    [{ max: [[1, 2], 0] }],
    [{ max: { var: 'list' } }, { list: [1, 2, 3] }],
    [{ max: [true, 0] }],
    [{ min: { var: 'a' } }, { a: 4 }],
    [{ min: [{ var: 'a' }, { var: 'b' }, 3] }, { a: '2', b: null }],
  ]);
});

describe('map, filter, reduce, all, none and some run their rule on each item like json-logic-js', () => {
  const people = {
    people: [
      { name: 'Ann', age: 34, tags: ['vip'] },
      { name: 'Bo', age: 17, tags: [] },
      { name: 'Cy', age: 18, tags: ['new', 'vip'] },
    ],
    min: 18,
  };
  agreesOn([
    [{ map: [null, 1] }],
    [{ map: [{ var: 'missing' }, 1] }, {}],
    [{ map: ['abc', 1] }],
    [{ map: [[1, 2], { var: '' }] }],
    [{ map: [[1, 2]] }],
    [{ map: [[{ x: 1, y: 2 }], { var: 'x' }] }],
    [
      {
        map: [
          [
            [1, 2],
            [3, 4],
          ],
          { var: 1 },
        ],
      },
    ],
    [{ map: [{ var: 'rows' }, { map: [{ var: '' }, { '*': [{ var: '' }, 10] }] }] }, { rows: [[1, 2], [3]] }],
    [{ map: [{ var: 'people' }, { var: 'name' }] }, people],
    [{ map: [{ var: 'people' }, { cat: [{ var: 'name' }, ' (', { var: 'age' }, ')'] }] }, people],
    [{ map: [{ var: 'people' }, { var: 'min' }] }, people],
    [{ map: [{ var: 'people' }, { x: 1, y: 2 }] }, people],
    [{ map: [{ var: 'people' }, { in: ['vip', { var: 'tags' }] }] }, people],
    [{ map: [[1, 2, 3], { if: [{ '>': [{ var: '' }, 1] }, 'big', 'small'] }] }],
    [{ map: [[1, 2, 3], { '-': { var: '' } }] }],
    [{ map: [[0, -0, '-0'], { '*': [{ var: '' }, 1] }] }],
    [{ filter: [[0, 1, '', 'a', [], [0], null], { var: '' }] }],
    [{ filter: [{ var: 'people' }, { '>=': [{ var: 'age' }, 18] }] }, people],
    [{ filter: [{ var: 'people' }, { some: [{ var: 'tags' }, { '==': [{ var: '' }, 'vip'] }] }] }, people],
    [{ filter: [5, true] }],
    [{ filter: [[1, 2, 3]] }],
    [{ reduce: [[1, 2, 3], { '+': [{ var: 'current' }, { var: 'accumulator' }] }] }],
    [{ reduce: [[], 1, 5] }],
    [{ reduce: ['abc', 1, 5] }],
    [{ reduce: [null, 1] }],
    [{ reduce: [[1, 2], { var: 'accumulator' }] }],
    [{ reduce: [[1, 2, 3], { cat: [{ var: 'accumulator' }, { var: 'current' }] }, ''] }],
    [{ reduce: [[1, 2], { var: 'accumulator' }, { var: 'start' }] }, { start: 'S' }],
    [{ reduce: [[1], { var: 'outer' }, 0] }, { outer: 5 }],
    [{ reduce: [[1, 2], { and: [] }, { and: [] }] }],
    [{ reduce: [{ var: 'people' }, { max: [{ var: 'accumulator' }, { var: 'current.age' }] }, 0] }, people],
    [
      { reduce: [{ var: 'people' }, { merge: [{ var: 'accumulator' }, { var: 'current.tags' }] }, []] },
      people,
    ],
    [{ reduce: [[[1, 2], [3]], { merge: [{ var: 'accumulator' }, { var: 'current' }] }, []] }],
    [{ reduce: [[1, 2, 3], { '*': [{ var: 'accumulator' }, { var: 'current' }] }, 1] }],
    [{ all: [[], true] }],
    [{ none: [[], true] }],
    [{ some: [[], true] }],
    [{ all: [null, true] }],
    [{ none: ['abc', true] }],
    [{ some: [{ x: 1, y: 2 }, true] }],
    [{ all: [[1, 0], { var: '' }] }],
    [{ all: [[[], [1]], { var: '' }] }],
    [{ some: [[[], [0]], { var: '' }] }],
    [{ none: [[[], 0, ''], { var: '' }] }],
    [{ all: [[1, 2]] }],
    [{ some: [[1, 2]] }],
    [{ none: [[1, 2]] }],
    [{ all: [{ var: 'people' }, { '>': [{ var: 'age' }, 10] }] }, people],
    [{ all: [{ var: 'people' }, { '>=': [{ var: 'age' }, 18] }] }, people],
    [{ none: [{ var: 'people' }, { '==': [{ var: 'name' }, 'Zed'] }] }, people],
    [{ some: [{ var: 'people' }, { all: [{ var: 'tags' }, { '==': [{ var: '' }, 'vip'] }] }] }, people],
    [{ all: [{ map: [{ var: 'people' }, { var: 'age' }] }, { '>': [{ var: '' }, 0] }] }, people],
  ]);
});

describe('merge, in, cat and substr work on lists and text like json-logic-js', () => {
  agreesOn([
    [{ merge: [] }],
    [{ merge: 1 }],
    [{ merge: [[1], [[2]]] }],
    [{ merge: [null, [null]] }],
    [{ merge: [{ var: 'a' }, { var: 'b' }] }, { a: [1], b: 2 }],
    [{ merge: [{ var: 'a' }, { var: 'a' }] }, { a: [1, [2]] }],
    [{ merge: [{ x: 1, y: 2 }] }],
    [{ merge: ['ab', ['c']] }],
    [{ merge: [[-0], NaN] }],
    [{ in: ['x', null] }],
    [{ in: ['x', 5] }],
    [{ in: ['a', true] }],
    [{ in: ['x', { x: 1, y: 2 }] }],
    [{ in: [1, ['1']] }],
    [{ in: [1, '123'] }],
    [{ in: ['', 'abc'] }],
    [{ in: ['', ''] }],
    [{ in: [null, [null]] }],
    [{ in: [null, 'null'] }],
    [{ in: [[1], '1'] }],
    [{ in: [[1], [[1]]] }],
    [{ in: [NaN, [NaN]] }],
    [{ in: [-0, [0]] }],
    [{ in: ['a', []] }],
    [{ in: ['a'] }],
    [{ in: ['a', { var: 'tags' }] }, { tags: ['a', 'b'] }],
    [{ in: [{ var: 'x' }, 'abc'] }, { x: 'b' }],
    [{ in: [{ var: 'x' }, { var: 'list' }] }, { x: 2, list: [1, 2] }],
    [{ in: [{ var: 'x' }, { var: 'list' }] }, { x: '2', list: [1, 2] }],
    [{ cat: [] }],
    [{ cat: 'x' }],
    [{ cat: [null, 'a'] }],
    [{ cat: [1, true, false] }],
    [
      {
        cat: [
          [1, 2],
          [3, [4, 5]],
        ],
      },
    ],
    [{ cat: [[null, 1], [undefined]] }],
    [{ cat: [-0] }],
    [{ cat: [NaN, Infinity] }],
    [{ cat: [0.1, 1e21, 1e-7] }],
    [{ cat: [{ x: 1, y: 2 }] }],
    [{ cat: [{ var: 'a' }, { var: 'b' }] }, { a: null, b: [null, 1] }],
    [{ cat: [{ var: 'a' }, { var: 'b' }] }, { a: -0, b: [-0] }],
    [{ cat: [{ var: 'a' }, 1.5] }, { a: 'x' }],
    [{ cat: [{ var: 'a' }] }, { a: null }],
    [{ cat: [{ var: 'a' }, { var: 'b' }, { var: 'c' }] }, { a: 'a', c: true }],
    [{ cat: [{ var: 'a' }, ''] }, { a: { x: 1, y: 2 } }],
    [{ substr: ['jsonlogic', 0] }],
    [{ substr: ['jsonlogic', 20] }],
    [{ substr: ['jsonlogic', -20] }],
    [{ substr: ['jsonlogic', 1, 0] }],
    [{ substr: ['jsonlogic', 1, -20] }],
    [{ substr: ['jsonlogic', '2', '3'] }],
    [{ substr: ['jsonlogic', 1.7, 2.9] }],
    [{ substr: ['jsonlogic', 'x', 2] }],
    [{ substr: ['jsonlogic', Infinity] }],
    [{ substr: ['jsonlogic', -Infinity, 2] }],
    [{ substr: ['jsonlogic', 2, Infinity] }],
    [{ substr: ['jsonlogic', 2, NaN] }],
    [{ substr: [12345, 1, 2] }],
    [{ substr: [null, 1] }],
    [{ substr: ['abc'] }],
    [{ substr: [] }],
    [{ substr: ['abc', null, null] }],
    [{ substr: ['abc', 1, '-1'] }],
    [{ substr: ['abcdef', 1, [-2]] }],
    [{ substr: [[1, 2, 3], 2] }],
    [{ substr: ['héllo wörld', 1, 3] }],
    [{ substr: ['😀ab', 1] }],
    [{ substr: [{ var: 's' }, { var: 'i' }, { var: 'n' }] }, { s: 'abcdef', i: -3, n: -1 }],
    [{ substr: [{ var: 's' }, { var: 'i' }] }, { s: 'abcdef', i: '2' }],
  ]);
});

describe('literals and arrays evaluate like json-logic-js', () => {
  agreesOn([
    [1],
    ['a'],
    [null],
    [true],
    [-0],
    [NaN],
    [[]],
    [[[1, [2]]]],
    [[1, { var: 'a' }], { a: 2 }],
    [[{ var: 'a' }, { var: 'b' }], { a: 1, b: 2 }],
    [[{ var: 'a' }, [{ var: 'b' }, 3]], { a: 1, b: 2 }],
    [{}],
    [{ a: 1, b: 2 }],
    [{ a: { var: 'x' }, b: 2 }, { x: 1 }],
    [{ var: 'x', cat: 'y' }, { x: 1 }],
    [{ if: [{ var: 'a' }, { x: { var: 'a' }, y: 2 }, [{ x: 1, y: 2 }]] }, { a: 1 }],
  ]);
});

describe('failures: where json-logic-js throws, ours throws a LogicError', () => {
  const hostile = { toString: 1, valueOf: 2 };
  agreesOn([
    [{ '*': [] }],
    [{ if: [{ var: 'a' }, { '*': [] }, 1] }, { a: true }],
    [{ nope: 1 }],
    [{ missing_some: [1] }, {}],
    [{ cat: [{ var: 'o' }] }, { o: hostile }],
    [{ cat: [{ var: 'o' }, 'x'] }, { o: hostile }],
    [{ '+': [{ var: 'o' }] }, { o: hostile }],
    [{ '*': [{ var: 'o' }, 2] }, { o: hostile }],
    [{ '-': [{ var: 'o' }, 2] }, { o: hostile }],
    [{ '==': [{ var: 'o' }, 'x'] }, { o: hostile }],
    [{ '<': [{ var: 'o' }, 1] }, { o: hostile }],
    [{ max: [{ var: 'o' }, 1] }, { o: hostile }],
    [{ in: [{ var: 'o' }, 'x'] }, { o: hostile }],
    [{ substr: [{ var: 'o' }, 1] }, { o: hostile }],
    [{ var: { var: 'o' } }, { o: hostile }],
    [{ var: [{ x: 1, toString: 'no' }] }, {}],
    [{ var: ['a', { '*': [] }] }, { a: 1 }],
    [{ map: [[1], { '*': [] }] }],
    // Operands an operation ignores are still evaluated, so a failing one fails the rule.
    [{ '!': [0, { '*': [] }] }],
    [{ '!!': [{ var: 'a' }, { '*': [] }] }, { a: 1 }],
    [{ var: ['a', 1, { '*': [] }] }, { a: 1 }],
    [{ missing_some: [1, ['a'], { '*': [] }] }, {}],
    [{ log: [1, { '*': [] }] }],
  ]);

  it('names the problem of a value JavaScript cannot convert', () => {
    expect(() => applyLogic({ cat: [{ var: 'o' }] }, { o: hostile })).toThrow(
      expect.objectContaining({ code: 'invalidArgument' }),
    );
  });
});

describe('log', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('returns its value like json-logic-js, but hands it to options.log instead of printing it', () => {
    const printed = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const rule = { log: { '+': [{ var: 'a' }, 1] } };
    expect(jsonLogic.apply(rule, { a: 1 })).toBe(2);
    expect(printed).toHaveBeenCalledWith(2);
    printed.mockClear();

    const log = vi.fn();
    expect(compileLogic(rule, { log })({ a: 1 })).toBe(2);
    expect(log).toHaveBeenCalledWith(2);
    expect(applyLogic(rule, { a: 1 })).toBe(2);
    expect(printed).not.toHaveBeenCalled();
  });

  it('logs each item of a loop in order, and its argument sugar and emptiness behave like json-logic-js', () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const log = vi.fn();
    const evaluate = compileLogic({ map: [{ var: 'list' }, { log: { var: '' } }] }, { log });
    expect(evaluate({ list: ['a', 'b'] })).toEqual(['a', 'b']);
    expect(log.mock.calls).toEqual([['a'], ['b']]);
    for (const rule of [
      { log: 'apple' },
      { log: ['apple'] },
      { log: [] },
      { log: [[1, 2]] },
      { log: [1, 2] },
    ])
      expectSameAsReference(rule);
  });
});

describe('results that every evaluation shares', () => {
  it('are frozen, so a caller changing one result cannot change the next', () => {
    for (const rule of [
      [1, 2],
      { merge: [[1], [2]] },
      { if: [{ var: 'x' }, [1, 2], [3]] },
      { merge: [{ if: [{ var: 'x' }, [1], [2]] }, 2] },
    ]) {
      const evaluate = compileLogic(rule);
      const first = evaluate({ x: true }) as unknown[];
      expect(() => first.push(9)).toThrow(TypeError);
      expect(evaluate({ x: true })).toStrictEqual(jsonLogic.apply(rule as never, { x: true }));
    }
  });

  it('are fresh arrays whenever they are built from the data', () => {
    const evaluate = compileLogic({ map: [{ var: 'list' }, { var: '' }] });
    const data = { list: [1, 2] };
    const first = evaluate(data) as unknown[];
    first.push(3);
    expect(evaluate(data)).toStrictEqual([1, 2]);
  });
});

describe('deliberate deviations from json-logic-js', () => {
  // Paths never reach JavaScript internals: __proto__, constructor and prototype segments, and inherited methods,
  // read as "not found" (null or the default) instead of prototypes and functions.
  const internals: readonly Case[] = [
    [{ var: '__proto__' }, {}],
    [{ var: 'constructor' }, {}],
    [{ var: 'constructor.name' }, {}],
    [{ var: 'a.constructor' }, { a: [] }],
    [{ var: 'constructor.prototype' }, {}],
    [{ var: '__proto__.toString' }, {}],
    [{ var: 'toString' }, {}],
    [{ var: 'toString.name' }, {}],
    [{ var: 'toString.length' }, {}],
    [{ var: 'hasOwnProperty' }, { a: 1 }],
    [{ var: 'a.push' }, { a: [] }],
    [{ var: 'a.toUpperCase' }, { a: 'text' }],
    [{ var: 'a.toFixed.length' }, { a: 5 }],
    [{ var: { cat: ['__pro', 'to__'] } }, {}],
    [{ var: [{ cat: ['constructor', '.name'] }, 'safe'] }, {}],
    // Blocked even when the data owns such a key (JSON.parse makes "__proto__" an own key).
    [{ var: 'a.prototype' }, { a: { prototype: 5 } }],
    [{ var: '__proto__.x' }, JSON.parse('{"__proto__": {"x": 1}}') as unknown],
  ];
  it.each(internals.map(([rule, data]): [string, unknown, unknown] => [show(rule), rule, data]))(
    'var %s reads not found instead of JavaScript internals',
    (_label, rule, data) => {
      const expected = reference(rule, data);
      expect(
        expected.threw ? undefined : expected.value,
        'json-logic-js reads something here',
      ).not.toBeNull();
      const [path, fallback] = Array.isArray((rule as { var: unknown }).var)
        ? ((rule as { var: unknown[] }).var as [unknown, unknown])
        : [(rule as { var: unknown }).var, null];
      expect(path).toBeDefined();
      expect(applyLogic(rule, data)).toBe(fallback);
      expect(compileLogic(rule)(data)).toBe(fallback);
      const withDefault = { var: [path, 'default'] };
      expect(applyLogic(withDefault, data)).toBe('default');
    },
  );

  it('counts an inherited method as missing', () => {
    expect(jsonLogic.apply({ missing: ['toString', 'a'] }, {})).toEqual(['a']);
    expect(applyLogic({ missing: ['toString', 'a'] }, {})).toEqual(['toString', 'a']);
  });

  // Operators are checked at compile time, so an unknown one fails even in a branch that json-logic-js never reaches,
  // and dotted names are never looked up on the operations table (json-logic-js tries, and fails differently).
  const unknown = [
    'nope',
    'Math.max',
    'var.call',
    'var.prototype',
    '+.length',
    'if.x',
    'toString',
    'constructor',
    'hasOwnProperty',
    'valueOf',
    '__proto__',
    'If',
    '',
  ];
  it.each(unknown)('"%s" is an unknown operator, reported as a LogicError', (name) => {
    // A computed key makes even "__proto__" an own key, as JSON.parse does.
    const rule = { [name]: [1, 2] };
    expect(reference(rule, {}).threw).toBe(true);
    expect(() => compileLogic(rule)).toThrow(LogicError);
    expect(() => applyLogic(rule)).toThrow(expect.objectContaining({ code: 'unknownOperator' }));
  });

  it('rejects an unknown operator in a branch that would never run', () => {
    const rule = { if: [true, 'fine', { nope: 1 }] };
    expect(jsonLogic.apply(rule as never)).toBe('fine');
    expect(() => compileLogic(rule)).toThrow(expect.objectContaining({ code: 'unknownOperator' }));
  });

  it('never runs data as a rule: keys handed to missing are read as paths', () => {
    const rule = { missing: { var: 'keys' } };
    const data = { keys: [{ var: 'name' }], name: 'keys' };
    // json-logic-js evaluates {"var": {"var": "name"}}, i.e. reads the path that the data names.
    expect(jsonLogic.apply(rule, data)).toEqual([]);
    expect(applyLogic(rule, data)).toEqual([{ var: 'name' }]);
  });

  it('answers false for "in" on an object with an indexOf key, where json-logic-js calls it and fails', () => {
    const rule = { in: ['x', { var: 'o' }] };
    const data = { o: { indexOf: 1, x: 2 } };
    expect(reference(rule, data).threw).toBe(true);
    expect(applyLogic(rule, data)).toBe(false);
  });
});
