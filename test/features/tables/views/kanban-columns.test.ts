// Kanban columns from a grouped query, and the keyboard's jump from column to column.
import type { KeyboardCoordinateGetter } from '@dnd-kit/core';
import { describe, expect, it } from 'vitest';
import type { Field, GroupSummary, JsonValue } from '../../../../src/engine';
import {
  buildColumns,
  EMPTY_COLUMN,
  stackFieldOf,
} from '../../../../src/features/tables/views/kanban-columns';
import { columnKeyboardCoordinates } from '../../../../src/features/tables/views/kanban-keyboard';

const STAGE = {
  id: 'stage',
  name: 'Stage',
  kind: 'singleSelect',
  options: [
    { id: 'lead', name: 'Lead', color: 'blue' },
    { id: 'won', name: 'Won', color: 'green' },
  ],
} as const satisfies Field;
const TIER = {
  id: 'tier',
  name: 'Tier',
  kind: 'tier',
  rules: [{ id: 'vip', label: 'VIP', color: 'purple', condition: true }],
  fallback: { label: 'Other', color: 'gray' },
} as const satisfies Field;

function group(value: JsonValue, start: number, count: number): GroupSummary {
  return { key: JSON.stringify(value), value, start, count, aggregates: {} };
}

describe('buildColumns', () => {
  it('puts each group under its option, in option order, and the rest in the empty column', () => {
    // The worker's groups: won first here, then a stored error, then blanks.
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const columns = buildColumns(STAGE, {
      ids,
      groups: [group('won', 0, 2), group({ error: '#N/A' }, 2, 1), group(null, 3, 2)],
    });
    expect(columns.map((column) => [column.key, column.ids])).toEqual([
      ['lead', []],
      ['won', ['a', 'b']],
      [EMPTY_COLUMN, ['c', 'd', 'e']],
    ]);
  });

  it('shows a tier empty column only when some record has no tier', () => {
    const full = buildColumns(TIER, {
      ids: ['a', 'b'],
      groups: [group('vip', 0, 1), group('fallback', 1, 1)],
    });
    expect(full.map((column) => column.key)).toEqual(['vip', 'fallback']);
    const partial = buildColumns(TIER, { ids: ['a', 'b'], groups: [group('vip', 0, 1), group(null, 1, 1)] });
    expect(partial.map((column) => [column.key, column.ids])).toEqual([
      ['vip', ['a']],
      ['fallback', []],
      [EMPTY_COLUMN, ['b']],
    ]);
  });

  it('finds the stack field only among single selects and tiers', () => {
    const text: Field = { id: 'name', name: 'Name', kind: 'text' };
    const table = { fields: [text, STAGE, TIER] };
    expect(stackFieldOf(table, 'tier')?.id).toBe('tier');
    expect(stackFieldOf(table, 'name')).toBeUndefined();
    expect(stackFieldOf(table, undefined)).toBeUndefined();
  });
});

describe('columnKeyboardCoordinates', () => {
  type Args = Parameters<KeyboardCoordinateGetter>;
  const rect = (left: number) => ({
    left,
    top: 100,
    width: 200,
    height: 600,
    right: left + 200,
    bottom: 700,
  });
  const columns = new Map([
    ['column:a', rect(0)],
    ['column:b', rect(220)],
    ['column:c', rect(440)],
  ]);

  function press(code: string, cardLeft: number) {
    let prevented = false;
    const event = { code, preventDefault: () => (prevented = true) } as unknown as Args[0];
    const context = {
      collisionRect: { left: cardLeft, top: 150, width: 180, height: 80, right: cardLeft + 180, bottom: 230 },
      droppableRects: columns,
      droppableContainers: { getEnabled: () => [...columns.keys()].map((id) => ({ id })) },
    } as unknown as Args[1]['context'];
    const result = columnKeyboardCoordinates(event, {
      active: 'card',
      context,
      currentCoordinates: { x: cardLeft, y: 150 },
    });
    return { result, prevented };
  }

  it('jumps to the next column right or left, below its header', () => {
    expect(press('ArrowRight', 10).result).toEqual({ x: 230, y: 140 });
    expect(press('ArrowLeft', 450).result).toEqual({ x: 230, y: 140 });
  });

  it('stays at the edges and ignores up and down', () => {
    expect(press('ArrowRight', 450).result).toBeUndefined();
    expect(press('ArrowLeft', 10).result).toBeUndefined();
    const down = press('ArrowDown', 10);
    expect(down.result).toBeUndefined();
    expect(down.prevented).toBe(true);
  });
});
