// @vitest-environment happy-dom
// The grid toolbar's view controls: every edit reports the whole new filter / sort list in the shape views store.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { useState } from 'react';
import { initReactI18next } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FilterGroup, Sort, Table } from '../../../src/engine';
import { FilterButton } from '../../../src/features/tables/grid/view-controls/filter-builder';
import { HideFieldsButton } from '../../../src/features/tables/grid/view-controls/hide-fields';
import { SortButton } from '../../../src/features/tables/grid/view-controls/sort-panel';

const TABLE: Table = {
  id: 'tbl',
  name: 'Customers',
  createdAt: 0,
  updatedAt: 0,
  version: 1,
  fields: [
    { id: 'name', name: 'Name', kind: 'text' },
    { id: 'spend', name: 'Spend', kind: 'number' },
    { id: 'joined', name: 'Joined', kind: 'date' },
  ],
  views: [],
};

beforeAll(async () => {
  // 'cimode' renders keys: the catalogs are merged separately, and the keys are what these tests name controls by.
  await i18next.use(initReactI18next).init({ lng: 'cimode', resources: {} });
});

afterEach(cleanup);

/** Feeds each reported filter back in, as the view would after saving it. */
function FilterHarness({ onChange }: { onChange: (filter: FilterGroup | undefined) => void }) {
  const [filter, setFilter] = useState<FilterGroup | undefined>();
  return (
    <FilterButton
      table={TABLE}
      filter={filter}
      onChange={(next) => {
        onChange(next);
        setFilter(next);
      }}
    />
  );
}

/** The filter without its generated ids, to compare whole. */
function withoutIds(group: FilterGroup): unknown {
  return {
    conjunction: group.conjunction,
    conditions: group.conditions.map((item) => {
      if ('conjunction' in item) return withoutIds(item);
      const { id, ...rest } = item;
      expect(typeof id).toBe('string');
      return rest;
    }),
  };
}

function lastCall<T>(mock: { mock: { calls: T[][] } }): T | undefined {
  return mock.mock.calls.at(-1)?.[0];
}

describe('FilterButton', () => {
  it('builds a number condition and switches AND to OR', () => {
    const onChange = vi.fn<(filter: FilterGroup | undefined) => void>();
    render(<FilterHarness onChange={onChange} />);
    fireEvent.click(screen.getByRole('button', { name: 'viewControls.filter.button' }));
    fireEvent.click(screen.getByRole('button', { name: 'viewControls.filter.addCondition' }));

    fireEvent.change(screen.getByLabelText('viewControls.filter.field'), { target: { value: 'spend' } });
    fireEvent.change(screen.getByLabelText('viewControls.filter.operator'), { target: { value: 'gte' } });
    fireEvent.change(screen.getByLabelText('viewControls.filter.value'), { target: { value: '10000' } });

    const filter = lastCall(onChange);
    expect(typeof filter?.id).toBe('string');
    expect(filter === undefined ? undefined : withoutIds(filter)).toEqual({
      conjunction: 'and',
      conditions: [{ fieldId: 'spend', operator: 'gte', value: 10000 }],
    });
    // The button shows that a filter applies (count 1).
    expect(screen.getByRole('button', { name: 'viewControls.filter.active', expanded: true })).toBeTruthy();

    fireEvent.change(screen.getByLabelText('viewControls.filter.conjunction'), { target: { value: 'or' } });
    expect(lastCall(onChange)).toMatchObject({
      conjunction: 'or',
      conditions: [{ fieldId: 'spend', operator: 'gte', value: 10000 }],
    });
  });

  it('adds a nested group and reports an emptied filter as undefined', () => {
    const onChange = vi.fn<(filter: FilterGroup | undefined) => void>();
    render(<FilterHarness onChange={onChange} />);
    fireEvent.click(screen.getByRole('button', { name: 'viewControls.filter.button' }));
    fireEvent.click(screen.getByRole('button', { name: 'viewControls.filter.addGroup' }));
    expect(lastCall(onChange)).toMatchObject({
      conjunction: 'and',
      conditions: [{ conjunction: 'and', conditions: [{ fieldId: 'name', operator: 'contains' }] }],
    });

    fireEvent.click(screen.getByRole('button', { name: 'viewControls.filter.removeCondition' }));
    expect(onChange).toHaveBeenLastCalledWith(undefined);
  });

  it('closes on Escape', () => {
    render(<FilterHarness onChange={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'viewControls.filter.button' }));
    expect(screen.getByRole('dialog', { name: 'viewControls.filter.title' })).toBeTruthy();
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('SortButton', () => {
  it('adds a sort by the first unsorted field and changes its direction', () => {
    const onChange = vi.fn<(sorts: Sort[]) => void>();
    const { rerender } = render(<SortButton table={TABLE} sorts={[]} onChange={onChange} />);
    fireEvent.click(screen.getByRole('button', { name: 'viewControls.sort.button' }));
    fireEvent.click(screen.getByRole('button', { name: 'viewControls.sort.add' }));
    expect(onChange).toHaveBeenLastCalledWith([{ fieldId: 'name', direction: 'asc' }]);

    rerender(
      <SortButton table={TABLE} sorts={[{ fieldId: 'name', direction: 'asc' }]} onChange={onChange} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'viewControls.sort.add' }));
    expect(onChange).toHaveBeenLastCalledWith([
      { fieldId: 'name', direction: 'asc' },
      { fieldId: 'spend', direction: 'asc' },
    ]);

    fireEvent.change(screen.getByLabelText('viewControls.sort.direction'), { target: { value: 'desc' } });
    expect(onChange).toHaveBeenLastCalledWith([{ fieldId: 'name', direction: 'desc' }]);
  });
});

describe('HideFieldsButton', () => {
  it('hides a field and sets the frozen column count', () => {
    const onChange = vi.fn<(hidden: string[]) => void>();
    const onFrozenChange = vi.fn<(count: number) => void>();
    render(
      <HideFieldsButton
        table={TABLE}
        hiddenFieldIds={[]}
        onChange={onChange}
        frozen={{ count: 1, onChange: onFrozenChange }}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'viewControls.fields.button' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Spend' }));
    expect(onChange).toHaveBeenLastCalledWith(['spend']);
    fireEvent.change(screen.getByLabelText('viewControls.fields.frozen'), { target: { value: '2' } });
    expect(onFrozenChange).toHaveBeenLastCalledWith(2);
  });

  it('offers no frozen columns where a view has no columns (kanban)', () => {
    render(<HideFieldsButton table={TABLE} hiddenFieldIds={[]} onChange={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'viewControls.fields.button' }));
    expect(screen.queryByLabelText('viewControls.fields.frozen')).toBeNull();
  });
});
