// Recomputing one record: only the formulas a change reaches run, in dependency order, and only new values come back.
import { describe, expect, it } from 'vitest';
import {
  buildDependencyGraph,
  recomputeRecord,
  sameValue,
  type ComputedField,
  type RecordStep,
  type RecordValues,
} from '../../../src/engine/graph';

const TABLE = 'tbl-customers';

interface Formula {
  readonly fieldId: string;
  readonly reads: readonly string[];
  readonly evaluate: (values: RecordValues) => unknown;
}

const num = (values: RecordValues, fieldId: string): number => Number(values[fieldId] ?? 0);

/** Builds the record steps the way storage will: the graph's plan for the table, each with its compiled formula. */
function stepsFor(formulas: readonly Formula[], calls: string[] = []): RecordStep[] {
  const fields: ComputedField[] = formulas.map(({ fieldId, reads }) => ({
    tableId: TABLE,
    fieldId,
    name: fieldId,
    dependsOn: reads.map((id) => ({ tableId: TABLE, fieldId: id })),
  }));
  const graph = buildDependencyGraph(fields);
  if (!graph.ok) throw new Error('Unexpected cycle');
  const byId = new Map(formulas.map((formula) => [formula.fieldId, formula]));
  return graph.value.recordPlan(TABLE).map((step) => ({
    ...step,
    evaluate: (values: RecordValues) => {
      calls.push(step.fieldId);
      const formula = byId.get(step.fieldId);
      if (formula === undefined) throw new Error(`No formula ${step.fieldId}`);
      return formula.evaluate(values);
    },
  }));
}

/** top = spend × 2; left = top + 1; right = top + visits; bottom = left + right; name2 = name twice. */
const diamond: Formula[] = [
  { fieldId: 'bottom', reads: ['left', 'right'], evaluate: (v) => num(v, 'left') + num(v, 'right') },
  { fieldId: 'right', reads: ['top', 'visits'], evaluate: (v) => num(v, 'top') + num(v, 'visits') },
  { fieldId: 'left', reads: ['top'], evaluate: (v) => num(v, 'top') + 1 },
  { fieldId: 'top', reads: ['spend'], evaluate: (v) => num(v, 'spend') * 2 },
  { fieldId: 'name2', reads: ['name'], evaluate: (v) => `${String(v.name)}${String(v.name)}` },
];

const stored = { spend: 10, visits: 3, name: 'Li', top: 20, left: 21, right: 23, bottom: 44, name2: 'LiLi' };

