// Property tests of the JSONLogic core: random rules over random data agree with json-logic-js 2.0.5, and arbitrary
// JSON, operators included, either evaluates or fails with a LogicError, never with anything else and never slowly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyLogic, LogicError } from '../../../src/engine';
import { expectSameAsReference } from './reference';

/** Cases per property (each case compiles and evaluates several times, and runs json-logic-js once). */
const RUNS = 3_000;

// ---------------------------------------------------------------------------------------------------------------
// Data: scalars whose coercions differ, lists, and records. Records have no key or several: json-logic-js runs a
// one-key object that reaches `missing` as a rule (data as code), which ours deliberately never does.

const TRICKY_NUMBERS = [0, -0, 1, -1, 2, 3, 0.5, -2.5, 10, 100, 1e21, 1e-7, Infinity, -Infinity, NaN];
const TRICKY_TEXTS = [
  '',
  '0',
  '-0',
  '1',
  '2',
  '2.5',
  ' 3 ',
  '1e3',
  '0x10',
  'abc',
  'a',
  'null',
  'true',
  'a,b',
  'x.y',
];

const number = fc.oneof(fc.integer({ min: -10, max: 10 }), fc.constantFrom(...TRICKY_NUMBERS), fc.double());
const text = fc.oneof(fc.constantFrom(...TRICKY_TEXTS), fc.string({ maxLength: 4 }));
const scalar = fc.oneof(number, text, fc.boolean(), fc.constant(null));

const value: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { maxDepth: 3 },
    scalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.record({ x: tie('value'), y: scalar }, { noNullPrototype: true }),
    fc.constant({}),
    // Objects JavaScript cannot turn into text or numbers: json-logic-js fails on them, ours with a LogicError.
    fc.constant({ toString: 1, valueOf: 'x' }),
  ),
})).value;

const record = fc.record(
  { a: value, b: value, n: number, s: text, list: fc.array(value, { maxLength: 5 }), obj: value },
  { requiredKeys: ['n', 's'], noNullPrototype: true },
);
const data = fc.oneof(
  { weight: 8, arbitrary: record },
  { weight: 1, arbitrary: value },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

// ---------------------------------------------------------------------------------------------------------------
// Rules: every standard operation except log (json-logic-js prints), in the shapes the compiler treats specially.

const KEYS = [
  'a',
  'b',
  'n',
  's',
  'list',
  'obj',
  'obj.x',
  'obj.y',
  'a.x',
  'list.0',
  'list.1',
  'list.0.x',
  'x',
  'y',
  '',
  'current',
  'accumulator',
  'nope',
  'a.nope.deeper',
  '0',
  '1',
  'length',
  's.length',
  'list.length',
];
const key = fc.constantFrom(...KEYS);

const COMPARISONS = ['==', '===', '!=', '!==', '>', '>=', '<', '<='] as const;
const ARITHMETIC = ['+', '-', '*', '/', '%', 'min', 'max'] as const;
const UNARY = ['!', '!!', '-', '+', '*', 'cat', 'min', 'max', 'merge', 'missing', 'var'] as const;
const LOOPS = ['map', 'filter', 'all', 'none', 'some'] as const;

/** A literal usable in a rule (an object with one key would be an operation). */
const literal = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }));

function withElse(args: readonly unknown[], otherwise: unknown): unknown[] {
  return otherwise === null ? [...args] : [...args, otherwise];
}

