// What a kanban view lists: one grouped query (by the stack field) gives every column's ids in view order; the
// records behind them are read lazily, a page per column at a time, so a 100k-record table never lands in React
// state. Changes anywhere (this board, the drawer, undo, an import) re-run the query.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DataRecord, Table, View } from '../../../engine';
import { useQueryStore, type ViewQuery } from '../../../stores/query-store';
import { tableStore } from '../../../stores/table-store';
import { buildColumns, type KanbanColumn, type StackField } from './kanban-columns';

/** Cards read per column at first and per "Show more". */
export const CARD_PAGE = 30;

export interface KanbanListing {
  readonly columns: readonly KanbanColumn[];
  /** Live records in the table. */
  readonly total: number;
  /** Records that pass the view's filter and the search. */
  readonly matched: number;
}

export interface KanbanData {
  /** Undefined until the first query answered. */
  readonly listing: KanbanListing | undefined;
  readonly records: ReadonlyMap<string, DataRecord>;
  /** Cards shown in the column. */
  readonly shownCount: (columnKey: string) => number;
  readonly showMore: (columnKey: string) => void;
}

export function useKanbanData(
  table: Table,
  view: View,
  field: StackField | undefined,
  search: string,
): KanbanData {
  const tableId = table.id;
  const query = useQueryStore((state) => state.query);
  const [listing, setListing] = useState<KanbanListing | undefined>();
  const [records, setRecords] = useState<ReadonlyMap<string, DataRecord>>(() => new Map());
  const [limits, setLimits] = useState<Readonly<Record<string, number>>>({});
  const [revision, setRevision] = useState(0);
  // Ids read or being read, and a generation that outdates reads started before a definition change or reload.
  const requested = useRef(new Set<string>());
  const generation = useRef(0);

  useEffect(
    () =>
      tableStore.getState().subscribe(tableId, (change) => {
        if (change.kind === 'records') {
          // The change carries the records as saved: cards show them at once, the query then re-sorts them.
          setRecords((current) => {
            const next = new Map(current);
            for (const record of change.records) next.set(record.id, record);
            for (const id of change.removedIds) next.delete(id);
            return next;
          });
        } else {
          generation.current += 1;
          requested.current.clear();
          setRecords(new Map());
        }
        setRevision((value) => value + 1);
      }),
    [tableId],
  );

  const viewQuery: ViewQuery = useMemo(
    () => ({
      search,
      filter: view.filter,
      sorts: view.sorts ?? [],
      groupByFieldId: field?.id,
      // Columns show counts only: no sums or averages to compute.
      aggregateFieldIds: [],
    }),
    [search, view.filter, view.sorts, field?.id],
  );

  useEffect(() => {
    if (!field) return;
    let cancelled = false;
    void query(table, viewQuery).then((result) => {
      // No result: the query failed (the store told the user) or a newer one superseded it.
      if (cancelled || !result) return;
      setListing({ columns: buildColumns(field, result), total: result.total, matched: result.matched });
    });
    return () => {
      cancelled = true;
    };
  }, [table, field, viewQuery, query, revision]);

  // Reads the records of the cards each column shows that are neither loaded nor being read, in one request.
  useEffect(() => {
    if (!listing) return;
    const missing = listing.columns.flatMap((column) =>
      column.ids
        .slice(0, limits[column.key] ?? CARD_PAGE)
        .filter((id) => !records.has(id) && !requested.current.has(id)),
    );
    if (missing.length === 0) return;
    for (const id of missing) requested.current.add(id);
    const started = generation.current;
    void tableStore
      .getState()
      .getRecords(tableId, missing)
      .then((found) => {
        // Ids stay in `requested`: a record that was not found is not asked for again (the re-query after its
        // deletion drops its card).
        if (started !== generation.current || found.every((record) => !record)) return;
        setRecords((current) => {
          const next = new Map(current);
          for (const record of found) if (record && !record.deleted) next.set(record.id, record);
          return next;
        });
      });
  }, [listing, limits, records, tableId]);

  const shownCount = useCallback((columnKey: string) => limits[columnKey] ?? CARD_PAGE, [limits]);
  const showMore = useCallback((columnKey: string) => {
    setLimits((current) => ({ ...current, [columnKey]: (current[columnKey] ?? CARD_PAGE) + CARD_PAGE }));
  }, []);

  return { listing, records, shownCount, showMore };
}
