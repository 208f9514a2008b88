// Filter conditions per field kind, AND/OR nesting, and conditions left out with a reported reason.
import { describe, expect, it } from 'vitest';
import type { FilterGroup } from '../../../src/engine';
import { compileFilter } from '../../../src/engine/query';
import { condition, ENV, FIELDS_BY_ID, group, RECORDS } from './fixtures';

function matching(filter: FilterGroup): string[] {
  const compiled = compileFilter(filter, FIELDS_BY_ID, ENV);
  expect(compiled.problems).toEqual([]);
  return RECORDS.filter((record) => compiled.test(record.values)).map((record) => record.id);
}

const only = (fieldId: string, operator: Parameters<typeof condition>[1], value?: unknown): string[] =>
  matching(group('and', condition(fieldId, operator, value)));

describe('text conditions', () => {
  it('contains / does not contain, ignoring case and full-width forms', () => {
    expect(only('name', 'contains', 'wang')).toEqual(['a']);
    expect(only('name', 'contains', 'bob')).toEqual(['c']); // ＢＯＢ is full-width
    expect(only('name', 'contains', '张')).toEqual(['b']);
    expect(only('name', 'notContains', 'wang')).toEqual(['b', 'c', 'd']);
  });

  it('is / is not, starts with, ends with', () => {
    expect(only('name', 'is', 'ALICE WANG')).toEqual(['a']);
    expect(only('name', 'isNot', 'alice wang')).toEqual(['b', 'c', 'd']);
    expect(only('email', 'startsWith', 'zh')).toEqual(['b']);
    expect(only('email', 'endsWith', '.com')).toEqual(['a']);
  });

  it('is empty / is not empty (a missing value is empty)', () => {
    expect(only('email', 'isEmpty')).toEqual(['c', 'd']);
    expect(only('name', 'isNotEmpty')).toEqual(['a', 'b', 'c']);
  });

  it('applies text operators to text formulas', () => {
    expect(only('label', 'startsWith', '#张')).toEqual(['b']);
  });
});

describe('number conditions', () => {
  it('compares with = ≠ < ≤ > ≥', () => {
    expect(only('spend', 'eq', 300)).toEqual(['b']);
    expect(only('spend', 'neq', 300)).toEqual(['a', 'c', 'd']);
    expect(only('spend', 'lt', 300)).toEqual(['c']);
    expect(only('spend', 'lte', 300)).toEqual(['b', 'c']);
    expect(only('spend', 'gt', 300)).toEqual(['a']);
    expect(only('spend', 'gte', '300')).toEqual(['a', 'b']); // a typed number arrives as text too
  });

  it('between includes both ends and may be open on one side', () => {
    expect(only('spend', 'between', [50, 300])).toEqual(['b', 'c']);
    expect(only('spend', 'between', [null, 100])).toEqual(['c']);
  });

  it('empty and not empty; blanks and formula errors fail comparisons', () => {
    expect(only('spend', 'isEmpty')).toEqual(['d']);
    expect(only('spend', 'isNotEmpty')).toEqual(['a', 'b', 'c']);
    expect(only('score', 'gte', 0)).toEqual(['a', 'b']);
    expect(only('score', 'isNotEmpty')).toEqual(['a', 'b', 'c']);
    expect(only('stars', 'gte', 4)).toEqual(['a']);
  });
});

describe('date conditions', () => {
  it('is, before, after, on or before, on or after a day', () => {
    expect(only('joined', 'is', '2026-03-10')).toEqual(['a']);
    expect(only('joined', 'before', '2026-03-03')).toEqual(['c']);
    expect(only('joined', 'onOrBefore', '2026-03-03')).toEqual(['b', 'c']);
    expect(only('joined', 'after', '2026-03-03')).toEqual(['a']);
    expect(only('joined', 'onOrAfter', '2026-03-03')).toEqual(['a', 'b']);
    expect(only('joined', 'isEmpty')).toEqual(['d']);
    expect(only('joined', 'isNotEmpty')).toEqual(['a', 'b', 'c']);
  });

  it('reads today, yesterday and tomorrow from the clock passed in', () => {
    expect(only('joined', 'is', 'today')).toEqual(['a']);
    expect(only('joined', 'before', 'tomorrow')).toEqual(['a', 'b', 'c']);
    expect(only('joined', 'after', 'yesterday')).toEqual(['a']);
  });

  it('counts whole days back and forward from today', () => {
    expect(only('joined', 'withinLastDays', 7)).toEqual(['a', 'b']);
    expect(only('joined', 'withinLastDays', 6)).toEqual(['a']);
    expect(only('joined', 'withinNextDays', 30)).toEqual(['a']);
  });

  it('puts a date-time on the day of its wall clock in the time zone passed in', () => {
    // a: 01:30 on the 10th in Shanghai, though still the 9th in UTC; b: 23:30 on the 9th.
    expect(only('lastLogin', 'is', '2026-03-10')).toEqual(['a']);
    expect(only('lastLogin', 'is', '2026-03-09')).toEqual(['b']);
    const utc = compileFilter(group('and', condition('lastLogin', 'is', '2026-03-09')), FIELDS_BY_ID, {
      ...ENV,
      timeZone: 'UTC',
    });
    expect(RECORDS.filter((record) => utc.test(record.values)).map((record) => record.id)).toEqual([
      'a',
      'b',
    ]);
    expect(only('lastLogin', 'withinLastDays', 0)).toEqual(['a']);
  });
});

