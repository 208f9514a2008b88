// The formula field kind: its definition is checked like any field, and validation refuses formulas that read fields
// missing from their table or that read each other in a loop.
import { describe, expect, it } from 'vitest';
import {
  FIELD_KINDS,
  FieldSchema,
  validateTemplateDocument,
  validateWorkspaceDocument,
  type Field,
} from '../../../src/engine';
import { at, summarize, templateJson, workspaceJson, type Json } from './documents';

/** A formula field of the example Customers table (fields fld-name, fld-notes, fld-spend, fld-active, …). */
function formula(id: string, name: string, expression: unknown, options: Json = {}): Json {
  return { id, name, kind: 'formula', expression, ...options };
}

/** The example workspace with the given fields appended to the Customers table (apps[0].tables[0]). */
function withCustomerFields(...fields: Json[]): Json {
  const document = workspaceJson();
  const table = at(document, 'workspace', 'apps', 0, 'tables', 0);
  table.fields = [...(table.fields as Json[]), ...fields];
  return document;
}

const FIELDS = '$.workspace.apps[0].tables[0].fields';

describe('the formula field kind', () => {
  it('is one of the field kinds', () => {
    expect(FIELD_KINDS).toContain('formula');
  });

  it('accepts a compiled expression with a result type and display precision', () => {
    const field = formula(
      'fld-vip',
      'VIP score',
      { ROUND: [{ '*': [{ var: 'fld-spend' }, 1.1] }, 2] },
      {
        resultType: 'number',
        precision: 2,
        description: 'Spend with a 10% loyalty bonus',
      },
    );

    const parsed = FieldSchema.safeParse(field);

    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual(field);
  });

  it.each([null, 42, 'text', true, [1, 2], { var: 'fld-spend' }])(
    'accepts the constant or expression %j',
    (expression) => {
      expect(FieldSchema.safeParse(formula('fld-f', 'F', expression)).success).toBe(true);
    },
  );

  it('requires an expression', () => {
    const result = validateWorkspaceDocument(withCustomerFields({ id: 'fld-f', name: 'F', kind: 'formula' }));

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(summarize(result.error)).toEqual([`${FIELDS}[5].expression missing`]);
  });

  it('refuses an unknown result type and a precision outside 0–10', () => {
    const document = withCustomerFields(
      formula('fld-a', 'A', 1, { resultType: 'currency' }),
      formula('fld-b', 'B', 1, { precision: 11 }),
      formula('fld-c', 'C', 1, { precision: 1.5 }),
    );

    const result = validateWorkspaceDocument(document);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(summarize(result.error)).toEqual([
      `${FIELDS}[5].resultType invalidValue`,
      `${FIELDS}[6].precision tooBig`,
      `${FIELDS}[7].precision invalidType`,
    ]);
  });

  it('accepts a workspace whose formulas read fields of their table, and each other without a loop', () => {
    const document = withCustomerFields(
      formula('fld-tier', 'Tier', { if: [{ '>': [{ var: 'fld-score' }, 100] }, 'gold', 'silver'] }),
      formula('fld-score', 'Score', { '*': [{ var: 'fld-spend' }, { if: [{ var: 'fld-active' }, 2, 1] }] }),
    );

    const result = validateWorkspaceDocument(document);

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const fields: Field[] = result.value.workspace.apps[0]?.tables[0]?.fields ?? [];
    expect(fields.map((field) => field.kind)).toContain('formula');
  });
});

describe('validating formulas', () => {
  it('reports each field id a formula reads that is not in its table, at the formula’s expression', () => {
    const document = withCustomerFields(
      formula('fld-score', 'Score', {
        '+': [
          { var: 'fld-spend' },
          { var: 'fld-score-old' },
          { var: 'fld-comment.text' },
          { var: 'fld-score-old' },
        ],
      }),
    );

    const result = validateWorkspaceDocument(document);

    expect(result).toEqual({
      ok: false,
      error: [
        expect.objectContaining({
          path: `${FIELDS}[5].expression`,
          code: 'unknownField',
          params: { id: 'fld-score-old' },
        }),
        // fld-comment is a field of the Feedback table, not of Customers.
        expect.objectContaining({
          path: `${FIELDS}[5].expression`,
          code: 'unknownField',
          params: { id: 'fld-comment' },
        }),
      ],
    });
  });

  it('does not count what a list operation reads from each item as fields of the record', () => {
    const document = withCustomerFields(
      formula('fld-big', 'Big orders', { filter: [{ var: 'fld-notes' }, { '>': [{ var: 'amount' }, 100] }] }),
    );

    expect(validateWorkspaceDocument(document).ok).toBe(true);
  });

  it('reports formulas that read each other in a loop, naming the loop by field names', () => {
    const document = withCustomerFields(
      formula('fld-score', 'Score', { '+': [{ var: 'fld-spend' }, { var: 'fld-tier' }] }),
      formula('fld-tier', 'Tier', { if: [{ var: 'fld-score' }, 'gold', 'silver'] }),
    );

    const result = validateWorkspaceDocument(document);

    expect(result).toEqual({
      ok: false,
      error: [
        expect.objectContaining({
          path: `${FIELDS}[5].expression`,
          code: 'formulaCycle',
          params: { cycle: 'Score → Tier → Score' },
        }),
      ],
    });
  });

  it('reports a formula that reads itself', () => {
    const document = withCustomerFields(formula('fld-total', 'Total', { '+': [{ var: 'fld-total' }, 1] }));

    const result = validateWorkspaceDocument(document);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toEqual([
      expect.objectContaining({
        path: `${FIELDS}[5].expression`,
        code: 'formulaCycle',
        params: { cycle: 'Total → Total' },
      }),
    ]);
  });

  it('reports a loop in a template, at its path from the document root', () => {
    const document = templateJson();
    const table = at(document, 'apps', 0, 'tables', 0);
    const fields = table.fields as Json[];
    table.fields = [
      ...fields,
      formula('fld-a', 'A', { var: 'fld-b' }),
      formula('fld-b', 'B', { var: 'fld-c' }),
      formula('fld-c', 'C', { var: 'fld-a' }),
    ];

    const result = validateTemplateDocument(document);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(summarize(result.error)).toEqual([
      `$.apps[0].tables[0].fields[${fields.length}].expression formulaCycle`,
    ]);
    expect(result.error[0]?.params).toEqual({ cycle: 'A → B → C → A' });
  });

  it('reports a loop in every table that has one, and unknown fields alongside', () => {
    const document = withCustomerFields(
      formula('fld-a', 'A', { var: 'fld-b' }),
      formula('fld-b', 'B', { '+': [{ var: 'fld-a' }, { var: 'fld-missing' }] }),
    );
    const feedback = at(document, 'workspace', 'apps', 0, 'tables', 1);
    feedback.fields = [...(feedback.fields as Json[]), formula('fld-loop', 'Loop', { var: 'fld-loop' })];

    const result = validateWorkspaceDocument(document);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(summarize(result.error)).toEqual([
      `${FIELDS}[5].expression formulaCycle`,
      `${FIELDS}[6].expression unknownField`,
      '$.workspace.apps[0].tables[1].fields[2].expression formulaCycle',
    ]);
  });
});
