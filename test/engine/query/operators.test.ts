// Which operators the filter builder offers per field kind, and the value input each needs.
import { describe, expect, it } from 'vitest';
import type { Field } from '../../../src/engine';
import { choicesOf, editorFor, operatorFits, operatorsFor } from '../../../src/engine/query';
import { FIELDS_BY_ID } from './fixtures';

const field = (id: string): Field => {
  const found = FIELDS_BY_ID.get(id);
  if (!found) throw new Error(id);
  return found;
};

describe('operatorsFor', () => {
  it('fits operators to each kind', () => {
    expect(operatorsFor(field('name'))).toEqual([
      'contains',
      'notContains',
      'is',
      'isNot',
      'startsWith',
      'endsWith',
      'isEmpty',
      'isNotEmpty',
    ]);
    expect(operatorsFor(field('spend'))).toContain('between');
    expect(operatorsFor(field('lastLogin'))).toContain('withinLastDays');
    expect(operatorsFor(field('vip'))).toEqual(['isChecked', 'isNotChecked']);
    expect(operatorsFor(field('tier'))).toEqual([
      'is',
      'isNot',
      'isAnyOf',
      'isNoneOf',
      'isEmpty',
      'isNotEmpty',
    ]);
    expect(operatorsFor(field('tags'))).toEqual([
      'hasAnyOf',
      'hasAllOf',
      'hasNoneOf',
      'isEmpty',
      'isNotEmpty',
    ]);
    expect(operatorsFor(field('orders'))).toEqual(['contains', 'notContains', 'isEmpty', 'isNotEmpty']);
  });

  it('offers a formula the operators of its result type', () => {
    expect(operatorsFor(field('score'))).toEqual(operatorsFor(field('spend')));
    expect(operatorsFor(field('label'))).toEqual(operatorsFor(field('name')));
    const dated: Field = { id: 'f', name: 'F', kind: 'formula', expression: null, resultType: 'date' };
    expect(operatorFits(dated, 'before')).toBe(true);
    expect(operatorFits(dated, 'contains')).toBe(false);
  });

  it('names the value input each operator needs', () => {
    expect(editorFor(field('name'), 'contains')).toBe('text');
    expect(editorFor(field('spend'), 'between')).toBe('numberRange');
    expect(editorFor(field('joined'), 'is')).toBe('date');
    expect(editorFor(field('joined'), 'withinNextDays')).toBe('days');
    expect(editorFor(field('city'), 'is')).toBe('option');
    expect(editorFor(field('tier'), 'isAnyOf')).toBe('options');
    expect(editorFor(field('owner'), 'isAnyOf')).toBe('people');
    expect(editorFor(field('vip'), 'isChecked')).toBe('none');
  });

  it('lists a tier as its rules then the fallback', () => {
    expect(choicesOf(field('tier')).map((choice) => [choice.id, choice.name])).toEqual([
      ['high', 'High value'],
      ['potential', 'Potential'],
      ['fallback', 'General'],
    ]);
  });
});