describe('checkbox, select, tier, multi-select, person and link conditions', () => {
  it('checked and not checked (a missing value is unchecked)', () => {
    expect(only('vip', 'isChecked')).toEqual(['a']);
    expect(only('vip', 'isNotChecked')).toEqual(['b', 'c', 'd']);
  });

  it('select: is, is not, is any of, is none of, empty (a deleted option is empty)', () => {
    expect(only('city', 'is', 'sh')).toEqual(['b']);
    expect(only('city', 'isNot', 'sh')).toEqual(['a', 'c', 'd']);
    expect(only('city', 'isAnyOf', ['bj', 'gz'])).toEqual(['a', 'c']);
    expect(only('city', 'isNoneOf', ['bj', 'gz'])).toEqual(['b', 'd']);
    expect(only('city', 'isEmpty')).toEqual(['d']);
    expect(only('city', 'isNotEmpty')).toEqual(['a', 'b', 'c']);
  });

  it('tier: names rules by id and the fallback as "fallback", matching the stored label', () => {
    expect(only('tier', 'is', 'high')).toEqual(['a']);
    expect(only('tier', 'isAnyOf', ['potential', 'fallback'])).toEqual(['b', 'c']);
    expect(only('tier', 'isNoneOf', ['high'])).toEqual(['b', 'c', 'd']);
    expect(only('tier', 'isEmpty')).toEqual(['d']);
  });

  it('multi-select: has any of, has all of, has none of, empty', () => {
    expect(only('tags', 'hasAnyOf', ['ref', 'risk'])).toEqual(['a', 'b']);
    expect(only('tags', 'hasAllOf', ['new', 'ref'])).toEqual(['a']);
    expect(only('tags', 'hasAllOf', ['new', 'risk'])).toEqual([]);
    expect(only('tags', 'hasNoneOf', ['new'])).toEqual(['b', 'c', 'd']);
    expect(only('tags', 'isEmpty')).toEqual(['c', 'd']);
    expect(only('tags', 'isNotEmpty')).toEqual(['a', 'b']);
  });

  it('person: is any of, is none of, empty', () => {
    expect(only('owner', 'isAnyOf', ['p2', 'p9'])).toEqual(['b']);
    expect(only('owner', 'isNoneOf', ['p2'])).toEqual(['a', 'c', 'd']);
    expect(only('owner', 'isEmpty')).toEqual(['c', 'd']);
  });

  it('link: empty, not empty, contains', () => {
    expect(only('orders', 'isEmpty')).toEqual(['b', 'c', 'd']);
    expect(only('orders', 'isNotEmpty')).toEqual(['a']);
    expect(only('orders', 'contains', 'o2')).toEqual(['a']);
  });
});

describe('groups', () => {
  it('joins with AND and OR, nested', () => {
    const cheapOrChinese = group(
      'or',
      condition('spend', 'lt', 100),
      condition('city', 'isAnyOf', ['bj', 'sh']),
    );
    expect(matching(group('and', condition('name', 'isNotEmpty'), cheapOrChinese))).toEqual(['a', 'b', 'c']);
    expect(
      matching(
        group(
          'and',
          condition('vip', 'isNotChecked'),
          group('or', condition('spend', 'gte', 100), group('and', condition('tier', 'is', 'fallback'))),
        ),
      ),
    ).toEqual(['b', 'c']);
    expect(matching(group('or', condition('spend', 'eq', 1), condition('spend', 'eq', 2)))).toEqual([]);
  });

  it('lets every record through when empty or absent', () => {
    expect(matching(group('and'))).toEqual(['a', 'b', 'c', 'd']);
    expect(compileFilter(undefined, FIELDS_BY_ID, ENV).active).toBe(false);
  });
});

describe('conditions that cannot run', () => {
  it('are left out and reported: deleted field, unfitting operator, missing or malformed value', () => {
    const filter = group(
      'and',
      condition('spend', 'gt', 100),
      { id: 'gone', fieldId: 'deleted', operator: 'contains', value: 'x' },
      { id: 'unfit', fieldId: 'spend', operator: 'contains', value: 'x' },
      { id: 'blank', fieldId: 'name', operator: 'contains', value: '' },
      { id: 'bad', fieldId: 'joined', operator: 'is', value: '2026-02-30' },
      { id: 'oldOption', fieldId: 'city', operator: 'is', value: 'removed' },
    );
    const compiled = compileFilter(filter, FIELDS_BY_ID, ENV);
    expect(compiled.problems).toEqual([
      { id: 'gone', code: 'unknownField', fieldId: 'deleted' },
      { id: 'unfit', code: 'operatorNotFitting', fieldId: 'spend' },
      { id: 'blank', code: 'missingValue', fieldId: 'name' },
      { id: 'bad', code: 'invalidValue', fieldId: 'joined' },
      { id: 'oldOption', code: 'invalidValue', fieldId: 'city' },
    ]);
    expect(RECORDS.filter((record) => compiled.test(record.values)).map((record) => record.id)).toEqual([
      'a',
      'b',
    ]);
  });

  it('ignores groups nested deeper than three levels', () => {
    const deep = group('and', group('and', group('and', group('and', condition('spend', 'eq', 1)))));
    const compiled = compileFilter(deep, FIELDS_BY_ID, ENV);
    expect(compiled.problems.map((problem) => problem.code)).toEqual(['tooDeep']);
    expect(compiled.active).toBe(false);
  });
});
