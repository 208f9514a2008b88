// What an expression reads: the record fields named by its var nodes, and nothing a list item or a literal names.
import { describe, expect, it } from 'vitest';
import { fieldReferences } from '../../../src/engine/graph';

describe('fieldReferences', () => {
  it('lists the fields read by var nodes, once each, in the order they first appear', () => {
    const expression = {
      IF: [
        { '>': [{ var: 'fld-spend' }, 1000] },
        { var: 'fld-name' },
        { CONCAT: [{ var: 'fld-spend' }, '!'] },
      ],
    };

    expect(fieldReferences(expression)).toEqual(['fld-spend', 'fld-name']);
  });

  it('reads the key of a var array and the fields used in its default value', () => {
    expect(fieldReferences({ var: ['fld-score', { var: 'fld-fallback' }] })).toEqual([
      'fld-score',
      'fld-fallback',
    ]);
  });

  it('takes the part before the first dot of a dotted key', () => {
    expect(
      fieldReferences({ '+': [{ var: 'fld-customer.total.amount' }, { var: ['fld-owner.name'] }] }),
    ).toEqual(['fld-customer', 'fld-owner']);
  });

  it('ignores var keys that are not constant strings, but counts the fields read to compute them', () => {
    const expression = [
      { var: { cat: ['fld-', { var: 'fld-suffix' }] } },
      { var: 3 },
      { var: [] },
      { var: '' },
      { var: null },
    ];

    expect(fieldReferences(expression)).toEqual(['fld-suffix']);
  });

  it.each(['map', 'filter', 'all', 'some', 'none'])(
    'skips the per-item argument of %s, which reads the list item, not the record',
    (operator) => {
      const expression = { [operator]: [{ var: 'fld-orders' }, { '>': [{ var: 'amount' }, { var: 'x' }] }] };

      expect(fieldReferences(expression)).toEqual(['fld-orders']);
    },
  );

  it('reads the list and the initial value of reduce, not its per-item argument', () => {
    const expression = {
      reduce: [
        { var: 'fld-orders' },
        { '+': [{ var: 'current' }, { var: 'accumulator' }] },
        { var: 'fld-opening-balance' },
      ],
    };

    expect(fieldReferences(expression)).toEqual(['fld-orders', 'fld-opening-balance']);
  });

  it('counts the constant keys that missing and missing_some test for', () => {
    expect(
      fieldReferences({
        and: [{ missing: ['fld-a', 'fld-b.c'] }, { missing: [['fld-c']] }, { missing_some: [1, ['fld-d']] }],
      }),
    ).toEqual(['fld-a', 'fld-b', 'fld-c', 'fld-d']);
  });

  it('treats objects with more than one key as literal data that reads nothing', () => {
    expect(fieldReferences({ var: 'fld-a', note: { var: 'fld-b' } })).toEqual([]);
    expect(fieldReferences({ in: [{ var: 'fld-a' }, [{ var: 'fld-b', x: 1 }]] })).toEqual(['fld-a']);
  });

  it.each([null, 42, 'fld-a', true, [], {}])('finds nothing in the constant %j', (expression) => {
    expect(fieldReferences(expression)).toEqual([]);
  });

  it('walks an expression nested 100,000 levels deep without overflowing the stack', () => {
    let expression: unknown = { var: 'fld-deep' };
    for (let level = 0; level < 100_000; level++) expression = { '+': [1, expression] };

    expect(fieldReferences(expression)).toEqual(['fld-deep']);
  });

  it('terminates on an object graph that contains itself', () => {
    const loop: Record<string, unknown[]> = { '+': [{ var: 'fld-a' }] };
    loop['+']?.push(loop);

    expect(fieldReferences(loop)).toEqual(['fld-a']);
  });
});
