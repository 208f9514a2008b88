// Computed values of imported records: formulas and tiers, reading selects by option name and created time.
import { describe, expect, it } from 'vitest';
import type { Field } from '../../../src/engine';
import { fillComputedValues, type NewRecordDraft } from '../../../src/engine/import';

const NOW = Date.UTC(2026, 10, 22);

const FIELDS: Field[] = [
  { id: 'spend', name: 'Spend', kind: 'number' },
  {
    id: 'level',
    name: 'Level',
    kind: 'singleSelect',
    options: [{ id: 'o1', name: 'Gold', color: 'yellow' }],
  },
  { id: 'created', name: 'Created', kind: 'createdTime' },
  {
    id: 'double',
    name: 'Double',
    kind: 'formula',
    expression: { '*': [{ var: 'spend' }, 2] },
    resultType: 'number',
  },
  { id: 'isGold', name: 'Is gold', kind: 'formula', expression: { '==': [{ var: 'level' }, 'Gold'] } },
  { id: 'age', name: 'Created at', kind: 'formula', expression: { var: 'created' } },
  {
    id: 'tier',
    name: 'Tier',
    kind: 'tier',
    rules: [{ id: 'r1', label: 'High', color: 'red', condition: { '>=': [{ var: 'double' }, 100] } }],
    fallback: { label: 'General', color: 'gray' },
  },
];

describe('computed values of imported records', () => {
  it('fills formulas (in dependency order) and tiers, with selects read as option names', () => {
    const drafts: NewRecordDraft[] = [
      { values: { spend: 60, level: 'o1' }, createdAt: NOW },
      { values: { spend: 10 }, createdAt: NOW },
    ];
    const result = fillComputedValues(FIELDS, drafts, { now: NOW, timeZone: 'UTC' });
    expect(result.ok).toBe(true);
    expect(drafts[0]?.values).toEqual({
      spend: 60,
      level: 'o1',
      double: 120,
      isGold: true,
      age: NOW,
      tier: 'High',
    });
    expect(drafts[1]?.values).toMatchObject({ double: 20, isGold: false, tier: 'General' });
  });

  it('fails without touching the drafts when formulas read each other in a loop', () => {
    const loop: Field[] = [
      { id: 'a', name: 'A', kind: 'formula', expression: { var: 'b' } },
      { id: 'b', name: 'B', kind: 'formula', expression: { var: 'a' } },
    ];
    const drafts: NewRecordDraft[] = [{ values: {}, createdAt: NOW }];
    const result = fillComputedValues(loop, drafts, { now: NOW, timeZone: 'UTC' });
    expect(result.ok).toBe(false);
    expect(drafts[0]?.values).toEqual({});
  });
});
