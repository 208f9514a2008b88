// Saving a formula field: it compiles against the table's fields and a formula that would close a loop is refused.
import { describe, expect, it } from 'vitest';
import { compileFormulaField, FormulaError } from '../../../src/engine';
import type { Table } from '../../../src/engine';

const table: Table = {
  id: 'customers',
  createdAt: 0,
  updatedAt: 0,
  version: 1,
  name: 'Customers',
  views: [],
  fields: [
    { id: 'spend', name: 'Spend', kind: 'number' },
    {
      id: 'score',
      name: 'Score',
      kind: 'formula',
      expression: { MULTIPLY: [{ var: 'spend' }, 2] },
      resultType: 'number',
    },
    {
      id: 'tier',
      name: 'Tier',
      kind: 'formula',
      expression: { IF: [{ GTE: [{ var: 'score' }, 100] }, 'High', 'Low'] },
      resultType: 'text',
    },
  ],
};

function refusal(field: { id: string; name: string }, source: string): FormulaError {
  try {
    compileFormulaField(table, field, source);
  } catch (error) {
    if (error instanceof FormulaError) return error;
    throw error;
  }
  throw new Error('expected the formula to be refused');
}

describe('saving a formula field', () => {
  it('compiles against the table fields, including other formula fields', () => {
    const compiled = compileFormulaField(
      table,
      { id: 'label', name: 'Label' },
      '{Tier} & " (" & {Score} & ")"',
    );
    expect(compiled.dependencies).toEqual(['tier', 'score']);
    expect(compiled.type).toBe('text');
    expect(compiled.evaluate({ tier: 'High', score: 120 })).toBe('High (120)');
  });

  it('refuses a formula that closes a loop, naming the loop', () => {
    const error = refusal({ id: 'score', name: 'Score' }, 'IF({Tier} = "High", 1, 0)');
    expect(error.code).toBe('cycle');
    expect(error.params.cycle).toBe('Score → Tier → Score');
    expect(error.message).toBe('This formula would create a loop: Score → Tier → Score.');
  });

  it('refuses a formula that reads its own field', () => {
    expect(refusal({ id: 'bonus', name: 'Bonus' }, '{Bonus} + 1').params.cycle).toBe('Bonus → Bonus');
  });

  it('reports an unknown field before looking for loops', () => {
    expect(refusal({ id: 'score', name: 'Score' }, '{Spnd} * 2').code).toBe('unknownFieldSuggest');
  });
});
