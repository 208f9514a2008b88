// The page's side of querying tables: one table worker holds the table the user has open; it learns of every write
// (from the table store's change feed) before the next query, and recomputes formula and tier fields after their
// definitions change. Implements the query store's service.
import type { Table } from '../engine';
import { queryStore, type RecomputeOutcome, type TableQueryService } from '../stores/query-store';
import { subscribeAllTables, tableStore } from '../stores/table-store';
import { createTableQuery, type TableQueryService as WorkerBridge } from './table-query';

export interface TableQueriesOptions {
  readonly dbName: string;
  readonly locale: () => string;
  readonly createBridge?: () => WorkerBridge;
}

export interface TableQueries extends TableQueryService {
  readonly dispose: () => void;
}

export function createTableQueries(options: TableQueriesOptions): TableQueries {
  const bridge = (options.createBridge ?? (() => createTableQuery()))();
  let openTableId: string | undefined;
  let opening: Promise<unknown> | undefined;
  const timeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

  const ensureOpen = async (
    table: Table,
    onLoading?: (loaded: number, total: number) => void,
  ): Promise<void> => {
    if (openTableId !== table.id || !opening) {
      openTableId = table.id;
      opening = bridge.open(
        options.dbName,
        table,
        { now: Date.now(), timeZone: timeZone(), locale: options.locale() },
        onLoading,
      );
    }
    try {
      await opening;
    } catch (error) {
      opening = undefined;
      throw error;
    }
  };

  const recomputeNow = async (table: Table, fieldIds?: readonly string[]): Promise<RecomputeOutcome> => {
    await ensureOpen(table);
    bridge.setTable(table);
    const queries = queryStore.getState();
    const reload = () => tableStore.getState().notify(table.id, { kind: 'reload', keepWorker: true });
    try {
      const result = await bridge.recompute(fieldIds, {
        now: Date.now(),
        // The worker has the new values: views read from it (and show them) while storage catches up.
        onEvaluated: ({ changed }) => {
          if (changed === 0) return;
          queries.setPersisting(table.id, true);
          reload();
        },
      });
      return result;
    } finally {
      if (queryStore.getState().persisting.includes(table.id)) {
        queries.setPersisting(table.id, false);
        reload();
      }
    }
  };

  // One recompute per table at a time: a request for the same definition joins the running one; a newer definition
  // runs after it, so the last values stored are those of the last definition.
  const running = new Map<string, { version: number; done: Promise<RecomputeOutcome> }>();
  const recompute = (table: Table, fieldIds?: readonly string[]): Promise<RecomputeOutcome> => {
    const current = running.get(table.id);
    if (current && current.version >= table.version && fieldIds === undefined) return current.done;
    const done = (current ? current.done.catch(() => undefined) : Promise.resolve()).then(() =>
      recomputeNow(table, fieldIds),
    );
    const entry = { version: table.version, done };
    running.set(table.id, entry);
    void done.finally(() => {
      if (running.get(table.id) === entry) running.delete(table.id);
    });
    return done;
  };

  const stop = subscribeAllTables((tableId, change) => {
    if (change.kind === 'definition') {
      if (tableId === openTableId) bridge.setTable(change.table);
      if (change.recompute) void queryStore.getState().recompute(change.table);
      return;
    }
    if (tableId !== openTableId) return;
    if (change.kind === 'records') bridge.applyChanges(change.records, change.removedIds);
    // 'reload' after an import: read the table again before the next query (not after our own recompute).
    else if (!change.keepWorker) opening = undefined;
  });

  return {
    query: async (table, query, onLoading) => {
      await ensureOpen(table, onLoading);
      return bridge.query({ ...query, now: Date.now() });
    },
    recompute,
    readRecords: async (tableId, request) => {
      if (tableId !== openTableId) throw new Error(`The table worker holds another table than ${tableId}`);
      return (await bridge.readRecords(request)).map((record) => record ?? undefined);
    },
    dispose: () => {
      stop();
      bridge.close();
    },
  };
}
