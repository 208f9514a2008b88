// The view settings every view kind shares in its toolbar: filter, sorts and shown fields (and, in a grid, frozen
// columns), each saved into the view as an undoable change.
import { FilterGroupSchema, type Person, type Table, type View } from '../../../../engine';
import { FilterButton } from './filter-builder';
import { HideFieldsButton } from './hide-fields';
import { SortButton } from './sort-panel';

export interface ViewControlsProps {
  readonly table: Table;
  readonly view: View;
  readonly people: readonly Person[];
  readonly saveView: (change: (view: View) => View) => unknown;
  /** Offer the frozen-columns setting (grid views). */
  readonly columns?: boolean;
}

export function ViewControls({ table, view, people, saveView, columns = false }: ViewControlsProps) {
  return (
    <>
      <FilterButton
        table={table}
        filter={view.filter}
        people={people}
        onChange={(filter) => {
          // The builder's groups are checked against the saved shape (depth, sizes) before they are stored.
          const parsed = filter ? FilterGroupSchema.safeParse(filter) : undefined;
          if (parsed && !parsed.success) return;
          saveView((current) => {
            const { filter: _old, ...rest } = current;
            return parsed ? { ...rest, filter: parsed.data } : rest;
          });
        }}
      />
      <SortButton
        table={table}
        sorts={view.sorts ?? []}
        onChange={(sorts) => saveView((current) => ({ ...current, sorts }))}
      />
      <HideFieldsButton
        table={table}
        hiddenFieldIds={view.hiddenFieldIds ?? []}
        onChange={(hiddenFieldIds) => saveView((current) => ({ ...current, hiddenFieldIds }))}
        frozen={
          columns
            ? {
                count: view.frozenFieldCount ?? 1,
                onChange: (frozenFieldCount) => saveView((current) => ({ ...current, frozenFieldCount })),
              }
            : undefined
        }
      />
    </>
  );
}
