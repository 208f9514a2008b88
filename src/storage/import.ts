// Storing an import: new fields and options, auto numbers, computed values and every record in ONE read-write
// transaction, so a cancelled or failed import leaves the table exactly as it was. Also reads records for export.
import Dexie, { type Transaction } from 'dexie';
import type { DataRecord, Field, JsonValue, SelectOption, Table } from '../engine';
import { autoNumberKey, formatAutoNumber } from '../engine';
import { fillComputedValues, type NewRecordDraft } from '../engine/import';
import type { LiucunDatabase } from './database';
import type { Environment } from './definitions';
import { assertUnique, TableEditError } from './edits';
import { toStorageError } from './errors';
import { appendHistory } from './history-log';
import { fromRecordRow, tableOfRow, type RecordRow, type TableRow } from './rows';

/** Definition changes an import makes to its table: fields it adds, options it adds to existing select fields. */
export interface ImportDefinitionChanges {
  readonly newFields: readonly Field[];
  readonly newOptions: readonly { readonly fieldId: string; readonly options: readonly SelectOption[] }[];
}

export interface ImportRecordsOptions {
  /** Aborting rolls the whole transaction back; the promise rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Zone of the date part of auto numbers and of TODAY() in formulas ('UTC' when absent). */
  readonly timeZone?: string;
}

export interface ImportRecordsResult {
  readonly recordIds: readonly string[];
  /** The table definition as stored after the import. */
  readonly table: Table;
}

/** Raised when the table's formulas cannot be computed (a loop, an unknown time zone): nothing was stored. */
export class ImportFormulaError extends Error {
  override readonly name = 'ImportFormulaError';
}

/** Raised when the table is missing or in the trash. */
export class ImportTableMissingError extends Error {
  override readonly name = 'ImportTableMissingError';
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The import was cancelled.', 'AbortError');
}

function withOptions(field: Field, options: readonly SelectOption[]): Field {
  if (field.kind !== 'singleSelect' && field.kind !== 'multiSelect') return field;
  const known = new Set(field.options.map((option) => option.id));
  const names = new Set(field.options.map((option) => option.name));
  const added = options.filter((option) => !known.has(option.id) && !names.has(option.name));
  return added.length === 0 ? field : { ...field, options: [...field.options, ...added] };
}

export class ImportRepository {
  constructor(
    private readonly db: LiucunDatabase,
    private readonly env: Environment,
  ) {}

  /** The live (not trashed) definition of a table, or undefined. */
  async readTable(tableId: string): Promise<Table | undefined> {
    try {
      const row = await this.db.tableDefs.get(tableId);
      return row && row.deletedAt === undefined ? row : undefined;
    } catch (error) {
      throw toStorageError(error);
    }
  }

