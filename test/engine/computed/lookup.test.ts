// Lookups and rollups over linked records: values listed and flattened, every aggregate, filters as a view filter
// group and as a formula, envelope times, errors, and the whole-table column recompute.
import { describe, expect, it } from 'vitest';
import type { Field, JsonValue, Table } from '../../../src/engine';
import {
  computeLookups,
  linkedIds,
  lookupTargetTableIds,
  prepareLookups,
  recomputeLookupColumn,
  type LinkedRecord,
} from '../../../src/engine/computed/lookup';

const ENV = { now: Date.UTC(2026, 0, 15), timeZone: 'UTC' };
const DAY = 86_400_000;

const orders: Table = {
  id: 'orders',
  name: 'Orders',
  createdAt: 0,
  updatedAt: 0,
  version: 1,
  views: [],
  fields: [
    { id: 'title', name: 'Title', kind: 'text' },
    { id: 'amount', name: 'Amount', kind: 'number' },
    { id: 'day', name: 'Day', kind: 'date' },
    {
      id: 'status',
      name: 'Status',
      kind: 'singleSelect',
      options: [
        { id: 'opt-paid', name: 'Paid', color: 'green' },
        { id: 'opt-open', name: 'Open', color: 'gray' },
      ],
    },
    { id: 'tags', name: 'Tags', kind: 'multiSelect', options: [] },
    { id: 'created', name: 'Created', kind: 'createdTime' },
    { id: 'customer', name: 'Customer', kind: 'link', targetTableId: 'customers', multiple: false },
  ],
};

function customers(extra: Field[]): Table {
  return {
    id: 'customers',
    name: 'Customers',
    createdAt: 0,
    updatedAt: 0,
    version: 1,
    views: [],
    fields: [
      { id: 'name', name: 'Name', kind: 'text' },
      { id: 'orders', name: 'Orders', kind: 'link', targetTableId: 'orders', multiple: true },
      ...extra,
    ],
  };
}

function order(id: string, values: Record<string, JsonValue>, createdAt = 0): LinkedRecord {
  return { id, values, createdAt, updatedAt: createdAt };
}

const O1 = order(
  'o1',
  { title: 'A', amount: 100, day: Date.UTC(2026, 0, 3), status: 'opt-paid', tags: ['x'] },
  10,
);
const O2 = order(
  'o2',
  { title: 'B', amount: 50, day: Date.UTC(2026, 0, 9), status: 'opt-open', tags: ['y', 'z'] },
  30,
);
const O3 = order('o3', { title: '', amount: null, status: 'opt-paid' }, 20);

function rollup(id: string, aggregate: string, targetFieldId?: string, filter?: JsonValue): Field {
  return {
    id,
    name: id,
    kind: 'rollup',
    linkFieldId: 'orders',
    aggregate: aggregate as 'count',
    ...(targetFieldId === undefined ? {} : { targetFieldId }),
    ...(filter === undefined ? {} : { filter }),
  };
}

const lookup = (id: string, targetFieldId: string): Field => ({
  id,
  name: id,
  kind: 'lookup',
  linkFieldId: 'orders',
  targetFieldId,
});

function compute(fields: Field[], linked: readonly LinkedRecord[], stored: Record<string, JsonValue> = {}) {
  return computeLookups(
    customers(fields),
    { values: { orders: linked.map((record) => record.id), ...stored } },
    new Map([['orders', linked]]),
    [orders],
    ENV,
  );
}

describe('lookups', () => {
  it('lists the target field of the linked records in link order, flattening lists and leaving blanks out', () => {
    expect(
      compute(
        [lookup('titles', 'title'), lookup('tagList', 'tags'), lookup('amounts', 'amount')],
        [O2, O1, O3],
      ),
    ).toEqual({ titles: ['B', 'A'], tagList: ['y', 'z', 'x'], amounts: [50, 100] });
  });

  it('is blank without linked records and reports only values that differ from the stored ones', () => {
    expect(compute([lookup('titles', 'title')], [])).toEqual({});
    expect(compute([lookup('titles', 'title')], [], { titles: ['old'] })).toEqual({ titles: null });
    expect(compute([lookup('titles', 'title')], [O1], { titles: ['A'] })).toEqual({});
  });

  it('reads created times from the linked record envelope', () => {
    expect(compute([lookup('when', 'created')], [O1, O2])).toEqual({ when: [10, 30] });
  });

  it('leaves out lookups whose link or target field is unknown', () => {
    const broken: Field = { id: 'x', name: 'x', kind: 'lookup', linkFieldId: 'nope', targetFieldId: 'title' };
    expect(compute([broken, lookup('y', 'missing')], [O1])).toEqual({});
  });
});

