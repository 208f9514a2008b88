// Whole-table evaluation: every formula of every record in dependency order, stored as JSON, only changes reported.
import { describe, expect, it } from 'vitest';
import {
  evaluateTable,
  keyTypesOf,
  prepareTableEvaluation,
  requestEnv,
  storedErrorValue,
  toStoredValue,
  type TableEvaluationRequest,
  type TableFormula,
  type TableRecord,
} from '../../src/engine/evaluate-table';
import { DIV0, NA } from '../../src/engine/formula/values';
import type { Field } from '../../src/engine/model';

/** 2026-11-22T09:30:00Z; in Asia/Shanghai it is already 17:30 that day. */
const NOW = Date.UTC(2026, 10, 22, 9, 30);
const day = (year: number, month: number, date: number): number => Date.UTC(year, month - 1, date);

const v = (fieldId: string): { var: string } => ({ var: fieldId });

/** Listed tier-first on purpose: tier reads score, which must be computed before it. */
const tier: TableFormula = {
  id: 'tier',
  name: 'Tier',
  expression: { if: [{ '>=': [v('score'), 100] }, 'gold', 'silver'] },
  resultType: 'text',
};
const score: TableFormula = { id: 'score', name: 'Score', expression: { '*': [v('spend'), 2] } };
const perVisit: TableFormula = { id: 'perVisit', expression: { DIVIDE: [v('spend'), v('visits')] } };
const perVisitPlusOne: TableFormula = { id: 'perVisitPlusOne', expression: { ADD: [v('perVisit'), 1] } };
const renewal: TableFormula = { id: 'renewal', expression: { EDATE: [v('signup'), 12] }, resultType: 'date' };
const renewalYear: TableFormula = { id: 'renewalYear', expression: { YEAR: [v('renewal')] } };
const daysSince: TableFormula = { id: 'daysSince', expression: { DAYS: [{ TODAY: [] }, v('signup')] } };

const keyTypes = { spend: 'number', visits: 'number', signup: 'date', name: 'text' } as const;

function request(fields: readonly TableFormula[], records: readonly TableRecord[]): TableEvaluationRequest {
  return { fields, keyTypes, timeZone: 'UTC', now: NOW, records };
}