describe('recomputeRecord', () => {
  it('evaluates a diamond in dependency order, each formula once, feeding each result to the next', () => {
    const calls: string[] = [];

    const changes = recomputeRecord(stepsFor(diamond, calls), { ...stored, spend: 100 }, ['spend']);

    expect(calls).toEqual(['top', 'right', 'left', 'bottom']);
    expect(changes).toEqual({ top: 200, right: 203, left: 201, bottom: 404 });
  });

  it('runs only the formulas the change reaches', () => {
    const calls: string[] = [];

    const changes = recomputeRecord(stepsFor(diamond, calls), { ...stored, visits: 5 }, ['visits']);

    expect(calls).toEqual(['right', 'bottom']);
    expect(changes).toEqual({ right: 25, bottom: 46 });
  });

  it('returns only values that differ, and stops where a result did not change', () => {
    const calls: string[] = [];
    const steps = stepsFor(
      [
        { fieldId: 'isBig', reads: ['spend'], evaluate: (v) => num(v, 'spend') > 50 },
        { fieldId: 'label', reads: ['isBig'], evaluate: (v) => (v.isBig === true ? 'big' : 'small') },
      ],
      calls,
    );

    const changes = recomputeRecord(steps, { spend: 20, isBig: false, label: 'small' }, ['spend']);

    expect(changes).toEqual({});
    expect(calls).toEqual(['isBig']);
  });

  it("evaluates every formula for 'all', as for a new record", () => {
    const calls: string[] = [];

    const changes = recomputeRecord(stepsFor(diamond, calls), { spend: 1, visits: 0, name: 'A' }, 'all');

    expect(calls).toEqual(['top', 'right', 'left', 'bottom', 'name2']);
    expect(changes).toEqual({ top: 2, right: 2, left: 3, bottom: 5, name2: 'AA' });
  });

  it('evaluates stale formulas, such as a rollup whose linked records changed, and what reads them', () => {
    const calls: string[] = [];
    const steps = stepsFor(
      [
        { fieldId: 'total', reads: ['orders'], evaluate: () => 75 },
        { fieldId: 'tier', reads: ['total'], evaluate: (v) => (num(v, 'total') > 50 ? 'gold' : 'silver') },
      ],
      calls,
    );

    const changes = recomputeRecord(steps, { orders: ['o1'], total: 40, tier: 'silver' }, [], ['total']);

    expect(calls).toEqual(['total', 'tier']);
    expect(changes).toEqual({ total: 75, tier: 'gold' });
  });

  it('does not recompute a changed computed field, only what reads it', () => {
    const calls: string[] = [];

    const changes = recomputeRecord(stepsFor(diamond, calls), { ...stored, left: 0 }, ['left']);

    expect(calls).toEqual(['bottom']);
    expect(changes).toEqual({ bottom: 23 });
  });

  it('leaves the given values untouched', () => {
    const values = Object.freeze({ ...stored, spend: 100 });

    recomputeRecord(stepsFor(diamond), values, ['spend']);

    expect(values).toEqual({ ...stored, spend: 100 });
  });

  it('stores a result under a field id such as "__proto__" as a plain value', () => {
    const steps: RecordStep[] = [
      { fieldId: '__proto__', reads: ['a'], evaluate: () => ({ polluted: true }) },
    ];

    const changes = recomputeRecord(steps, { a: 1 }, ['a']);

    expect(Object.keys(changes)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(changes)).toBe(Object.prototype);
  });

  it('hands formulas values without a prototype, so a field id such as "constructor" reads only the record', () => {
    const steps: RecordStep[] = [
      { fieldId: 'check', reads: ['a'], evaluate: (values) => typeof values.constructor },
    ];

    expect(recomputeRecord(steps, { a: 1 }, ['a'])).toEqual({ check: 'undefined' });
  });

  it('recomputes a chain of 10,000 formulas from its first input', () => {
    const formulas: Formula[] = Array.from({ length: 10_000 }, (_, at) => {
      const input = at === 0 ? 'start' : `f${at - 1}`;
      return { fieldId: `f${at}`, reads: [input], evaluate: (v) => num(v, input) + 1 };
    });

    const changes = recomputeRecord(stepsFor(formulas), { start: 5 }, ['start']);

    expect(Object.keys(changes)).toHaveLength(10_000);
    expect(changes.f9999).toBe(10_005);
  });
});

describe('sameValue', () => {
  it.each([
    [1, 1],
    [Number.NaN, Number.NaN],
    ['a', 'a'],
    [null, null],
    [undefined, undefined],
    [new Date(86_400_000), new Date(86_400_000)],
    [
      [1, ['x', { a: true }]],
      [1, ['x', { a: true }]],
    ],
    [
      { a: [1], b: null },
      { b: null, a: [1] },
    ],
  ])('treats %j and %j as the same', (left, right) => {
    expect(sameValue(left, right)).toBe(true);
  });

  it.each([
    [1, '1'],
    [0, -0],
    [null, undefined],
    [new Date(0), 0],
    [new Date(0), new Date(1)],
    [[1, 2], [1]],
    [[1], { 0: 1 }],
    [{ a: 1 }, { a: 1, b: undefined }],
    [{ a: undefined }, { b: undefined }],
    [{ a: { b: 1 } }, { a: { b: 2 } }],
  ])('tells %j and %j apart', (left, right) => {
    expect(sameValue(left, right)).toBe(false);
  });

  it('compares other objects (class instances such as error values, which are singletons) by identity', () => {
    class Code {
      constructor(readonly code: string) {}
    }
    const na = new Code('#N/A');
    expect(sameValue(na, na)).toBe(true);
    expect(sameValue(na, new Code('#N/A'))).toBe(false);
    expect(sameValue(na, { code: '#N/A' })).toBe(false);
  });
});
