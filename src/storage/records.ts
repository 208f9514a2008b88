// Repository of records: windowed reads in creation order, bulk inserts, versioned updates and tombstones.
import Dexie from 'dexie';
import type { DataRecord, JsonValue } from '../engine';
import type { LiucunDatabase } from './database';
import type { Environment } from './definitions';
import { fromRecordRow, type RecordRow } from './rows';
import { readTransaction, writeTransaction } from './write';

export class RecordsRepository {
  constructor(
    private readonly db: LiucunDatabase,
    private readonly env: Environment,
  ) {}

  private liveRange(tableId: string) {
    return this.db.records
      .where('[tableId+deleted+id]')
      .between([tableId, 0, Dexie.minKey], [tableId, 0, Dexie.maxKey]);
  }

  /** Adds records in one transaction: all of them are stored, or (on any failure) none. Returns their ids. */
  async addRecords(tableId: string, values: readonly Record<string, JsonValue>[]): Promise<string[]> {
    const { db } = this;
    return writeTransaction(db, [db.tableDefs, db.records], async () => {
      if ((await db.tableDefs.get(tableId)) === undefined) throw new Error(`Not found: table ${tableId}`);
      const now = this.env.now();
      const rows: RecordRow[] = values.map((recordValues) => ({
        id: this.env.newId(),
        tableId,
        values: recordValues,
        createdAt: now,
        updatedAt: now,
        version: 1,
        deleted: 0,
      }));
      await db.records.bulkAdd(rows);
      return rows.map((row) => row.id);
    });
  }

  /** Merges `changes` into a record's values and bumps its version. */
  async updateRecord(tableId: string, id: string, changes: Record<string, JsonValue>): Promise<DataRecord> {
    const { db } = this;
    return writeTransaction(db, [db.records], async () => {
      const row = await db.records.get([tableId, id]);
      if (row === undefined || row.deleted === 1) throw new Error(`Not found: record ${id}`);
      const updated: RecordRow = {
        ...row,
        values: { ...row.values, ...changes },
        updatedAt: this.env.now(),
        version: row.version + 1,
      };
      await db.records.put(updated);
      return fromRecordRow(updated);
    });
  }

  /** Deletes records by leaving tombstones (values kept for undo until the table is purged). */
  async deleteRecords(tableId: string, ids: readonly string[]): Promise<void> {
    const { db } = this;
    await writeTransaction(db, [db.records], async () => {
      const rows = await db.records.bulkGet(ids.map((id): [string, string] => [tableId, id]));
      const now = this.env.now();
      const tombstones = rows
        .filter((row): row is RecordRow => row !== undefined && row.deleted === 0)
        .map((row) => ({ ...row, deleted: 1 as const, updatedAt: now, version: row.version + 1 }));
      await db.records.bulkPut(tombstones);
    });
  }

  /** Live records `offset … offset+limit` in creation order: what a grid needs for its visible window. */
  async readWindow(tableId: string, offset: number, limit: number): Promise<DataRecord[]> {
    return readTransaction(this.db, [this.db.records], async () =>
      (await this.liveRange(tableId).offset(offset).limit(limit).toArray()).map(fromRecordRow),
    );
  }

  async countRecords(tableId: string): Promise<number> {
    return readTransaction(this.db, [this.db.records], () => this.liveRange(tableId).count());
  }
}
