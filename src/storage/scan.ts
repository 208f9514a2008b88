// Whole-table reads and computed-value writes for the table worker: every live record of a table in chunks (each its
// own short read transaction, so no transaction stays open while the worker digests a chunk), and computed values
// merged into stored records in one transaction.
import Dexie from 'dexie';
import type { DataRecord, JsonValue } from '../engine';
import type { LiucunDatabase } from './database';
import type { Environment } from './definitions';
import { fromRecordRow, type RecordRow } from './rows';
import { readTransaction, writeTransaction } from './write';

export const DEFAULT_SCAN_CHUNK_SIZE = 5_000;

/** Computed values of one record, by field id. */
export interface ComputedChange {
  readonly id: string;
  readonly values: Readonly<Record<string, JsonValue>>;
  /** The record version the values were computed from; a record changed since is left alone. */
  readonly version?: number;
}

export class ScanRepository {
  constructor(
    private readonly db: LiucunDatabase,
    // The repositories' common shape; a computed refresh takes no time stamp or new id (see writeComputed).
    _env: Environment,
  ) {}

  /**
   * Reads the live records of `tableId` in creation order, `chunkSize` at a time, handing each chunk to `onChunk`
   * (awaited before the next read). Chunks continue after the last key read, so a record added meanwhile behind the
   * last chunk is read too and none is read twice. Resolves with the number of records read.
   */
  async readAll(
    tableId: string,
    onChunk: (records: DataRecord[]) => void | Promise<void>,
    chunkSize = DEFAULT_SCAN_CHUNK_SIZE,
  ): Promise<number> {
    const { db } = this;
    const limit = Math.max(1, Math.floor(chunkSize));
    let lastId: string | undefined;
    let read = 0;
    for (;;) {
      const after = lastId;
      const rows = await readTransaction(db, [db.records], () =>
        db.records
          .where('[tableId+deleted+id]')
          .between(
            [tableId, 0, after ?? Dexie.minKey],
            [tableId, 0, Dexie.maxKey],
            // The first chunk includes its lower bound; later ones start after the last id read.
            after === undefined,
            true,
          )
          .limit(limit)
          .toArray(),
      );
      if (rows.length === 0) return read;
      read += rows.length;
      lastId = rows[rows.length - 1]?.id;
      await onChunk(rows.map(fromRecordRow));
      if (rows.length < limit) return read;
    }
  }

  /**
   * Merges computed values into stored records in one read-write transaction: all are written or none. A refresh of
   * computed values is no edit by a person, so `updatedAt` and `version` stay as they are (the change feed and undo
   * history are about edits). Records deleted or missing meanwhile are skipped. With `complete` (a recompute of every
   * computed field of the definition at `tableVersion`), the table's recompute flag is cleared in the same
   * transaction, unless the definition changed meanwhile. Returns how many were written.
   */
  async writeComputed(
    tableId: string,
    changes: readonly ComputedChange[],
    options: { readonly complete?: boolean; readonly tableVersion?: number } = {},
  ): Promise<number> {
    const { db } = this;
    if (changes.length === 0 && options.complete !== true) return 0;
    return writeTransaction(db, [db.records, db.tableDefs], async () => {
      const rows = await db.records.bulkGet(changes.map((change): [string, string] => [tableId, change.id]));
      const updated: RecordRow[] = [];
      rows.forEach((row, index) => {
        const change = changes[index];
        if (row === undefined || row.deleted === 1 || change === undefined) return;
        if (change.version !== undefined && change.version !== row.version) return;
        updated.push({ ...row, values: { ...row.values, ...change.values } });
      });
      await db.records.bulkPut(updated);
      if (options.complete === true) {
        const table = await db.tableDefs.get(tableId);
        // Only for the definition the values were computed from: a newer one still owes its own recompute.
        if (table?.recomputePending === true && table.version === options.tableVersion) {
          const { recomputePending: _done, ...cleared } = table;
          await db.tableDefs.put(cleared);
        }
      }
      return updated.length;
    });
  }
}