function evaluated(fields: readonly TableFormula[], records: readonly TableRecord[]) {
  const result = evaluateTable(request(fields, records));
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('evaluateTable', () => {
  it('computes every formula after the formulas it reads, whatever order they are listed in', () => {
    const { changes, errors } = evaluated(
      [tier, score],
      [
        { id: 'r1', values: { spend: 80 } },
        { id: 'r2', values: { spend: 20 } },
      ],
    );

    expect(changes).toEqual([
      { id: 'r1', changes: { score: 160, tier: 'gold' } },
      { id: 'r2', changes: { score: 40, tier: 'silver' } },
    ]);
    expect(errors).toEqual([]);
  });

  it('reports only the values that differ from the stored ones, and leaves out records with none', () => {
    const { changes } = evaluated(
      [tier, score],
      [
        { id: 'same', values: { spend: 80, score: 160, tier: 'gold' } },
        { id: 'scoreOnly', values: { spend: 60, score: 100, tier: 'gold' } },
      ],
    );

    expect(changes).toEqual([{ id: 'scoreOnly', changes: { score: 120 } }]);
  });

  it('treats a blank result and an absent value as the same, but clears a stale value', () => {
    const blank: TableFormula = { id: 'nickname', expression: v('alias') };

    const { changes } = evaluated(
      [blank],
      [
        { id: 'absent', values: {} },
        { id: 'stale', values: { nickname: 'Old' } },
      ],
    );

    expect(changes).toEqual([{ id: 'stale', changes: { nickname: null } }]);
  });

  it('stores dates as epoch ms and reads date fields and date formulas back as dates', () => {
    const { changes } = evaluated(
      [renewalYear, renewal],
      [{ id: 'r1', values: { signup: day(2025, 12, 15) } }],
    );

    expect(changes).toEqual([{ id: 'r1', changes: { renewal: day(2026, 12, 15), renewalYear: 2026 } }]);
  });

  it('reads a stored date formula it does not recompute as a date, when its key type says so', () => {
    const records = [{ id: 'r1', values: { renewal: day(2030, 1, 31) } }];

    const typed = evaluateTable({ ...request([renewalYear], records), keyTypes: { renewal: 'date' } });
    const untyped = evaluateTable({ ...request([renewalYear], records), keyTypes: {} });

    expect(typed.ok && typed.value.changes).toEqual([{ id: 'r1', changes: { renewalYear: 2030 } }]);
    // Without the type, epoch ms are read as an Excel serial number far beyond year 9999.
    expect(untyped.ok && untyped.value.changes).toEqual([
      { id: 'r1', changes: { renewalYear: { error: '#NUM!' } } },
    ]);
  });

  it('gives every record the same TODAY(), read in the requested time zone', () => {
    const records = [
      { id: 'r1', values: { signup: day(2026, 11, 20) } },
      { id: 'r2', values: { signup: day(2026, 11, 1) } },
    ];

    const utc = evaluateTable(request([daysSince], records));
    // At 09:30 UTC on the 22nd it is 23:30 on the 21st in Honolulu.
    const honolulu = evaluateTable({ ...request([daysSince], records), timeZone: 'Pacific/Honolulu' });

    expect(utc.ok && utc.value.changes).toEqual([
      { id: 'r1', changes: { daysSince: 2 } },
      { id: 'r2', changes: { daysSince: 21 } },
    ]);
    expect(honolulu.ok && honolulu.value.changes).toEqual([
      { id: 'r1', changes: { daysSince: 1 } },
      { id: 'r2', changes: { daysSince: 20 } },
    ]);
  });

  it('stores error values as { error } objects, and formulas reading them get the error', () => {
    const { changes } = evaluated(
      [perVisitPlusOne, perVisit],
      [
        { id: 'none', values: { spend: 50, visits: 0 } },
        { id: 'some', values: { spend: 50, visits: 5 } },
      ],
    );

    expect(changes).toEqual([
      { id: 'none', changes: { perVisit: { error: '#DIV/0!' }, perVisitPlusOne: { error: '#DIV/0!' } } },
      { id: 'some', changes: { perVisit: 10, perVisitPlusOne: 11 } },
    ]);
  });

  it('does not rewrite an error that is already stored', () => {
    const { changes } = evaluated(
      [perVisit],
      [{ id: 'r1', values: { spend: 50, visits: 0, perVisit: { error: '#DIV/0!' } } }],
    );

    expect(changes).toEqual([]);
  });

  it('reads a stored error of a formula it does not recompute as that error', () => {
    const failed: TableFormula = { id: 'failed', expression: { ISERROR: [v('perVisit')] } };
    const fallback: TableFormula = { id: 'fallback', expression: { IFERROR: [v('perVisit'), 'n/a'] } };

    const { changes } = evaluated(
      [failed, fallback],
      [
        { id: 'error', values: { perVisit: { error: '#DIV/0!' } } },
        { id: 'number', values: { perVisit: 4 } },
      ],
    );

    expect(changes).toEqual([
      { id: 'error', changes: { failed: true, fallback: 'n/a' } },
      { id: 'number', changes: { failed: false, fallback: 4 } },
    ]);
  });

  it('never stores NaN or Infinity: they become #NUM!', () => {
    const product: TableFormula = { id: 'product', expression: { '*': [v('name'), 2] } };
    const ratio: TableFormula = { id: 'ratio', expression: { '/': [v('spend'), v('visits')] } };

    const { changes } = evaluated(
      [product, ratio],
      [{ id: 'r1', values: { name: 'Li', spend: 5, visits: 0 } }],
    );

    expect(changes).toEqual([
      { id: 'r1', changes: { product: { error: '#NUM!' }, ratio: { error: '#NUM!' } } },
    ]);
    expect(JSON.parse(JSON.stringify(changes))).toEqual(changes);
  });

  it('reports a formula that does not compile once, leaves its values alone and computes the others', () => {
    const broken: TableFormula = { id: 'broken', expression: { NOSUCHFUNCTION: [v('spend')] } };
    const readsBroken: TableFormula = { id: 'readsBroken', expression: { cat: [v('broken'), '!'] } };

    const { changes, errors } = evaluated(
      [broken, readsBroken, score],
      [
        { id: 'r1', values: { spend: 1, broken: 'kept' } },
        { id: 'r2', values: { spend: 2 } },
      ],
    );

    expect(errors).toEqual([
      expect.objectContaining({
        fieldId: 'broken',
        phase: 'compile',
        code: 'unknownOperator',
        recordCount: 0,
      }),
    ]);
    expect(changes).toEqual([
      { id: 'r1', changes: { readsBroken: 'kept!', score: 2 } },
      { id: 'r2', changes: { readsBroken: '!', score: 4 } },
    ]);
  });

  it('reports a formula that fails on some records once, with how many, and keeps their stored values', () => {
    const shout: TableFormula = {
      id: 'shout',
      expression: { map: [v('tags'), { cat: [{ var: '' }, '!'] }] },
    };
    const count: TableFormula = { id: 'count', expression: { COUNTA: [v('shout')] } };
    const many = Array.from({ length: 20 }, (_, index) => `t${index}`);

    const result = evaluateTable(
      request(
        [shout, count],
        [
          { id: 'few', values: { tags: ['a', 'b'] } },
          { id: 'many1', values: { tags: many, shout: ['old'] } },
          { id: 'many2', values: { tags: many } },
        ],
      ),
      { steps: 10 },
    );

    expect(result.ok && result.value.errors).toEqual([
      expect.objectContaining({
        fieldId: 'shout',
        phase: 'run',
        code: 'tooMuchWork',
        recordCount: 2,
        recordId: 'many1',
      }),
    ]);
    expect(result.ok && result.value.changes).toEqual([
      { id: 'few', changes: { shout: ['a!', 'b!'], count: 2 } },
      { id: 'many1', changes: { count: 1 } },
      { id: 'many2', changes: { count: 0 } },
    ]);
  });

  it('returns formulas that read each other in a loop as an error, named by field, instead of throwing', () => {
    const a: TableFormula = { id: 'a', name: 'Health', expression: { '+': [v('b'), 1] } };
    const b: TableFormula = { id: 'b', name: 'Risk', expression: { '+': [v('a'), 1] } };

    const result = evaluateTable(request([score, a, b], [{ id: 'r1', values: { spend: 1 } }]));

    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatchObject({
      kind: 'cycle',
      fieldIds: ['a', 'b', 'a'],
      cycle: 'Health → Risk → Health',
    });
  });

  it('refuses an unknown time zone up front', () => {
    const result = evaluateTable({ ...request([daysSince], []), timeZone: 'Mars/Olympus_Mons' });

    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatchObject({ kind: 'timeZone', timeZone: 'Mars/Olympus_Mons' });
  });

  it('keeps field ids such as "__proto__" as plain keys of the changes', () => {
    const odd: TableFormula = { id: '__proto__', expression: { '+': [v('spend'), 1] } };

    const { changes } = evaluated([odd], [{ id: 'r1', values: { spend: 1 } }]);

    const first = changes[0]?.changes ?? {};
    expect(Object.hasOwn(first, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(first, '__proto__')?.value).toBe(2);
    expect(Object.getPrototypeOf(first)).toBe(Object.prototype);
  });
});

describe('prepareTableEvaluation', () => {
  const records: TableRecord[] = Array.from({ length: 7 }, (_, index) => ({
    id: `r${index}`,
    values: { spend: index * 20, visits: index % 3, score: index === 3 ? 120 : null },
  }));
  const fields = [tier, perVisitPlusOne, score, perVisit];

  function prepared() {
    const result = prepareTableEvaluation({
      fields,
      keyTypes,
      env: requestEnv({ now: NOW, timeZone: 'UTC' }),
    });
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  }

  it('gives the computing order, dependencies first', () => {
    expect(prepared().order).toEqual(['score', 'tier', 'perVisit', 'perVisitPlusOne']);
  });

  it('gives chunk by chunk exactly what one pass over all records gives', () => {
    const evaluation = prepared();
    const chunked = [
      ...evaluation.evaluateRange(records, { from: 0, to: 3 }),
      ...evaluation.evaluateRange(records, { from: 3, to: 6 }),
      ...evaluation.evaluateRange(records, { from: 6, to: 9 }),
    ];

    expect(chunked).toEqual(evaluated(fields, records).changes);
    expect(chunked.map((record) => record.id)).toEqual(records.map((record) => record.id));
  });

  it('evaluates nothing outside the records it is given', () => {
    const evaluation = prepared();

    expect(evaluation.evaluateRange(records, { from: 7, to: 20 })).toEqual([]);
    expect(evaluation.evaluateRange(records, { from: -5, to: 1 }).map((record) => record.id)).toEqual(['r0']);
  });
});

describe('toStoredValue', () => {
  it('turns dates into epoch ms, errors into { error } and blanks into null, inside lists too', () => {
    expect(toStoredValue(new Date(day(2024, 2, 29)))).toBe(day(2024, 2, 29));
    expect(toStoredValue(DIV0)).toEqual({ error: '#DIV/0!' });
    expect(toStoredValue(undefined)).toBeNull();
    expect(toStoredValue([new Date(0), NA, undefined, 'x'])).toEqual([0, { error: '#N/A' }, null, 'x']);
    expect(toStoredValue({ due: new Date(0), left: Number.NaN })).toEqual({
      due: 0,
      left: { error: '#NUM!' },
    });
  });

  it('stores what JSON cannot hold as an error instead', () => {
    expect(toStoredValue(new Date(Number.NaN))).toEqual({ error: '#VALUE!' });
    expect(toStoredValue(-Infinity)).toEqual({ error: '#NUM!' });
    expect(toStoredValue(new Map())).toEqual({ error: '#VALUE!' });
    expect(Object.is(toStoredValue(-0), 0)).toBe(true);
  });

  it('stops at deeply nested lists instead of copying them', () => {
    let nested: unknown = 1;
    for (let level = 0; level < 100; level++) nested = [nested];

    let stored = toStoredValue(nested);
    let depth = 0;
    while (Array.isArray(stored)) {
      stored = stored[0] ?? null;
      depth++;
    }
    expect(depth).toBe(64);
    expect(stored).toEqual({ error: '#VALUE!' });
  });
});

describe('storedErrorValue', () => {
  it('recognizes exactly a stored error object', () => {
    expect(storedErrorValue({ error: '#DIV/0!' })).toBe(DIV0);
    expect(storedErrorValue({ error: '#OOPS' })).toBeUndefined();
    expect(storedErrorValue({ error: '#N/A', note: 'x' })).toBeUndefined();
    expect(storedErrorValue(['#N/A'])).toBeUndefined();
    expect(storedErrorValue('#N/A')).toBeUndefined();
  });
});

describe('keyTypesOf', () => {
  it('types each field by its kind, and a formula by its result type', () => {
    const fields: Field[] = [
      { id: 'name', name: 'Name', kind: 'text' },
      { id: 'notes', name: 'Notes', kind: 'longText' },
      { id: 'spend', name: 'Spend', kind: 'number' },
      { id: 'vip', name: 'VIP', kind: 'checkbox' },
      { id: 'signup', name: 'Signup', kind: 'date' },
      { id: 'renewal', name: 'Renewal', kind: 'formula', expression: null, resultType: 'date' },
      { id: 'anything', name: 'Anything', kind: 'formula', expression: null },
    ];

    expect(keyTypesOf(fields)).toEqual({
      name: 'text',
      notes: 'text',
      spend: 'number',
      vip: 'boolean',
      signup: 'date',
      renewal: 'date',
      anything: 'any',
    });
  });
});
