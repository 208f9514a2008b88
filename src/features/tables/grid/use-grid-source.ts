// Which records the grid lists, in what order and groups: creation order straight from storage when the view has no
// sort, filter, group or search; otherwise the order the query worker computed. Keeps the RecordWindow fresh as
// records change (edits update cached rows in place; additions and deletions re-list).
import { useEffect, useMemo, useRef, useState } from 'react';
import type { DataRecord, Table, View } from '../../../engine';
import { queryStore, useQueryStore, type ViewQuery } from '../../../stores/query-store';
import { tableStore } from '../../../stores/table-store';
import type { GridGroup } from './grid-layout';
import { RecordWindow } from './record-window';

export interface GridSource {
  readonly window: RecordWindow;
  readonly groups: readonly GridGroup[] | undefined;
  /** Live records in the table (before filtering). */
  readonly total: number;
  /** Records the view lists. */
  readonly matched: number;
  /** True while the query worker is still loading the table or computing. */
  readonly busy: boolean;
  /** Ids in view order (undefined in plain creation order); for export and select-all. */
  readonly orderedIds: () => Promise<readonly string[]>;
}

function fromWorker(tableId: string): boolean {
  return queryStore.getState().persisting.includes(tableId);
}

function isRecord(record: DataRecord | undefined): record is DataRecord {
  return record !== undefined;
}

export function needsQuery(view: View, search: string): boolean {
  return (
    (view.sorts?.length ?? 0) > 0 ||
    view.filter !== undefined ||
    view.groupByFieldId !== undefined ||
    search.trim() !== ''
  );
}

export function useGridSource(
  table: Table,
  view: View,
  search: string,
  groupsOf: (result: { groups?: unknown }) => GridGroup[] | undefined,
): GridSource {
  const tableId = table.id;
  const window = useMemo(
    () =>
      new RecordWindow({
        // While recomputed values are being stored, the worker's memory is fresher than storage: read from it.
        readWindow: async (offset, limit) =>
          fromWorker(tableId)
            ? (await queryStore.getState().readRecords(tableId, { offset, limit })).filter(isRecord)
            : tableStore.getState().readWindow(tableId, offset, limit),
        getRecords: (ids) =>
          fromWorker(tableId)
            ? queryStore.getState().readRecords(tableId, { ids })
            : tableStore.getState().getRecords(tableId, ids),
      }),
    [tableId],
  );
  const [total, setTotal] = useState(0);
  const [listing, setListing] = useState<{ matched: number; groups: GridGroup[] | undefined }>({
    matched: 0,
    groups: undefined,
  });
  const [busy, setBusy] = useState(false);
  const [revision, setRevision] = useState(0);
  const query = useQueryStore((state) => state.query);
  const queried = needsQuery(view, search);
  const groupsOfRef = useRef(groupsOf);
  groupsOfRef.current = groupsOf;

  const viewQuery: ViewQuery = useMemo(
    () => ({
      filter: view.filter,
      sorts: view.sorts ?? [],
      search,
      groupByFieldId: view.groupByFieldId,
    }),
    [view.filter, view.sorts, view.groupByFieldId, search],
  );

  // Keep the listing in step with changes made anywhere (this grid, the drawer, undo, an import).
  useEffect(
    () =>
      tableStore.getState().subscribe(tableId, (change) => {
        if (change.kind === 'records') {
          const found = window.update(change.records);
          // Deleted or new records change positions; in a sorted or filtered view an edit may move a record too.
          if (change.removedIds.length > 0 || found < change.records.length || queried)
            setRevision((value) => value + 1);
        } else setRevision((value) => value + 1);
      }),
    [tableId, window, queried],
  );

  useEffect(() => {
    let cancelled = false;
    const countAll = tableStore.getState().countRecords(tableId);
    if (!queried) {
      void countAll.then((count) => {
        if (cancelled) return;
        setTotal(count);
        setListing({ matched: count, groups: undefined });
        window.setSource({ count, ids: undefined });
      });
      return () => {
        cancelled = true;
      };
    }
    setBusy(true);
    void query(table, viewQuery).then((result) => {
      if (cancelled) return;
      setBusy(false);
      if (!result) return;
      setTotal(result.total);
      setListing({ matched: result.ids.length, groups: groupsOfRef.current(result) });
      window.setSource({ count: result.ids.length, ids: result.ids });
    });
    return () => {
      cancelled = true;
    };
  }, [tableId, table, viewQuery, queried, query, window, revision]);

  return {
    window,
    groups: listing.groups,
    total,
    matched: listing.matched,
    busy,
    orderedIds: async () => {
      if (window.ids) return window.ids;
      const result = await query(table, { ...viewQuery, sorts: [] });
      return result?.ids ?? [];
    },
  };
}
