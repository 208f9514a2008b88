// Grouping (order, counts, sums and averages, rows in sort order inside groups), quick search, and runQuery.
import { describe, expect, it } from 'vitest';
import { compileSearch, groupRows, runQuery, summableFields } from '../../../src/engine/query';
import { condition, DAY, ENV, FIELDS, FIELDS_BY_ID, group, RECORDS } from './fixtures';

const table = { fields: FIELDS };
const field = (id: string) => {
  const found = FIELDS_BY_ID.get(id);
  if (!found) throw new Error(id);
  return found;
};

describe('groupRows', () => {
  const customers = [
    { tier: 'General', spend: 10 },
    { tier: 'High value', spend: 2000 },
    { tier: 'Potential', spend: 200 },
    { tier: 'High value', spend: 1000 },
    { tier: null, spend: 5 },
    { tier: 'General', spend: null },
  ];

  it('groups a tier in rule order with counts, sums and averages, blanks last', () => {
    const { order, groups } = groupRows(customers, field('tier'), ENV, { aggregateFields: [field('spend')] });
    expect(groups.map((g) => [g.value, g.label, g.count, g.start])).toEqual([
      ['high', 'High value', 2, 0],
      ['potential', 'Potential', 1, 2],
      ['fallback', 'General', 2, 3],
      [null, undefined, 1, 5],
    ]);
    expect(groups[0]?.aggregates.spend).toEqual({ sum: 3000, average: 1500, count: 2 });
    expect(groups[2]?.aggregates.spend).toEqual({ sum: 10, average: 10, count: 1 });
    // Rows keep their input (sorted) order inside each group.
    expect(order).toEqual([1, 3, 2, 0, 5, 4]);
  });

  it('groups other values sorted (descending when asked), dates by day in the time zone', () => {
    const numbers = groupRows(
      [{ n: 2 }, { n: 1 }, { n: 2 }, {}],
      { id: 'n', name: 'N', kind: 'number' },
      ENV,
      {
        direction: 'desc',
      },
    );
    expect(numbers.groups.map((g) => [g.value, g.count])).toEqual([
      [2, 2],
      [1, 1],
      [null, 1],
    ]);
    const logins = groupRows(
      RECORDS.map((record) => record.values),
      field('lastLogin'),
      ENV,
    );
    expect(logins.groups.map((g) => [g.value, g.count])).toEqual([
      [Date.UTC(2026, 2, 9), 1],
      [Date.UTC(2026, 2, 10), 1],
      [null, 2],
    ]);
    expect(logins.groups[1]?.value).toBe(logins.groups[0] ? (logins.groups[0].value as number) + DAY : 0);
  });

  it('sums only number fields', () => {
    expect(summableFields(FIELDS).map((f) => f.id)).toEqual(['spend', 'score', 'stars']);
  });
});

describe('compileSearch', () => {
  const search = (text: string) => {
    const test = compileSearch(text, FIELDS);
    return test ? RECORDS.filter((record) => test(record.values)).map((record) => record.id) : 'all';
  };

  it('finds text case-insensitively and across full-width forms', () => {
    expect(search('ALICE')).toEqual(['a']);
    expect(search('bob')).toEqual(['c']);
    expect(search('ｅｘａｍｐｌｅ.cn')).toEqual(['b']);
  });

  it('finds selects by option name and tiers by label', () => {
    expect(search('上海')).toEqual(['b']);
    expect(search('referr')).toEqual(['a']);
    expect(search('potential')).toEqual(['b']);
  });

  it('needs every word somewhere; a blank search is no search', () => {
    expect(search('wang 北京')).toEqual(['a']);
    expect(search('wang 上海')).toEqual([]);
    expect(search('   ')).toBe('all');
  });

  it('does not look in numbers or ids', () => {
    expect(search('1500')).toEqual([]);
    expect(search('p1')).toEqual([]);
  });
});

describe('runQuery', () => {
  it('filters, searches, sorts and groups, returning ids and summaries', () => {
    const result = runQuery(
      RECORDS,
      table,
      {
        filter: group('and', condition('spend', 'isNotEmpty')),
        sorts: [{ fieldId: 'spend', direction: 'asc' }],
        groupByFieldId: 'vip',
        aggregateFieldIds: ['spend', 'name'],
      },
      ENV,
    );
    expect(result.ids).toEqual(['c', 'b', 'a']);
    expect(result.total).toBe(4);
    expect(result.matched).toBe(3);
    expect(result.groups?.map((g) => [g.value, g.count, g.start, g.aggregates.spend?.sum])).toEqual([
      [false, 2, 0, 350],
      [true, 1, 2, 1500],
    ]);
    expect(Object.keys(result.groups?.[0]?.aggregates ?? {})).toEqual(['spend']);
    expect(result.problems).toEqual([]);
  });

  it('keeps creation order without sorts and reports parts it left out', () => {
    const result = runQuery(
      RECORDS,
      table,
      {
        filter: group('or', { id: 'x', fieldId: 'gone', operator: 'isEmpty' }),
        sorts: [{ fieldId: 'gone2', direction: 'asc' }],
        groupByFieldId: 'gone3',
        search: 'example',
      },
      ENV,
    );
    expect(result.ids).toEqual(['a', 'b']);
    expect(result.groups).toBeUndefined();
    expect(result.problems).toEqual([
      { part: 'filter', id: 'x', code: 'unknownField', fieldId: 'gone' },
      { part: 'sort', code: 'unknownField', fieldId: 'gone2' },
      { part: 'group', code: 'unknownField', fieldId: 'gone3' },
    ]);
  });
});
