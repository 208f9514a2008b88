// Sorting: per-kind order, blanks last both ways, errors before blanks, several keys, stability, Chinese collation.
import { describe, expect, it } from 'vitest';
import type { Sort } from '../../../src/engine';
import { CollationRanks, QueryCache, runQuery, sortRows, type QueryRecord } from '../../../src/engine/query';
import { ENV, FIELDS, FIELDS_BY_ID, RECORDS } from './fixtures';

function sortedIds(sorts: Sort[], records: readonly QueryRecord[] = RECORDS, env = ENV): string[] {
  const result = sortRows(
    records.map((record) => record.values),
    sorts,
    FIELDS_BY_ID,
    env,
  );
  expect(result.problems).toEqual([]);
  return result.order.map((position) => records[position]?.id ?? '?');
}

describe('sortRows', () => {
  it('orders numbers numerically, blanks last in both directions', () => {
    expect(sortedIds([{ fieldId: 'spend', direction: 'asc' }])).toEqual(['c', 'b', 'a', 'd']);
    expect(sortedIds([{ fieldId: 'spend', direction: 'desc' }])).toEqual(['a', 'b', 'c', 'd']);
  });

  it('puts formula errors after values and before blanks', () => {
    expect(sortedIds([{ fieldId: 'score', direction: 'asc' }])).toEqual(['b', 'a', 'c', 'd']);
    expect(sortedIds([{ fieldId: 'score', direction: 'desc' }])).toEqual(['a', 'b', 'c', 'd']);
  });

  it('orders selects by option order and tiers by rule order, not by name', () => {
    expect(sortedIds([{ fieldId: 'city', direction: 'asc' }])).toEqual(['a', 'b', 'c', 'd']);
    expect(sortedIds([{ fieldId: 'city', direction: 'desc' }])).toEqual(['c', 'b', 'a', 'd']);
    expect(sortedIds([{ fieldId: 'tier', direction: 'desc' }])).toEqual(['c', 'b', 'a', 'd']);
  });

  it('orders dates, checkboxes and multi-selects', () => {
    expect(sortedIds([{ fieldId: 'joined', direction: 'asc' }])).toEqual(['c', 'b', 'a', 'd']);
    // Unticked (false or missing) before ticked; ties keep input order.
    expect(sortedIds([{ fieldId: 'vip', direction: 'desc' }])).toEqual(['a', 'b', 'c', 'd']);
    expect(sortedIds([{ fieldId: 'vip', direction: 'asc' }])).toEqual(['b', 'c', 'd', 'a']);
    // [New, Referrer] < [At risk]; empty lists are blank.
    expect(sortedIds([{ fieldId: 'tags', direction: 'asc' }])).toEqual(['a', 'b', 'c', 'd']);
  });

  it('sorts Chinese text by pinyin with a zh-CN collator', () => {
    const names = ['张伟', '李娜', '王芳', '陈静', '安琪', 'Alice'];
    const records = names.map((name, index) => ({ id: String(index), values: { name } }));
    const order = sortedIds([{ fieldId: 'name', direction: 'asc' }], records).map((id) => names[Number(id)]);
    // Pinyin: an, chen, li, wang, zhang (ICU's zh order puts Han script before Latin).
    expect(order).toEqual(['安琪', '陈静', '李娜', '王芳', '张伟', 'Alice']);
  });

  it('breaks ties with the next key and keeps input order where all keys tie (stable)', () => {
    const records = Array.from({ length: 200 }, (_, index) => ({
      id: `r${index}`,
      values: { city: ['bj', 'sh'][index % 2], spend: index % 3 === 0 ? null : index % 5 },
    }));
    const ids = sortedIds(
      [
        { fieldId: 'city', direction: 'desc' },
        { fieldId: 'spend', direction: 'asc' },
      ],
      records,
    );
    const rows = ids.map((id) => records.find((record) => record.id === id)?.values);
    for (let at = 1; at < rows.length; at++) {
      const [before, after] = [rows[at - 1], rows[at]];
      const [idBefore, idAfter] = [Number(ids[at - 1]?.slice(1)), Number(ids[at]?.slice(1))];
      if (before?.city !== after?.city) {
        expect([before?.city, after?.city]).toEqual(['sh', 'bj']);
        continue;
      }
      if (before?.spend === after?.spend) expect(idBefore).toBeLessThan(idAfter);
      else if (after?.spend !== null) expect(before?.spend).toBeLessThan(after?.spend as number);
      else expect(before?.spend).not.toBeNull(); // blanks last inside the city
    }
  });

  it('reports sort keys on deleted fields and sorts by the others', () => {
    const result = sortRows(
      RECORDS.map((record) => record.values),
      [
        { fieldId: 'gone', direction: 'asc' },
        { fieldId: 'spend', direction: 'asc' },
      ],
      FIELDS_BY_ID,
      ENV,
    );
    expect(result.problems).toEqual([{ fieldId: 'gone', code: 'unknownField' }]);
    expect(result.order).toEqual([2, 1, 0, 3]);
  });
});

describe('CollationRanks', () => {
  it('merges new strings into the ranks it keeps', () => {
    const ranks = new CollationRanks(new Intl.Collator('zh-CN'));
    ranks.rankAll(['王', '安', '张', '陈', '李', '赵', '周', '吴', '郑', '孙']);
    const after = ranks.rankAll(['白']);
    // 安 (an) < 白 (bai) < 陈 (chen)
    expect(after.get('安')).toBeLessThan(after.get('白') ?? -1);
    expect(after.get('白')).toBeLessThan(after.get('陈') ?? -1);
  });

  it('gives strings the collator calls equal the same rank', () => {
    const ranks = new QueryCache()
      .ranksFor(new Intl.Collator('en', { sensitivity: 'base' }))
      .rankAll(['a', 'A', 'b']);
    expect(ranks.get('a')).toBe(ranks.get('A'));
    expect(ranks.get('b')).toBeGreaterThan(ranks.get('a') ?? Infinity);
  });
});

describe('runQuery at scale', () => {
  it('sorts 200,000 records without a filter (no argument spreading of the whole table)', () => {
    const records: QueryRecord[] = Array.from({ length: 200_000 }, (_, at) => ({
      id: `r${String(at).padStart(6, '0')}`,
      values: { spend: (at * 7919) % 100_003 },
    }));
    const result = runQuery(
      records,
      { fields: FIELDS },
      { sorts: [{ fieldId: 'spend', direction: 'desc' }] },
      ENV,
    );
    expect(result.ids).toHaveLength(200_000);
    expect(result.total).toBe(200_000);
    const spend = (id: string | undefined) => records[Number(id?.slice(1))]?.values.spend as number;
    expect(spend(result.ids[0])).toBeGreaterThanOrEqual(spend(result.ids[1]));
    expect(spend(result.ids[0])).toBe(100_002);
  });
});
