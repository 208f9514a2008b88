// Field options that refer to other things (linked tables, link fields, select options, tier rules) are checked when a
// workspace is loaded, imported or restored, and each wrong reference is reported at its own path.
import { describe, expect, it } from 'vitest';
import { validateWorkspaceDocument } from '../../../src/engine';
import { at, summarize, workspaceJson, type Json } from './documents';

const CUSTOMERS = '$.workspace.apps[0].tables[0].fields';

/** The example workspace with fields appended to Customers (apps[0].tables[0]) and Feedback (apps[0].tables[1]). */
function withFields(customers: Json[], feedback: Json[] = []): Json {
  const document = workspaceJson();
  for (const [index, extra] of [customers, feedback].entries()) {
    const table = at(document, 'workspace', 'apps', 0, 'tables', index);
    table.fields = [...(table.fields as Json[]), ...extra];
  }
  return document;
}

function problemsOf(document: Json): string[] {
  const result = validateWorkspaceDocument(document);
  return result.ok ? [] : summarize(result.error);
}

const link = (options: Json = {}): Json => ({
  id: 'fld-feedback',
  name: 'Feedback',
  kind: 'link',
  targetTableId: 'tbl-feedback',
  inverseFieldId: 'fld-customer',
  multiple: true,
  ...options,
});
const inverse: Json = {
  id: 'fld-customer',
  name: 'Customer',
  kind: 'link',
  targetTableId: 'tbl-customers',
  inverseFieldId: 'fld-feedback',
  multiple: false,
};

describe('field references', () => {
  it('accepts a two-sided link with a lookup, a rollup, selects and a tier', () => {
    const document = withFields(
      [
        link(),
        {
          id: 'fld-scores',
          name: 'Scores',
          kind: 'lookup',
          linkFieldId: 'fld-feedback',
          targetFieldId: 'fld-score',
        },
        {
          id: 'fld-avg',
          name: 'Average score',
          kind: 'rollup',
          linkFieldId: 'fld-feedback',
          targetFieldId: 'fld-score',
          aggregate: 'average',
        },
        {
          id: 'fld-region',
          name: 'Region',
          kind: 'singleSelect',
          options: [{ id: 'o-east', name: '华东', color: 'blue' }],
          defaultValue: 'o-east',
        },
        {
          id: 'fld-tier',
          name: 'Tier',
          kind: 'tier',
          rules: [
            {
              id: 'r-high',
              label: 'High value',
              color: 'red',
              condition: { '>=': [{ var: 'fld-spend' }, 1e4] },
            },
          ],
          fallback: { label: 'General', color: 'gray' },
        },
      ],
      [inverse],
    );
    expect(problemsOf(document)).toEqual([]);
  });

  it('reports a link to a table that is not in the app, and a missing inverse', () => {
    expect(problemsOf(withFields([link({ targetTableId: 'tbl-old', inverseFieldId: undefined })]))).toEqual([
      `${CUSTOMERS}[5].targetTableId unknownReference`,
    ]);
    expect(problemsOf(withFields([link()]))).toEqual([`${CUSTOMERS}[5].inverseFieldId unknownReference`]);
  });

  it('reports lookups and rollups that do not go through a link, or read a field the linked table lacks', () => {
    const document = withFields(
      [
        link(),
        { id: 'fld-a', name: 'A', kind: 'lookup', linkFieldId: 'fld-spend', targetFieldId: 'fld-score' },
        {
          id: 'fld-b',
          name: 'B',
          kind: 'rollup',
          linkFieldId: 'fld-feedback',
          targetFieldId: 'fld-x',
          aggregate: 'sum',
        },
      ],
      [inverse],
    );
    expect(problemsOf(document)).toEqual([
      `${CUSTOMERS}[6].linkFieldId unknownReference`,
      `${CUSTOMERS}[7].targetFieldId unknownReference`,
    ]);
  });

  it('reports duplicate option ids, a default that is not an option, and a rating default above its stars', () => {
    const document = withFields([
      {
        id: 'fld-tags',
        name: 'Tags',
        kind: 'multiSelect',
        options: [
          { id: 'o1', name: 'VIP', color: 'red' },
          { id: 'o1', name: 'New', color: 'green' },
        ],
        defaultValue: ['o2'],
      },
      { id: 'fld-stars', name: 'Stars', kind: 'rating', max: 5, defaultValue: 7 },
    ]);
    expect(problemsOf(document)).toEqual([
      `${CUSTOMERS}[5].defaultValue unknownReference`,
      `${CUSTOMERS}[5].options[1].id duplicateId`,
      `${CUSTOMERS}[6].defaultValue tooBig`,
    ]);
  });

  it('checks tier conditions like formulas: unknown fields and loops through formulas', () => {
    const document = withFields([
      {
        id: 'fld-tier',
        name: 'Tier',
        kind: 'tier',
        rules: [
          { id: 'r1', label: 'A', color: 'red', condition: { '>=': [{ var: 'fld-score-x' }, 1] } },
          { id: 'r1', label: 'B', color: 'red', condition: { '==': [{ var: 'fld-label' }, 'x'] } },
        ],
        fallback: { label: 'C', color: 'gray' },
      },
      { id: 'fld-label', name: 'Label', kind: 'formula', expression: { CONCAT: [{ var: 'fld-tier' }, '!'] } },
    ]);
    expect(problemsOf(document)).toEqual([
      `${CUSTOMERS}[5].rules formulaCycle`,
      `${CUSTOMERS}[5].rules unknownField`,
      `${CUSTOMERS}[5].rules[1].id duplicateId`,
    ]);
  });
});
