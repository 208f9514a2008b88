// The designer's starting points: every kind's new field is valid, the palette lists each kind once, default names
// do not collide, and a default value lands where the model keeps it for that kind.
import { describe, expect, it } from 'vitest';
import {
  changeFieldKind,
  defaultFieldName,
  defaultValueOf,
  defaultValueTypes,
  FIELD_KIND_GROUPS,
  FIELD_KINDS,
  FieldSchema,
  newField,
  withDefaultValue,
} from '../../../src/engine';
import type { Field } from '../../../src/engine';

const targets = { targetTableId: 'tbl-orders', linkFieldId: 'fld-orders', targetFieldId: 'fld-amount' };

describe('newField', () => {
  it.each(FIELD_KINDS.map((kind) => [kind]))('gives a valid %s field', (kind) => {
    const field = newField(kind, { id: 'fld-1', name: 'New field', ...targets });
    expect(field.kind).toBe(kind);
    expect(FieldSchema.parse(field)).toEqual(field);
  });

  it('uses the designer defaults', () => {
    expect(newField('rating', { id: 'a', name: 'Stars' })).toMatchObject({ max: 5 });
    expect(newField('tier', { id: 'a', name: 'Tier' })).toEqual({
      id: 'a',
      name: 'Tier',
      kind: 'tier',
      rules: [],
      fallback: { label: 'General', color: 'gray' },
    });
    expect(newField('autoNumber', { id: 'a', name: 'No.' })).toMatchObject({ dateFormat: 'none', digits: 4 });
    expect(newField('singleSelect', { id: 'a', name: 'S' })).toMatchObject({ options: [] });
    expect(newField('currency', { id: 'a', name: 'C', currency: 'USD' })).toMatchObject({ currency: 'USD' });
    expect(newField('rollup', { id: 'a', name: 'R', linkFieldId: 'l' })).toEqual({
      id: 'a',
      name: 'R',
      kind: 'rollup',
      linkFieldId: 'l',
      aggregate: 'count',
    });
  });

  it('refuses a link, lookup or rollup without its target', () => {
    expect(() => newField('link', { id: 'a', name: 'L' })).toThrow(/target table/);
    expect(() => newField('lookup', { id: 'a', name: 'L', linkFieldId: 'x' })).toThrow(/target field/);
    expect(() => newField('rollup', { id: 'a', name: 'R' })).toThrow(/link field/);
  });
});

describe('FIELD_KIND_GROUPS', () => {
  it('puts every kind in exactly one palette group', () => {
    const listed = FIELD_KIND_GROUPS.flatMap((group) => [...group.kinds]);
    expect([...listed].sort()).toEqual([...FIELD_KINDS].sort());
    expect(new Set(listed).size).toBe(listed.length);
  });
});

describe('defaultFieldName', () => {
  it('numbers a taken name, ignoring case and spaces', () => {
    expect(defaultFieldName('Number', ['Name'])).toBe('Number');
    expect(defaultFieldName('Number', [' number ', 'Number 2'])).toBe('Number 3');
    expect(defaultFieldName('数字', ['数字'])).toBe('数字 2');
  });
});

describe('changeFieldKind', () => {
  it('keeps the shared properties and what the new kind understands', () => {
    const from: Field = {
      id: 'f',
      name: 'Spend',
      kind: 'number',
      description: 'Total',
      required: true,
      precision: 1,
      defaultValue: 3,
    };
    const to = changeFieldKind(from, 'currency', {});
    expect(to).toEqual({
      id: 'f',
      name: 'Spend',
      kind: 'currency',
      currency: 'CNY',
      description: 'Total',
      required: true,
      precision: 1,
    });
    expect(FieldSchema.parse(to)).toEqual(to);
  });

  it('keeps the options from a single to a multi select', () => {
    const options = [{ id: 'o1', name: 'VIP', color: 'red' as const }];
    const to = changeFieldKind({ id: 'f', name: 'Tags', kind: 'singleSelect', options }, 'multiSelect', {});
    expect(to).toEqual({ id: 'f', name: 'Tags', kind: 'multiSelect', options });
  });
});

describe('default values', () => {
  const number: Field = { id: 'f', name: 'N', kind: 'number' };

  it('offers per kind only the defaults the model can store', () => {
    expect(defaultValueTypes('number')).toEqual(['fixed', 'formula']);
    expect(defaultValueTypes('date')).toEqual(['now', 'formula']);
    expect(defaultValueTypes('person')).toEqual(['currentUser']);
    expect(defaultValueTypes('formula')).toEqual([]);
  });

  it('stores a fixed value, a formula, now and current user where each kind keeps them', () => {
    const fixed = withDefaultValue(number, { type: 'fixed', value: 7 });
    expect(fixed).toEqual({ ...number, defaultValue: 7 });
    const formula = withDefaultValue(fixed, { type: 'formula', expression: { '+': [1, 2] } });
    expect(formula).toEqual({ ...number, defaultFormula: { '+': [1, 2] } });
    expect(defaultValueOf(formula)).toEqual({ type: 'formula', expression: { '+': [1, 2] } });

    const date = withDefaultValue({ id: 'd', name: 'D', kind: 'date' }, { type: 'now' });
    expect(date).toMatchObject({ defaultValue: 'today' });
    expect(defaultValueOf(date)).toEqual({ type: 'now' });
    const person = withDefaultValue({ id: 'p', name: 'P', kind: 'person' }, { type: 'currentUser' });
    expect(defaultValueOf(person)).toEqual({ type: 'currentUser' });
    for (const field of [fixed, formula, date, person]) expect(FieldSchema.parse(field)).toEqual(field);

    expect(withDefaultValue(fixed, undefined)).toEqual(number);
  });

  it('refuses a default the kind cannot hold', () => {
    expect(() => withDefaultValue(number, { type: 'fixed', value: 'seven' })).toThrow();
    expect(() => withDefaultValue(number, { type: 'currentUser' })).toThrow();
  });
});
