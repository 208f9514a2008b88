// Sorting, filtering, grouping and searching a table, done by a worker that keeps the table in memory (runtime/
// table-queries.ts, injected by the composition root): the store only says which query the open view needs and
// what the worker is doing (loading the table, recomputing formulas) for the UI to show.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { DataRecord, QueryResult, Table, TableQuery } from '../engine';
import { noticesStore } from './notices-store';

export type { GroupSummary, QueryResult } from '../engine';

/** The query of a view: its saved filter, sorts and group, plus the quick-search text. */
export interface ViewQuery extends TableQuery {
  readonly search: string;
}

export interface RecomputeOutcome {
  readonly changed: number;
  readonly evaluateMs: number;
  readonly persistMs: number;
}

/** What the worker bridge offers; implemented in runtime/, provided by app/. */
export interface TableQueryService {
  /** Loads the table into the worker (once; `onLoading` reports progress) and runs the query there. */
  readonly query: (
    table: Table,
    query: TableQuery,
    onLoading: (loaded: number, total: number) => void,
  ) => Promise<QueryResult>;
  /** Recomputes the table's formula and tier fields over every record and stores the results. */
  readonly recompute: (table: Table, fieldIds?: readonly string[]) => Promise<RecomputeOutcome>;
  /** Records of the table the worker holds, from its memory (fresher than storage while `persisting`). */
  readonly readRecords: (
    tableId: string,
    request: { readonly ids: readonly string[] } | { readonly offset: number; readonly limit: number },
  ) => Promise<(DataRecord | undefined)[]>;
}

export interface QueryState {
  /** Progress of loading a table into the worker, while it lasts. */
  readonly loading: { readonly tableId: string; readonly loaded: number; readonly total: number } | undefined;
  /** Table ids whose formulas are being recomputed. */
  readonly recomputing: readonly string[];
  /**
   * Table ids whose recomputed values are in the worker but still being stored: views read those tables' records
   * from the worker meanwhile, so the new values show at once.
   */
  readonly persisting: readonly string[];
  readonly readRecords: TableQueryService['readRecords'];
  readonly setPersisting: (tableId: string, persisting: boolean) => void;
  readonly query: (table: Table, query: ViewQuery) => Promise<QueryResult | undefined>;
  readonly recompute: (table: Table, fieldIds?: readonly string[]) => Promise<RecomputeOutcome | undefined>;
}

let service: TableQueryService | undefined;

export function provideTableQueryService(provided: TableQueryService | undefined): void {
  service = provided;
}

/** Tells the user a query failed; a query superseded by a newer one (AbortError) is not a failure. */
function failed(error: unknown): void {
  if (error instanceof DOMException && error.name === 'AbortError') return;
  noticesStore.getState().toast('error', 'query.failed', {
    detail: error instanceof Error ? error.message : String(error),
  });
}

export const queryStore = createStore<QueryState>()((set) => ({
  loading: undefined,
  recomputing: [],
  persisting: [],
  readRecords: (tableId, request) => {
    if (!service) return Promise.reject(new Error('No query service'));
    return service.readRecords(tableId, request);
  },
  setPersisting: (tableId, persisting) =>
    set((state) => ({
      persisting: persisting
        ? [...state.persisting.filter((id) => id !== tableId), tableId]
        : state.persisting.filter((id) => id !== tableId),
    })),
  query: async (table, query) => {
    if (!service) {
      failed(new Error('No query service'));
      return undefined;
    }
    try {
      return await service.query(table, query, (loaded, total) => {
        set({ loading: loaded < total ? { tableId: table.id, loaded, total } : undefined });
      });
    } catch (error) {
      failed(error);
      return undefined;
    } finally {
      set({ loading: undefined });
    }
  },
  recompute: async (table, fieldIds) => {
    if (!service) {
      failed(new Error('No query service'));
      return undefined;
    }
    set((state) => ({ recomputing: [...state.recomputing, table.id] }));
    try {
      return await service.recompute(table, fieldIds);
    } catch (error) {
      failed(error);
      return undefined;
    } finally {
      set((state) => ({ recomputing: state.recomputing.filter((id) => id !== table.id) }));
    }
  },
}));

export function useQueryStore<T>(selector: (state: QueryState) => T): T {
  return useStore(queryStore, selector);
}