const rule: fc.Arbitrary<unknown> = fc.letrec<{ rule: unknown; test: unknown; chain: unknown }>((tie) => {
  const sub = tie('rule');
  const args = (min: number, max: number): fc.Arbitrary<unknown[]> =>
    fc.array(sub, { minLength: min, maxLength: max });
  const operation = (names: readonly string[], min: number, max: number): fc.Arbitrary<unknown> =>
    fc.tuple(fc.constantFrom(...names), args(min, max)).map(([name, list]) => ({ [name]: list }));
  const read = fc.oneof(
    key.map((path) => ({ var: path })),
    key.map((path) => ({ var: [path] })),
    fc.tuple(key, sub).map(([path, fallback]) => ({ var: [path, fallback] })),
    sub.map((path) => ({ var: path })),
  );
  // A record key compared with a constant: what bands are made of.
  const keyTest = fc
    .tuple(fc.constantFrom(...COMPARISONS), key, scalar)
    .map(([name, path, constant]) => ({ [name]: [{ var: path }, constant] }));
  const anyChain = fc
    .tuple(
      fc.array(fc.tuple(tie('test'), fc.oneof(scalar, sub)), { minLength: 1, maxLength: 5 }),
      fc.option(fc.oneof(scalar, sub)),
      fc.constantFrom('if', '?:'),
    )
    .map(([pairs, otherwise, name]) => ({ [name]: withElse(pairs.flat(), otherwise) }));
  const sameKeyChain = fc
    .tuple(
      key,
      fc.array(fc.tuple(fc.constantFrom(...COMPARISONS), scalar, scalar), { minLength: 1, maxLength: 6 }),
      fc.option(scalar),
    )
    .map(([path, tests, otherwise]) => ({
      if: withElse(
        tests.flatMap(([name, constant, result]) => [{ [name]: [{ var: path }, constant] }, result]),
        otherwise,
      ),
    }));
  // Operations on a chain, which the compiler folds into the chain's constants.
  const onChain = fc
    .tuple(
      fc.constantFrom(...ARITHMETIC, ...COMPARISONS, 'cat', 'merge', 'in', '!', '!!'),
      tie('chain'),
      literal,
      fc.boolean(),
    )
    .map(([name, chain, constant, chainFirst]) => ({
      [name]: chainFirst ? [chain, constant] : [constant, chain],
    }));
  const connectives = fc
    .tuple(fc.constantFrom('and', 'or'), fc.array(tie('test'), { minLength: 2, maxLength: 4 }))
    .map(([name, list]) => ({ [name]: list }));
  const source = fc.oneof(
    key.map((path) => ({ var: path })),
    fc.array(fc.oneof(scalar, fc.record({ x: scalar, y: scalar }, { noNullPrototype: true })), {
      maxLength: 4,
    }),
    sub,
  );
  const loop = fc
    .tuple(fc.constantFrom(...LOOPS), source, sub)
    .map(([name, list, body]) => ({ [name]: [list, body] }));
  const reduce = fc
    .tuple(source, sub, fc.option(sub))
    .map(([list, body, initial]) => ({ reduce: withElse([list, body], initial) }));
  return {
    test: fc.oneof(keyTest, sub),
    chain: fc.oneof(anyChain, sameKeyChain),
    rule: fc.oneof(
      { maxDepth: 4, depthIdentifier: 'rule' },
      literal,
      read,
      read,
      operation(COMPARISONS, 2, 2),
      operation(['<', '<='], 3, 3),
      operation(ARITHMETIC, 1, 3),
      operation(['+'], 0, 7),
      operation(['*'], 1, 3),
      fc.tuple(fc.constantFrom(...UNARY), sub).map(([name, argument]) => ({ [name]: argument })),
      operation(['and', 'or'], 0, 4),
      operation(['cat', 'merge', 'missing', 'in', 'substr'], 0, 3),
      fc.tuple(fc.integer({ min: -1, max: 4 }), fc.array(key, { maxLength: 4 })).map(([need, keys]) => ({
        missing_some: [need, keys],
      })),
      operation(['missing_some'], 0, 2),
      anyChain,
      sameKeyChain,
      keyTest,
      onChain,
      connectives,
      loop,
      reduce,
      args(0, 3),
      fc.record({ p: sub, q: literal }, { noNullPrototype: true }),
      fc.constant({}),
    ),
  };
}).rule;

describe('random rules over random data', () => {
  it('agree with json-logic-js, value for value and failure for failure', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(rule, data, (r, d) => {
        expectSameAsReference(r, d);
      }),
      { numRuns: RUNS },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Arbitrary JSON: objects are often operations (known or not), and keys that JavaScript treats specially are common.

const OPERATORS = [
  'var',
  'missing',
  'missing_some',
  'if',
  '?:',
  '==',
  '===',
  '!=',
  '!==',
  '!',
  '!!',
  'or',
  'and',
  '>',
  '>=',
  '<',
  '<=',
  'max',
  'min',
  '+',
  '-',
  '*',
  '/',
  '%',
  'map',
  'filter',
  'reduce',
  'all',
  'none',
  'some',
  'merge',
  'in',
  'cat',
  'substr',
  'log',
];
const NOT_OPERATORS = [
  'nope',
  'Math.max',
  'var.prototype',
  '+.length',
  '__proto__',
  'constructor',
  'toString',
  '',
];
const SPECIAL_KEYS = ['toString', 'valueOf', 'indexOf', 'length', '__proto__', 'constructor', 'x', 'y'];

/** JSON as JSON.parse makes it (plain prototypes, "__proto__" as an own key). */
const json = fc.json({ maxDepth: 4 }).map((source) => JSON.parse(source) as unknown);

const hostile: fc.Arbitrary<unknown> = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { maxDepth: 5, depthIdentifier: 'hostile' },
    json,
    fc.array(tie('node'), { maxLength: 4 }),
    fc
      .tuple(
        fc.constantFrom(...OPERATORS, ...NOT_OPERATORS),
        fc.oneof(tie('node'), fc.array(tie('node'), { maxLength: 4 })),
      )
      .map(([name, args]) => ({ [name]: args })),
    fc.dictionary(fc.constantFrom(...SPECIAL_KEYS), tie('node'), { maxKeys: 3, noNullPrototype: true }),
  ),
})).node;

describe('arbitrary JSON as a rule, over arbitrary JSON as data', () => {
  it('evaluates or fails with a LogicError, and does so quickly', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(hostile, hostile, (r, d) => {
        const start = performance.now();
        try {
          applyLogic(r, d);
        } catch (error) {
          expect(error).toBeInstanceOf(LogicError);
        }
        // Generous: each case takes well under a millisecond.
        expect(performance.now() - start).toBeLessThan(2_000);
      }),
      { numRuns: RUNS },
    );
  });
});
