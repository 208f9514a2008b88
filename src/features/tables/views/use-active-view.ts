// Which view of a table is open. The choice lives in sessionStorage (per browser tab, per table), so a reload or a
// trip to another page comes back to the same view; a deleted or unknown view falls back to the table's first.
import { useCallback, useState } from 'react';
import type { Table, View } from '../../../engine';

export function activeViewKey(tableId: string): string {
  return `liucun.view.${tableId}`;
}

// Storage can be unavailable (privacy modes, quota): the choice is then only kept in memory.
function readViewId(tableId: string): string | undefined {
  try {
    return sessionStorage.getItem(activeViewKey(tableId)) ?? undefined;
  } catch {
    return undefined;
  }
}

function writeViewId(tableId: string, viewId: string): void {
  try {
    sessionStorage.setItem(activeViewKey(tableId), viewId);
  } catch {
    // Kept in memory only.
  }
}

/**
 * The open view of `table` (undefined when it has none, or while the table is not loaded) and a setter that
 * remembers the choice. Takes undefined too, so a page can call it before it knows whether the table exists.
 */
export function useActiveView(
  table: Pick<Table, 'id' | 'views'> | undefined,
): readonly [View | undefined, (viewId: string) => void] {
  const tableId = table?.id;
  const [picked, setPicked] = useState(() => ({
    tableId,
    viewId: tableId === undefined ? undefined : readViewId(tableId),
  }));
  // On a switch to another table the state still names the previous one's view: read the new table's choice.
  const viewId =
    picked.tableId === tableId ? picked.viewId : tableId === undefined ? undefined : readViewId(tableId);
  const views = table?.views ?? [];
  const view = views.find((candidate) => candidate.id === viewId) ?? views[0];
  const setViewId = useCallback(
    (next: string) => {
      if (tableId === undefined) return;
      writeViewId(tableId, next);
      setPicked({ tableId, viewId: next });
    },
    [tableId],
  );
  return [view, setViewId] as const;
}