describe('rollups', () => {
  it('counts linked records, or those with a value in the target field', () => {
    expect(compute([rollup('n', 'count'), rollup('withAmount', 'count', 'amount')], [O1, O2, O3])).toEqual({
      n: 3,
      withAmount: 2,
    });
  });

  it('sums, averages and finds min and max of numbers', () => {
    expect(
      compute(
        [
          rollup('sum', 'sum', 'amount'),
          rollup('avg', 'average', 'amount'),
          rollup('min', 'min', 'amount'),
          rollup('max', 'max', 'amount'),
        ],
        [O1, O2, O3],
      ),
    ).toEqual({ sum: 150, avg: 75, min: 50, max: 100 });
  });

  it('gives 0 for a sum and blank for the other aggregates over no values', () => {
    const fields = [
      rollup('sum', 'sum', 'amount'),
      rollup('avg', 'average', 'amount'),
      rollup('min', 'min', 'amount'),
      rollup('n', 'count'),
    ];
    expect(compute(fields, [O3], { avg: 1, min: 1 })).toEqual({ sum: 0, avg: null, min: null, n: 1 });
  });

  it('finds the earliest and latest dates, and of created times', () => {
    expect(
      compute(
        [
          rollup('first', 'earliest', 'day'),
          rollup('last', 'latest', 'day'),
          rollup('firstCreated', 'earliest', 'created'),
        ],
        [O1, O2, O3],
      ),
    ).toEqual({ first: Date.UTC(2026, 0, 3), last: Date.UTC(2026, 0, 9), firstCreated: 10 });
  });

  it('passes a stored formula error among the values on as the result', () => {
    const bad = order('o4', { amount: { error: '#DIV/0!' } });
    expect(compute([rollup('sum', 'sum', 'amount'), rollup('n', 'count')], [O1, bad])).toEqual({
      sum: { error: '#DIV/0!' },
      n: 2,
    });
  });

  it('filters linked records with a formula, reading selects by option name', () => {
    const paid = { '==': [{ var: 'status' }, 'Paid'] };
    expect(
      compute(
        [rollup('paidSum', 'sum', 'amount', paid), rollup('paidCount', 'count', undefined, paid)],
        [O1, O2, O3],
      ),
    ).toEqual({ paidSum: 100, paidCount: 2 });
  });

  it('filters with formulas that read dates and TODAY()', () => {
    // Orders of the last 10 days before 2026-01-15: only the one of 2026-01-09.
    const recent = { '>=': [{ var: 'day' }, { '-': [{ TODAY: [] }, 10 * DAY] }] };
    const result = compute([rollup('recent', 'count', undefined, recent)], [O1, O2, O3]);
    expect(result).toEqual({ recent: 1 });
  });

  it('filters with a view filter group (option ids, as the condition builder stores them)', () => {
    const group = {
      id: 'g',
      conjunction: 'and',
      conditions: [
        { id: 'c1', fieldId: 'status', operator: 'is', value: 'opt-paid' },
        { id: 'c2', fieldId: 'amount', operator: 'gt', value: 10 },
      ],
    };
    expect(
      compute(
        [rollup('bigPaid', 'sum', 'amount', group), rollup('n', 'count', undefined, group)],
        [O1, O2, O3],
      ),
    ).toEqual({ bigPaid: 100, n: 1 });
  });

  it('stores #VALUE! when the filter formula does not compile or the target field is gone', () => {
    expect(
      compute([rollup('bad', 'count', undefined, { nosuchop: [1] }), rollup('gone', 'sum', 'deleted')], [O1]),
    ).toEqual({ bad: { error: '#VALUE!' }, gone: { error: '#VALUE!' } });
  });
});

describe('whole-table recompute and helpers', () => {
  it('recomputes a column over every record, resolving ids through the target records and skipping unknown ids', () => {
    const table = customers([rollup('total', 'sum', 'amount'), lookup('titles', 'title')]);
    const byId = new Map([O1, O2, O3].map((record) => [record.id, record]));
    const records = [
      { id: 'c1', values: { orders: ['o1', 'o2', 'ghost'] } },
      { id: 'c2', values: { orders: null, total: 0 } },
      { id: 'c3', values: { orders: ['o3'], total: 0 } },
    ];
    expect(recomputeLookupColumn(table, records, new Map([['orders', byId]]), [orders], ENV)).toEqual([
      { id: 'c1', changes: { total: 150, titles: ['A', 'B'] } },
    ]);
  });

  it('names the link fields and target tables the lookups read', () => {
    const table = customers([rollup('total', 'sum', 'amount')]);
    expect(prepareLookups(table, [orders], ENV).linkFieldIds).toEqual(['orders']);
    expect(lookupTargetTableIds(table)).toEqual(['orders']);
    expect(lookupTargetTableIds(customers([]))).toEqual([]);
  });

  it('reads link values as distinct string ids', () => {
    expect(linkedIds(['a', 'b', 'a', 3, null])).toEqual(['a', 'b']);
    expect(linkedIds(null)).toEqual([]);
    expect(linkedIds('a')).toEqual([]);
  });

  it('follows a link to records of its own table', () => {
    const people: Table = {
      id: 'people',
      name: 'People',
      createdAt: 0,
      updatedAt: 0,
      version: 1,
      views: [],
      fields: [
        { id: 'name', name: 'Name', kind: 'text' },
        { id: 'friends', name: 'Friends', kind: 'link', targetTableId: 'people', multiple: true },
        {
          id: 'friendNames',
          name: 'Friend names',
          kind: 'lookup',
          linkFieldId: 'friends',
          targetFieldId: 'name',
        },
      ],
    };
    const ann = { id: 'ann', values: { name: 'Ann', friends: ['bob'] } };
    const bob = { id: 'bob', values: { name: 'Bob', friends: ['ann'] } };
    const byId = new Map([ann, bob].map((record) => [record.id, record]));
    expect(recomputeLookupColumn(people, [ann, bob], new Map([['people', byId]]), [], ENV)).toEqual([
      { id: 'ann', changes: { friendNames: ['Bob'] } },
      { id: 'bob', changes: { friendNames: ['Ann'] } },
    ]);
  });
});