  /**
   * Adds the new fields and options to the table, then one record per entry of `values` (auto numbers assigned,
   * formulas and tiers computed), all in one transaction: everything is stored, or (failure, abort) nothing.
   */
  async importRecords(
    tableId: string,
    changes: ImportDefinitionChanges,
    values: readonly Record<string, JsonValue>[],
    options: ImportRecordsOptions = {},
  ): Promise<ImportRecordsResult> {
    const { db } = this;
    const { signal } = options;
    if (signal?.aborted) throw abortReason(signal);
    let transaction: Transaction | undefined;
    const onAbort = (): void => {
      try {
        transaction?.abort();
      } catch {
        // Already committed or aborted: nothing left to undo.
      }
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return await db.transaction('rw', [db.tableDefs, db.records, db.sequences, db.history], async (tx) => {
        transaction = tx;
        if (signal?.aborted) throw abortReason(signal);
        const row = await db.tableDefs.get(tableId);
        if (row === undefined || row.deletedAt !== undefined)
          throw new ImportTableMissingError(`Not found: table ${tableId}`);
        const now = this.env.now();
        const table = this.updatedTable(row, changes, now);
        if (table !== row) await db.tableDefs.put(table);
        const drafts: NewRecordDraft[] = values.map((recordValues) => ({
          values: { ...recordValues },
          createdAt: now,
        }));
        await this.assignAutoNumbers(tableId, table.fields, drafts, options.timeZone ?? 'UTC');
        const computed = fillComputedValues(table.fields, drafts, {
          now,
          timeZone: options.timeZone ?? 'UTC',
        });
        if (!computed.ok) throw new ImportFormulaError(computed.error.message);
        const rows: RecordRow[] = drafts.map((draft) => ({
          id: this.env.newId(),
          tableId,
          values: draft.values,
          createdAt: now,
          updatedAt: now,
          version: 1,
          deleted: 0,
        }));
        // Unique fields hold each value once, against the table and within the file.
        await assertUnique(db, tableId, table.fields, rows);
        await db.records.bulkAdd(rows);
        // One undoable step: undo removes the imported records (and the fields the import added).
        await appendHistory(db, now, {
          tableId,
          label: 'history.import',
          params: { count: rows.length },
          ...(table === row ? {} : { tableBefore: tableOfRow(row), tableAfter: tableOfRow(table) }),
          records: [],
          addedIds: rows.map((record) => record.id),
        });
        if (signal?.aborted) throw abortReason(signal);
        return { recordIds: rows.map((record) => record.id), table };
      });
    } catch (error) {
      if (signal?.aborted) throw abortReason(signal);
      if (
        error instanceof ImportFormulaError ||
        error instanceof ImportTableMissingError ||
        error instanceof TableEditError
      )
        throw error;
      throw toStorageError(error);
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** The table row with the import's fields and options added (the same row when there are none). */
  private updatedTable(row: TableRow, changes: ImportDefinitionChanges, now: number): TableRow {
    if (changes.newFields.length === 0 && changes.newOptions.length === 0) return row;
    const added = new Map(changes.newOptions.map((entry) => [entry.fieldId, entry.options]));
    const fields = row.fields.map((field) => withOptions(field, added.get(field.id) ?? []));
    return {
      ...row,
      fields: [...fields, ...changes.newFields],
      updatedAt: now,
      version: row.version + 1,
    };
  }

  /** Gives each draft the next number of every auto-number field, advancing the counters (inside the transaction). */
  private async assignAutoNumbers(
    tableId: string,
    fields: readonly Field[],
    drafts: readonly NewRecordDraft[],
    timeZone: string,
  ): Promise<void> {
    for (const field of fields) {
      if (field.kind !== 'autoNumber' || drafts.length === 0) continue;
      const counters = new Map<string, number>();
      for (const draft of drafts) {
        const key = autoNumberKey(tableId, field, draft.createdAt, timeZone);
        let last = counters.get(key);
        if (last === undefined) last = (await this.db.sequences.get(key))?.value ?? 0;
        const next = last + 1;
        counters.set(key, next);
        draft.values[field.id] = formatAutoNumber(field, next, draft.createdAt, timeZone);
      }
      await this.db.sequences.bulkPut([...counters].map(([key, value]) => ({ key, tableId, value })));
    }
  }

  /** Live records by id, in the order asked for; missing and deleted ones are left out. */
  async readRecords(tableId: string, ids: readonly string[]): Promise<DataRecord[]> {
    try {
      const rows = await this.db.records.bulkGet(ids.map((id): [string, string] => [tableId, id]));
      return rows
        .filter((row): row is RecordRow => row !== undefined && row.deleted === 0)
        .map(fromRecordRow);
    } catch (error) {
      throw toStorageError(error);
    }
  }

  /** Every live record of a table in creation order (an export of the whole table). */
  async readAllRecords(tableId: string): Promise<DataRecord[]> {
    try {
      const rows = await this.db.records
        .where('[tableId+deleted+id]')
        .between([tableId, 0, Dexie.minKey], [tableId, 0, Dexie.maxKey])
        .toArray();
      return rows.map(fromRecordRow);
    } catch (error) {
      throw toStorageError(error);
    }
  }
}
