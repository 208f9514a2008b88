// Every field kind of the table designer parses with its options, and rejects options that make no sense.
import { describe, expect, it } from 'vitest';
import { compileTierField, FIELD_KINDS, FieldSchema, fieldValueType } from '../../../src/engine';
import type { Field, TierField } from '../../../src/engine';

const base = { id: 'f1', name: 'Field' };

const VALID: Field[] = [
  { ...base, kind: 'text' },
  { ...base, kind: 'longText' },
  { ...base, kind: 'number', precision: 2 },
  { ...base, kind: 'currency', currency: 'CNY', precision: 2 },
  { ...base, kind: 'percent', precision: 1 },
  { ...base, kind: 'checkbox' },
  { ...base, kind: 'date', defaultValue: 'today' },
  { ...base, kind: 'dateTime', defaultValue: 'now' },
  { ...base, kind: 'singleSelect', options: [{ id: 'o1', name: 'VIP', color: 'red' }], defaultValue: 'o1' },
  {
    ...base,
    kind: 'multiSelect',
    options: [{ id: 'o1', name: '新客', color: 'green' }],
    defaultValue: ['o1'],
  },
  { ...base, kind: 'email' },
  { ...base, kind: 'phone' },
  { ...base, kind: 'url' },
  { ...base, kind: 'rating', max: 5 },
  { ...base, kind: 'person', multiple: false, defaultValue: 'currentUser' },
  { ...base, kind: 'link', targetTableId: 'orders', inverseFieldId: 'customer', multiple: true },
  { ...base, kind: 'lookup', linkFieldId: 'orders', targetFieldId: 'amount' },
  { ...base, kind: 'rollup', linkFieldId: 'orders', targetFieldId: 'amount', aggregate: 'sum' },
  { ...base, kind: 'formula', expression: { ADD: [1, 2] }, resultType: 'number' },
  { ...base, kind: 'autoNumber', prefix: 'KH-', dateFormat: 'yyyyMMdd', digits: 4 },
  { ...base, kind: 'createdTime' },
  { ...base, kind: 'lastModifiedTime' },
  { ...base, kind: 'attachment', accept: 'image/*,.pdf' },
  {
    ...base,
    kind: 'tier',
    rules: [{ id: 'r1', label: 'High value', color: 'red', condition: { '>=': [{ var: 'spend' }, 10000] } }],
    fallback: { label: 'General', color: 'gray' },
  },
];

describe('field kinds', () => {
  it('has one valid example per kind in this test', () => {
    expect(VALID.map((field) => field.kind).sort()).toEqual([...FIELD_KINDS].sort());
  });

  it.each(VALID.map((field) => [field.kind, field] as const))('parses a %s field', (_kind, field) => {
    expect(FieldSchema.parse(field)).toEqual(field);
  });

  it.each([
    ['a currency code that is not ISO 4217', { ...base, kind: 'currency', currency: 'yuan' }],
    ['a rating of more than 10 stars', { ...base, kind: 'rating', max: 11 }],
    [
      'a select option without a colour',
      { ...base, kind: 'singleSelect', options: [{ id: 'o', name: 'A' }] },
    ],
    [
      'a select option with an unknown colour',
      { ...base, kind: 'multiSelect', options: [{ id: 'o', name: 'A', color: 'mauve' }] },
    ],
    ['a link without its target table', { ...base, kind: 'link', multiple: true }],
    ['a rollup with an unknown aggregate', { ...base, kind: 'rollup', linkFieldId: 'l', aggregate: 'mode' }],
    ['an auto-number with 0 digits', { ...base, kind: 'autoNumber', dateFormat: 'none', digits: 0 }],
    ['a tier without a fallback', { ...base, kind: 'tier', rules: [] }],
  ])('rejects %s', (_what, field) => {
    expect(FieldSchema.safeParse(field).success).toBe(false);
  });

  it('tells formulas what each kind holds', () => {
    expect(fieldValueType({ ...base, kind: 'currency' })).toBe('number');
    expect(fieldValueType({ ...base, kind: 'multiSelect' })).toBe('list');
    expect(fieldValueType({ ...base, kind: 'tier' })).toBe('text');
    expect(fieldValueType({ ...base, kind: 'rollup', aggregate: 'count' })).toBe('number');
  });
});

describe('tier fields', () => {
  const tier: TierField = {
    ...base,
    kind: 'tier',
    rules: [
      { id: 'high', label: 'High value', color: 'red', condition: { '>=': [{ var: 'spend' }, 10000] } },
      { id: 'potential', label: 'Potential', color: 'orange', condition: { GTE: [{ var: 'orders' }, 3] } },
    ],
    fallback: { label: 'General', color: 'gray' },
  };
  const tierOf = compileTierField(tier);

  it.each([
    [{ spend: 12000, orders: 5 }, 'High value'],
    [{ spend: 9999, orders: 3 }, 'Potential'],
    [{ spend: 500, orders: 1 }, 'General'],
    [{}, 'General'],
  ])('puts %j in %s, the first matching rule winning', (values, label) => {
    expect(tierOf(values).label).toBe(label);
  });

  it('says which rule matched and uses the rule colour', () => {
    expect(tierOf({ spend: 20000 })).toEqual({ label: 'High value', color: 'red', ruleId: 'high' });
    expect(tierOf({ spend: 1 })).toEqual({ label: 'General', color: 'gray', ruleId: undefined });
  });
});
