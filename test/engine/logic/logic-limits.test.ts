// Hostile rules and data: the depth, size and work limits answer with a LogicError quickly instead of a stack overflow,
// a hang or a polluted prototype, while long but legitimate rules still compile and run in linear time.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyLogic, compileLogic, LogicError } from '../../../src/engine';
import type { LogicErrorCode } from '../../../src/engine';
import { DEFAULT_LIMITS } from '../../../src/engine/logic';
import { expectAgreement, expectSameAsReference, outcome, reference } from './reference';

/** Generous bounds (ms) for work that takes a few tens of milliseconds, so a busy machine does not fail them. */
const QUICK_MS = 2_000;

function failure(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

/** Runs `run`, expecting a LogicError with `code` within QUICK_MS; returns the error. */
function expectLogicError(run: () => unknown, code: LogicErrorCode): LogicError {
  const start = performance.now();
  const error = failure(run);
  expect(performance.now() - start).toBeLessThan(QUICK_MS);
  expect(error).toBeInstanceOf(LogicError);
  expect((error as LogicError).code).toBe(code);
  return error as LogicError;
}

/** `leaf` wrapped `depth` times, built in a loop (a recursive builder would overflow before the engine does). */
function nest(depth: number, wrap: (inner: unknown) => unknown, leaf: unknown = 1): unknown {
  let value = leaf;
  for (let level = 0; level < depth; level++) value = wrap(value);
  return value;
}

const WRAPPERS: readonly (readonly [string, (inner: unknown) => unknown])[] = [
  ['!', (inner) => ({ '!': inner })],
  ['an else branch', (inner) => ({ if: [{ var: 'a' }, 1, inner] })],
  ['a var default', (inner) => ({ var: ['a', inner] })],
  ['a literal array', (inner) => [inner]],
  ['and', (inner) => ({ and: [inner] })],
  ['a map body', (inner) => ({ map: [[1], inner] })],
  ['+', (inner) => ({ '+': [1, inner] })],
  ['cat', (inner) => ({ cat: inner })],
];

describe('nesting depth', () => {
  it.each(WRAPPERS)(
    'a rule nested 100,000 levels deep in %s fails with tooDeep, not a RangeError',
    (_name, wrap) => {
      const rule = nest(100_000, wrap);
      const error = expectLogicError(() => compileLogic(rule), 'tooDeep');
      expect(error.params.limit).toBe(DEFAULT_LIMITS.depth);
      expectLogicError(() => applyLogic(rule, { a: 0 }), 'tooDeep');
    },
  );

  it('accepts exactly the configured depth', () => {
    const bang = (inner: unknown): unknown => ({ '!': inner });
    expect(applyLogic(nest(DEFAULT_LIMITS.depth, bang, true))).toBe(true);
    expectLogicError(() => compileLogic(nest(DEFAULT_LIMITS.depth + 1, bang, true)), 'tooDeep');
    expect(compileLogic(nest(6, bang, true), { limits: { depth: 6 } })()).toBe(true);
    expectLogicError(() => compileLogic(nest(7, bang, true), { limits: { depth: 6 } }), 'tooDeep');
  });

  const deep = nest(100_000, (inner) => [inner], []);
  const rules: readonly unknown[] = [
    { cat: [{ var: 'd' }] },
    { cat: [{ var: 'd' }, 'x'] },
    { cat: ['x', { var: 'd' }, 'y'] },
    { '==': [{ var: 'd' }, 'x'] },
    { '<': [{ var: 'd' }, 1, 2] },
    { '+': [{ var: 'd' }] },
    { '*': [{ var: 'd' }, 2] },
    { max: [{ var: 'd' }, 1] },
    { substr: [{ var: 'd' }, 1] },
    { missing: { var: 'd' } },
    { var: { var: 'd' } },
  ];
  it.each(rules)(
    '%j on data nested 100,000 levels deep fails with a LogicError, not a RangeError',
    (rule) => {
      const expected = reference(rule, { d: deep });
      expect(expected.threw && expected.error, 'json-logic-js overflows the stack').toBeInstanceOf(
        RangeError,
      );
      expectLogicError(() => applyLogic(rule, { d: deep }), 'tooDeep');
      const evaluate = compileLogic(rule);
      expectLogicError(() => evaluate({ d: deep }), 'tooDeep');
      // The failure leaves nothing behind: the same compiled rule still works on ordinary data.
      expect(() => evaluate({ d: [1] })).not.toThrow();
    },
  );
});

describe('rule size', () => {
  const million = 1_000_000;
  const huge: readonly (readonly [string, unknown])[] = [
    ['a sum', { '+': new Array<number>(million).fill(1) }],
    ['a literal array', new Array<string>(million).fill('x')],
    ['an and', { and: new Array<boolean>(million).fill(true) }],
    ['an if-chain', { if: new Array<unknown>(million).fill({ var: 'a' }) }],
    ['arrays of arrays', Array.from({ length: 1_000 }, () => new Array<number>(1_000).fill(0))],
  ];
  it.each(huge)('%s of a million parts fails with tooLarge', (_name, rule) => {
    const error = expectLogicError(() => compileLogic(rule), 'tooLarge');
    expect(error.params.limit).toBe(DEFAULT_LIMITS.nodes);
  });

  it('accepts exactly the configured number of parts', () => {
    // The operation is one part and each operand another.
    expect(compileLogic({ '+': new Array<number>(9).fill(1) }, { limits: { nodes: 10 } })()).toBe(9);
    expectLogicError(
      () => compileLogic({ '+': new Array<number>(10).fill(1) }, { limits: { nodes: 10 } }),
      'tooLarge',
    );
  });

  it('runs min and max of 150,000 operands without spreading them onto the stack', () => {
    const operands = Array.from({ length: 150_000 }, (_, index) => (index % 7) - 3);
    expect(applyLogic({ max: operands })).toBe(3);
    expect(applyLogic({ min: [...operands, { var: 'x' }] }, { x: '-9' })).toBe(-9);
  });

  it('merges 90,000 lists in linear time', () => {
    const lists = Array.from({ length: 90_000 }, (_, index) => [index]);
    const start = performance.now();
    const merged = applyLogic({ merge: lists }) as number[];
    expect(performance.now() - start).toBeLessThan(QUICK_MS);
    expect(merged).toHaveLength(90_000);
    expect(merged[89_999]).toBe(89_999);
    expectSameAsReference({ merge: lists.slice(0, 500) });
  });
});

describe('long if-chains', () => {
  const BRANCHES = 10_000;
  const data = [0, 1, BRANCHES / 2, BRANCHES - 1, BRANCHES, '42', null].map((x) => ({ x, k7: 1, k9999: x }));
  const chains: readonly (readonly [string, (index: number) => readonly [unknown, unknown]])[] = [
    ['constant results on one key', (index) => [{ '==': [{ var: 'x' }, index] }, `value ${String(index)}`]],
    ['constant results on many keys', (index) => [{ var: `k${String(index)}` }, index]],
    ['computed results', (index) => [{ '===': [{ var: 'x' }, index] }, { '+': [{ var: 'x' }, index] }]],
  ];
  it.each(chains)(
    'with %s compile and run without recursion, with and without an else',
    { timeout: 30_000 },
    (_name, branch) => {
      const args = Array.from({ length: BRANCHES }, (_, index) => branch(index)).flat();
      for (const rule of [{ if: args }, { if: [...args, 'else'] }]) {
        const start = performance.now();
        const evaluate = compileLogic(rule);
        for (const item of data)
          expectAgreement(
            outcome(() => evaluate(item)),
            reference(rule, item),
          );
        expect(performance.now() - start).toBeLessThan(QUICK_MS);
      }
    },
  );
});

describe('work per evaluation', () => {
  const list = Array.from({ length: 1_000 }, (_, index) => index);
  it('stops a map inside a map inside a map over 1,000 items with tooMuchWork', () => {
    const rule = {
      map: [
        { var: 'list' },
        { map: [{ var: 'list' }, { map: [{ var: 'list' }, { '+': [{ var: '' }, 1] }] }] },
      ],
    };
    // Inside the first map the item is the data, so the inner lists come from the items themselves.
    const data = { list: list.map(() => ({ list: list.map(() => ({ list })) })) };
    const error = expectLogicError(() => applyLogic(rule, data), 'tooMuchWork');
    expect(error.params.limit).toBe(DEFAULT_LIMITS.steps);
  });

  it('counts the steps of nested loops together and starts afresh on every evaluation', () => {
    const rule = { map: [{ var: 'rows' }, { filter: [{ var: '' }, { var: '' }] }] };
    const evaluate = compileLogic(rule, { limits: { steps: 10 } });
    // Three rows of two items: 3 + 6 = 9 steps.
    const small = {
      rows: [
        [1, 0],
        [2, 3],
        [0, 0],
      ],
    };
    expect(evaluate(small)).toStrictEqual([[1], [2, 3], []]);
    expect(evaluate(small)).toStrictEqual([[1], [2, 3], []]);
    // Three rows of three items: 3 + 9 = 12 steps.
    expectLogicError(
      () =>
        evaluate({
          rows: [
            [1, 2, 3],
            [1, 2, 3],
            [1, 2, 3],
          ],
        }),
      'tooMuchWork',
    );
    expect(evaluate(small)).toStrictEqual([[1], [2, 3], []]);
  });

  it('counts every kind of loop', () => {
    const options = { limits: { steps: 3 } };
    const items = { list: [1, 2, 3, 4] };
    for (const rule of [
      { map: [{ var: 'list' }, 1] },
      { filter: [{ var: 'list' }, 1] },
      { reduce: [{ var: 'list' }, 1, 0] },
      { all: [{ var: 'list' }, 1] },
      { none: [{ var: 'list' }, 0] },
      { some: [{ var: 'list' }, 0] },
    ]) {
      expectLogicError(() => compileLogic(rule, options)(items), 'tooMuchWork');
      const evaluate = compileLogic(rule, options);
      expectAgreement(
        outcome(() => evaluate({ list: [1, 2, 3] })),
        reference(rule, { list: [1, 2, 3] }),
      );
    }
  });
});

describe('prototypes', () => {
  const data = JSON.parse(
    '{"__proto__": {"polluted": "yes"}, "a": {"constructor": {"prototype": {"polluted": "yes"}}}, "list": [{"__proto__": {"x": 1}, "y": 2}]}',
  ) as unknown;
  const reads: readonly unknown[] = [
    { var: '__proto__.polluted' },
    { var: '__proto__' },
    { var: 'a.constructor.prototype.polluted' },
    { var: 'a.__proto__.polluted' },
    { var: 'list.0.__proto__.x' },
    { var: 'constructor.prototype.polluted' },
    { var: { cat: ['__proto__', '.', 'polluted'] } },
  ];
  it.each(reads)('%j reads null instead of a prototype', (rule) => {
    expect(applyLogic(rule, data)).toBeNull();
    expect(compileLogic(rule)(data)).toBeNull();
  });

  it('are never modified by any rule over data full of __proto__, constructor and prototype keys', () => {
    const owners = [
      Object.prototype,
      Array.prototype,
      String.prototype,
      Function.prototype,
      Number.prototype,
    ];
    const before = owners.map((owner) => Object.getOwnPropertyNames(owner).sort());
    const key = fc.constantFrom(
      '__proto__',
      'constructor',
      'prototype',
      'polluted',
      'x',
      '__proto__.polluted',
    );
    const json = fc.json({ maxDepth: 3 }).map((text) => JSON.parse(text) as unknown);
    const hostileData = fc
      .tuple(key, key, json)
      .map(
        ([outer, inner, value]) =>
          JSON.parse(`{"${outer}": {"${inner}": ${JSON.stringify(value)}}}`) as unknown,
      );
    const rule = fc.letrec<{ rule: unknown }>((tie) => ({
      rule: fc.oneof(
        { maxDepth: 4 },
        key.map((path) => ({ var: path })),
        fc.tuple(key, key).map(([first, second]) => ({ var: `${first}.${second}` })),
        fc
          .tuple(
            fc.constantFrom('merge', 'map', 'filter', 'reduce', 'cat', 'in', 'missing', 'if', 'var', 'or'),
            fc.array(tie('rule'), { maxLength: 3 }),
          )
          .map(([name, args]) => ({ [name]: args })),
        json,
      ),
    })).rule;
    fc.assert(
      fc.property(rule, hostileData, (r, d) => {
        try {
          applyLogic(r, d);
        } catch (error) {
          expect(error).toBeInstanceOf(LogicError);
        }
      }),
      { numRuns: 1_000 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(owners.map((owner) => Object.getOwnPropertyNames(owner).sort())).toStrictEqual(before);
  });
});

describe('results that grow without bound', () => {
  it('stops a reduce that doubles its list every step instead of exhausting memory', () => {
    const doubling = {
      reduce: [{ var: 'steps' }, { merge: [{ var: 'accumulator' }, { var: 'accumulator' }] }, [1]],
    };
    const steps = Array.from({ length: 60 }, (_, index) => index);
    expect(() => applyLogic(doubling, { steps })).toThrow(expect.objectContaining({ code: 'tooMuchWork' }));
  });

  it('reports a string too long for JavaScript as too large, not as too deep', () => {
    const doubling = {
      reduce: [{ var: 'steps' }, { cat: [{ var: 'accumulator' }, { var: 'accumulator' }] }, 'ab'],
    };
    const steps = Array.from({ length: 40 }, (_, index) => index);
    expect(() => applyLogic(doubling, { steps })).toThrow(expect.objectContaining({ code: 'tooLarge' }));
  });
});
