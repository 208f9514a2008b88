// Undoable edits of one table: its definition (fields, views) and its records. Each edit is one transaction that
// writes the change and its history row together, so an undo never finds half a change; undo and redo replay the
// stored before/after states in a transaction of their own. The log survives reloads (IndexedDB).
import Dexie from 'dexie';
import {
  autoNumberKey,
  cellText,
  computedDefinitionsDiffer,
  convertValue,
  COMPUTED_FIELD_KINDS,
  formatAutoNumber,
  prepareComputedFields,
  prepareDefaults,
  previewConversion,
  TableSchema,
  type AutoNumberField,
  type ComputedRecord,
  type ConversionPreview,
  type DataRecord,
  type Field,
  type NewOption,
  OPTION_COLORS,
  type JsonValue,
  type Table,
} from '../engine';
import type { LiucunDatabase } from './database';
import type { Environment } from './definitions';
import {
  fromRecordRow,
  tableOfRow,
  type HistoryRow,
  type RecordChangeRow,
  type RecordRow,
  type TableRow,
} from './rows';
import { StorageError } from './errors';
import { appendHistory } from './history-log';
import { readTransaction, writeTransaction } from './write';

export { HISTORY_LIMIT } from './history-log';

/** What a history entry is called in the UI: a catalog key under `history.` and its parameters. */
export interface EditLabel {
  readonly label: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export interface EditContext {
  /** IANA zone for TODAY()/NOW() in formulas and the date part of auto-numbers. */
  readonly timeZone: string;
  /** The person using the app on this device, for "current user" defaults. */
  readonly currentUserId?: string | undefined;
}

export interface HistoryState {
  readonly undo: EditLabel | undefined;
  readonly redo: EditLabel | undefined;
}

/** What an undo or redo changed, so the caller can refresh what it shows. */
export interface ReplayResult extends EditLabel {
  readonly table: Table | undefined;
  readonly definitionChanged: boolean;
  /** Records whose state was written back (deleted ones included, with `deleted: true`). */
  readonly records: readonly DataRecord[];
  /** The other tables of a change that spans tables (a link's other side), replayed with it. */
  readonly others: readonly ReplayedTable[];
}

/** What a replay wrote in one table. */
export interface ReplayedTable {
  readonly tableId: string;
  /** The restored definition, when the entry changed it. */
  readonly table: Table | undefined;
  readonly records: readonly DataRecord[];
}

export interface RecordHistoryEntry extends EditLabel {
  readonly at: number;
  readonly created: boolean;
  readonly deleted: boolean;
  readonly fields: readonly {
    readonly fieldId: string;
    readonly before: JsonValue;
    readonly after: JsonValue;
  }[];
}

export class TableEditError extends Error {
  override readonly name = 'TableEditError';
  constructor(
    /** Catalog key (edits.*). */
    readonly code: string,
    message: string,
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(message);
  }
}

/** A write transaction whose refusals (TableEditError) reach the caller as themselves, not as storage failures. */
export async function editTransaction<T>(
  db: LiucunDatabase,
  tables: Parameters<typeof writeTransaction>[1],
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await writeTransaction(db, tables, work);
  } catch (error) {
    if (error instanceof StorageError && error.cause instanceof TableEditError) throw error.cause;
    throw error;
  }
}

function isBlank(value: unknown): boolean {
  return (
    value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
  );
}

export class TableEditsRepository {
  constructor(
    private readonly db: LiucunDatabase,
    private readonly env: Environment,
  ) {}

  // ── Definition ────────────────────────────────────────────────────────────────────────────────────────────

  /**
   * Replaces the table's definition by `change(current)`, after validating it (schema, formula loops). When a field
   * changes kind, every record's value is converted in the same transaction; values that do not convert are
   * cleared in the field, and the history keeps them, so undo brings them back.
   */
  async changeTable(
    tableId: string,
    change: (table: Table) => Table,
    label: EditLabel,
    context: EditContext,
  ): Promise<TableRow> {
    const { db } = this;
    return editTransaction(db, [db.tableDefs, db.records, db.history], async () => {
      const row = await this.tableRow(tableId);
      let next = this.validated(change(tableOfRow(row)), context);
      const converted = kindChanges(row.fields, next.fields);
      const recordChanges: RecordChangeRow[] = [];
      if (converted.length > 0) {
        const rows = await this.liveRows(tableId);
        const now = this.env.now();
        const updated = new Map<string, RecordRow>();
        for (const [from, initial] of converted) {
          // Names that are not options yet become options (as Airtable does), one id per name.
          const optionIds = new Map<string, string>();
          const newOptionId = (name: string): string => {
            const key = name.toLowerCase();
            const id = optionIds.get(key) ?? this.env.newId();
            optionIds.set(key, id);
            return id;
          };
          const options = { timeZone: context.timeZone, createOptions: true, newOptionId };
          const values = rows.map((record): [string, unknown] => [record.id, record.values[from.id]]);
          const to = withNewOptions(initial, previewConversion(from, initial, values, options).newOptions);
          next = { ...next, fields: next.fields.map((field) => (field.id === to.id ? to : field)) };
          for (const record of rows) {
            const before = record.values[from.id];
            if (isBlank(before)) continue;
            const result = convertValue(from, to, before, options);
            const current = updated.get(record.id) ?? record;
            updated.set(record.id, {
              ...current,
              values: { ...current.values, [to.id]: result.ok ? (result.value as JsonValue) : null },
            });
          }
        }
        for (const record of rows) {
          const changed = updated.get(record.id);
          if (!changed) continue;
          const after: RecordRow = { ...changed, updatedAt: now, version: record.version + 1 };
          recordChanges.push({ id: record.id, before: record, after });
        }
        await db.records.bulkPut(recordChanges.map((entry) => entry.after as RecordRow));
      }
      const saved: TableRow = {
        ...row,
        ...withoutFlag(next),
        ...pendingFlag(row, next),
        updatedAt: this.env.now(),
        version: row.version + 1,
      };
      await db.tableDefs.put(saved);
      await this.record({
        tableId,
        ...label,
        tableBefore: tableOfRow(row),
        tableAfter: tableOfRow(saved),
        records: recordChanges,
      });
      return saved;
    });
  }

  /**
   * What changing `from` into `to` would do to the stored values (how many convert, which do not), without doing it.
   * Reads every live record of the table, in one read transaction.
   */
  async previewKindChange(
    tableId: string,
    from: Field,
    to: Field,
    context: EditContext,
  ): Promise<ConversionPreview> {
    return readTransaction(this.db, [this.db.records], async () => {
      const rows = await this.liveRows(tableId);
      return previewConversion(
        from,
        to,
        rows.map((row): [string, unknown] => [row.id, row.values[from.id]]),
        // As the change itself does: names that are not options yet become options (listed in newOptions).
        { timeZone: context.timeZone, createOptions: true },
      );
    });
  }

  // ── Records ───────────────────────────────────────────────────────────────────────────────────────────────

  /** Adds records with their computed fields and auto-numbers filled in. Returns them in input order. */
  async addRecords(
    tableId: string,
    values: readonly Record<string, JsonValue>[],
    label: EditLabel,
    context: EditContext,
  ): Promise<DataRecord[]> {
    const { db } = this;
    return editTransaction(db, [db.tableDefs, db.records, db.history, db.sequences], async () => {
      const table = await this.tableRow(tableId);
      const now = this.env.now();
      const compute = this.computer(table.fields, context);
      const numbering = await this.numbering(tableId, table.fields, now, context, values.length);
      const withDefaults = prepareDefaults(table.fields, {
        now,
        timeZone: context.timeZone,
        currentUserId: context.currentUserId,
      });
      const rows = values.map((input, at): RecordRow => {
        const own = withDefaults(writableValues(table.fields, input));
        const numbered = { ...own, ...numbering(at) };
        const id = this.env.newId();
        return {
          id,
          tableId,
          values: { ...numbered, ...compute({ id, values: numbered, createdAt: now, updatedAt: now }) },
          createdAt: now,
          updatedAt: now,
          version: 1,
          deleted: 0,
        };
      });
      await this.checkUnique(tableId, table.fields, rows);
      await db.records.bulkAdd(rows);
      await this.record({ tableId, ...label, records: [], addedIds: rows.map((row) => row.id) });
      return rows.map(fromRecordRow);
    });
  }

  /**
   * Sets values of existing records (one or many: a cell, a pasted range, a bulk edit) and recomputes their computed
   * fields. Computed fields in `changes` are ignored: people never type into them.
   */
  async updateRecords(
    tableId: string,
    changes: readonly { readonly id: string; readonly values: Readonly<Record<string, JsonValue>> }[],
    label: EditLabel,
    context: EditContext,
  ): Promise<DataRecord[]> {
    const { db } = this;
    return editTransaction(db, [db.tableDefs, db.records, db.history], async () => {
      const table = await this.tableRow(tableId);
      const compute = this.computer(table.fields, context);
      const rows = await db.records.bulkGet(changes.map((change): [string, string] => [tableId, change.id]));
      const now = this.env.now();
      const recordChanges: RecordChangeRow[] = [];
      changes.forEach((change, at) => {
        const row = rows[at];
        if (row === undefined || row.deleted === 1) return;
        const merged = { ...row.values, ...writableValues(table.fields, change.values) };
        const values = {
          ...merged,
          ...compute({ id: row.id, values: merged, createdAt: row.createdAt, updatedAt: now }),
        };
        const after: RecordRow = { ...row, values, updatedAt: now, version: row.version + 1 };
        recordChanges.push({ id: row.id, before: row, after });
      });
      const written = recordChanges.map((change) => change.after as RecordRow);
      const touched = new Set(changes.flatMap((change) => Object.keys(change.values)));
      await this.checkUnique(
        tableId,
        table.fields.filter((field) => touched.has(field.id)),
        written,
      );
      await db.records.bulkPut(written);
      await this.record({ tableId, ...label, records: recordChanges });
      return written.map(fromRecordRow);
    });
  }

  /** Deletes records (tombstones keep their values, so undo restores them). */
  async deleteRecords(tableId: string, ids: readonly string[], label: EditLabel): Promise<number> {
    const { db } = this;
    return writeTransaction(db, [db.records, db.history], async () => {
      const rows = await db.records.bulkGet(ids.map((id): [string, string] => [tableId, id]));
      const now = this.env.now();
      const recordChanges: RecordChangeRow[] = [];
      for (const row of rows) {
        if (row === undefined || row.deleted === 1) continue;
        const after: RecordRow = { ...row, deleted: 1, updatedAt: now, version: row.version + 1 };
        recordChanges.push({ id: row.id, before: row, after });
      }
      await db.records.bulkPut(recordChanges.map((change) => change.after as RecordRow));
      await this.record({ tableId, ...label, records: recordChanges });
      return recordChanges.length;
    });
  }

  /** Records by id (live ones only), in the order asked: the grid's visible window of a sorted or filtered view. */
  async getRecords(tableId: string, ids: readonly string[]): Promise<(DataRecord | undefined)[]> {
    return readTransaction(this.db, [this.db.records], async () => {
      const rows = await this.db.records.bulkGet(ids.map((id): [string, string] => [tableId, id]));
      return rows.map((row) => (row === undefined || row.deleted === 1 ? undefined : fromRecordRow(row)));
    });
  }

  /** The changes to one record still in the table's history, newest first (what the record drawer lists). */
  async recordHistory(tableId: string, recordId: string): Promise<RecordHistoryEntry[]> {
    return readTransaction(this.db, [this.db.history], async () => {
      const { done } = await this.stacks(tableId);
      return done.reverse().flatMap((row): RecordHistoryEntry[] => {
        if (row.addedIds?.includes(recordId) === true)
          return [
            {
              at: row.at,
              label: row.label,
              ...(row.params ? { params: row.params } : {}),
              created: true,
              deleted: false,
              fields: [],
            },
          ];
        const change = row.records.find((candidate) => candidate.id === recordId);
        if (!change) return [];
        const before = change.before?.values ?? {};
        const after = change.after?.values ?? {};
        const fieldIds = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
          (fieldId) => JSON.stringify(before[fieldId] ?? null) !== JSON.stringify(after[fieldId] ?? null),
        );
        return [
          {
            at: row.at,
            label: row.label,
            ...(row.params ? { params: row.params } : {}),
            created: change.before === undefined,
            deleted: change.after?.deleted === 1,
            fields: fieldIds.map((fieldId) => ({
              fieldId,
              before: before[fieldId] ?? null,
              after: after[fieldId] ?? null,
            })),
          },
        ];
      });
    });
  }

  // ── Undo / redo ───────────────────────────────────────────────────────────────────────────────────────────

  async historyState(tableId: string): Promise<HistoryState> {
    return readTransaction(this.db, [this.db.history], async () => {
      const { done, undone } = await this.stacks(tableId);
      const labelOf = (row: HistoryRow | undefined): EditLabel | undefined =>
        row ? { label: row.label, ...(row.params ? { params: row.params } : {}) } : undefined;
      return { undo: labelOf(done.at(-1)), redo: labelOf(undone[0]) };
    });
  }

  /** Undoes the table's latest change; undefined when there is nothing to undo. */
  async undo(tableId: string): Promise<ReplayResult | undefined> {
    return this.replay(tableId, 'undo');
  }

  /** Redoes the change undone last; undefined when there is nothing to redo. */
  async redo(tableId: string): Promise<ReplayResult | undefined> {
    return this.replay(tableId, 'redo');
  }

  private async replay(tableId: string, direction: 'undo' | 'redo'): Promise<ReplayResult | undefined> {
    const { db } = this;
    return editTransaction(db, [db.tableDefs, db.records, db.history], async () => {
      const { done, undone } = await this.stacks(tableId);
      const entry = direction === 'undo' ? done.at(-1) : undone[0];
      if (entry?.seq === undefined) return undefined;
      const now = this.env.now();
      const own = await this.applyEntry(entry, direction, now);
      // A change that spans tables (a link and its inverse) is undone and redone on every side together.
      const siblings =
        entry.group === undefined
          ? []
          : await db.history
              .filter(
                (row) =>
                  row.group === entry.group &&
                  row.seq !== entry.seq &&
                  row.undone === (direction === 'undo' ? 0 : 1),
              )
              .toArray();
      const others: ReplayedTable[] = [];
      for (const sibling of siblings) others.push(await this.applyEntry(sibling, direction, now));
      return {
        label: entry.label,
        ...(entry.params ? { params: entry.params } : {}),
        table: own.table,
        definitionChanged: own.table !== undefined,
        records: own.records,
        others,
      };
    });
  }

  /** Writes one history entry's before (undo) or after (redo) states and marks it; inside a replay transaction. */
  private async applyEntry(
    entry: HistoryRow,
    direction: 'undo' | 'redo',
    now: number,
  ): Promise<ReplayedTable> {
    const { db } = this;
    const { tableId } = entry;
    const tableState = direction === 'undo' ? entry.tableBefore : entry.tableAfter;
    let table: Table | undefined;
    if (tableState) {
      const row = await this.tableRow(tableId);
      const restored: TableRow = {
        ...row,
        ...withoutFlag(tableState),
        ...pendingFlag(row, tableState),
        updatedAt: now,
        version: row.version + 1,
      };
      await db.tableDefs.put(restored);
      table = tableOfRow(restored);
    }
    const current = await db.records.bulkGet(
      entry.records.map((change): [string, string] => [tableId, change.id]),
    );
    const written: RecordRow[] = entry.records.flatMap((change, at): RecordRow[] => {
      const target = direction === 'undo' ? change.before : change.after;
      const other = direction === 'undo' ? change.after : change.before;
      const base = target ?? other;
      if (base === undefined) return [];
      const version = (current[at]?.version ?? base.version) + 1;
      // A record that did not exist on this side becomes a tombstone (undoing an add deletes it again).
      return [{ ...base, ...(target ? {} : { deleted: 1 as const }), updatedAt: now, version }];
    });
    // Added records: undo tombstones them, redo brings them back (their values never left the row).
    const added = entry.addedIds ?? [];
    if (added.length > 0) {
      const rows = await db.records.bulkGet(added.map((id): [string, string] => [tableId, id]));
      const deleted = direction === 'undo' ? 1 : 0;
      for (const row of rows) {
        if (row === undefined || row.deleted === deleted) continue;
        written.push({ ...row, deleted, updatedAt: now, version: row.version + 1 });
      }
    }
    await db.records.bulkPut(written);
    if (entry.seq !== undefined) await db.history.update(entry.seq, { undone: direction === 'undo' ? 1 : 0 });
    return { tableId, table, records: written.map(fromRecordRow) };
  }

  // ── Internals ─────────────────────────────────────────────────────────────────────────────────────────────

  private async checkUnique(
    tableId: string,
    fields: readonly Field[],
    rows: readonly RecordRow[],
  ): Promise<void> {
    await assertUnique(this.db, tableId, fields, rows);
  }

  /** The table's log split into what can be undone (oldest first) and what can be redone (next redo first). */
  private async stacks(tableId: string): Promise<{ done: HistoryRow[]; undone: HistoryRow[] }> {
    const rows = await this.db.history
      .where('[tableId+seq]')
      .between([tableId, Dexie.minKey], [tableId, Dexie.maxKey])
      .toArray();
    return { done: rows.filter((row) => row.undone === 0), undone: rows.filter((row) => row.undone === 1) };
  }

  /** Logs a change (dropping the redo stack and entries beyond the limit), inside the change's transaction. */
  private async record(entry: Omit<HistoryRow, 'seq' | 'at' | 'undone'>): Promise<void> {
    await appendHistory(this.db, this.env.now(), entry);
  }

  private async tableRow(tableId: string): Promise<TableRow> {
    const row = await this.db.tableDefs.get(tableId);
    if (row === undefined || row.deletedAt !== undefined)
      throw new TableEditError('edits.tableMissing', `Not found: table ${tableId}`);
    return row;
  }

  private async liveRows(tableId: string): Promise<RecordRow[]> {
    return this.db.records
      .where('[tableId+deleted+id]')
      .between([tableId, 0, Dexie.minKey], [tableId, 0, Dexie.maxKey])
      .toArray();
  }

  private validated(table: Table, context: EditContext): Table {
    const parsed = TableSchema.safeParse(table);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new TableEditError('edits.invalidTable', `Invalid table: ${issue?.message ?? 'unknown'}`, {
        path: issue?.path.join('.') ?? '',
      });
    }
    const ids = new Set<string>();
    for (const field of parsed.data.fields) {
      if (ids.has(field.id))
        throw new TableEditError('edits.duplicateField', `Duplicate field id ${field.id}`);
      ids.add(field.id);
    }
    const prepared = prepareComputedFields(parsed.data.fields, {
      now: this.env.now,
      timeZone: context.timeZone,
    });
    if (!prepared.ok && prepared.error.kind === 'cycle')
      throw new TableEditError('edits.cycle', prepared.error.message, { cycle: prepared.error.cycle });
    return parsed.data;
  }

  /** Computes a record's formula and tier values (only those that differ from what it holds). */
  private computer(
    fields: readonly Field[],
    context: EditContext,
  ): (record: ComputedRecord) => Record<string, JsonValue> {
    const now = this.env.now();
    const prepared = prepareComputedFields(fields, { now: () => now, timeZone: context.timeZone });
    if (!prepared.ok) return () => ({});
    return (record) => prepared.value.evaluateRange([record], { from: 0, to: 1 })[0]?.changes ?? {};
  }

  /**
   * Reserves `count` numbers for each auto-number field (counter rows advance in this transaction) and returns the
   * values of the `at`-th new record, all created at `now`.
   */
  private async numbering(
    tableId: string,
    fields: readonly Field[],
    now: number,
    context: EditContext,
    count: number,
  ): Promise<(at: number) => Record<string, JsonValue>> {
    const numbered = fields.filter((field): field is AutoNumberField => field.kind === 'autoNumber');
    const starts = await Promise.all(
      numbered.map(async (field) => {
        const key = autoNumberKey(tableId, field, now, context.timeZone);
        const last = (await this.db.sequences.get(key))?.value ?? 0;
        await this.db.sequences.put({ key, tableId, value: last + count });
        return { field, first: last + 1 };
      }),
    );
    return (at) =>
      Object.fromEntries(
        starts.map(({ field, first }) => [
          field.id,
          formatAutoNumber(field, first + at, now, context.timeZone),
        ]),
      );
  }
}

/**
 * The recompute flag of a table going from `row` to `next`: set when computed definitions change, kept while a
 * recompute is still owed; never taken from `next` (a history snapshot may hold a stale flag).
 */
function pendingFlag(row: TableRow, next: Table): { recomputePending?: true } {
  return row.recomputePending === true || computedDefinitionsDiffer(row.fields, next.fields)
    ? { recomputePending: true }
    : {};
}

/** A definition without its recompute flag, which only storage sets (see pendingFlag). */
function withoutFlag(table: Table): Table {
  const { recomputePending: _flag, ...definition } = table;
  return definition;
}

/** Fields whose kind changed between two versions of a table, as [before, after] pairs. */
function kindChanges(before: readonly Field[], after: readonly Field[]): [Field, Field][] {
  const old = new Map(before.map((field) => [field.id, field]));
  return after.flatMap((field): [Field, Field][] => {
    const previous = old.get(field.id);
    return previous && previous.kind !== field.kind && !COMPUTED_FIELD_KINDS.includes(field.kind)
      ? [[previous, field]]
      : [];
  });
}

/** A select field with `added` appended to its options (colours taken in turn); other kinds as they are. */
function withNewOptions(field: Field, added: readonly NewOption[]): Field {
  if ((field.kind !== 'singleSelect' && field.kind !== 'multiSelect') || added.length === 0) return field;
  const options = [
    ...field.options,
    ...added.map((option, at) => ({
      ...option,
      color: OPTION_COLORS[(field.options.length + at) % OPTION_COLORS.length] ?? 'gray',
    })),
  ];
  return { ...field, options };
}

/** The values a person may set: computed fields are left out. Unknown field ids are kept (a later undo may need them). */
function writableValues(
  fields: readonly Field[],
  values: Readonly<Record<string, JsonValue>>,
): Record<string, JsonValue> {
  const computed = new Set(
    fields.filter((field) => COMPUTED_FIELD_KINDS.includes(field.kind)).map((field) => field.id),
  );
  return Object.fromEntries(Object.entries(values).filter(([fieldId]) => !computed.has(fieldId)));
}

/**
 * Refuses `rows` (new or changed) when one of `fields` marked unique would hold the same value twice, among them or
 * against the table's other live records. Values compare as their text, ignoring case and surrounding spaces;
 * blanks never clash. Reads the whole table, and only when a unique field is written.
 */
export async function assertUnique(
  db: LiucunDatabase,
  tableId: string,
  fields: readonly Field[],
  rows: readonly RecordRow[],
): Promise<void> {
  const unique = fields.filter((field) => field.unique === true);
  if (unique.length === 0 || rows.length === 0) return;
  const written = new Set(rows.map((row) => row.id));
  const keyOf = (field: Field, value: unknown): string | undefined => {
    if (isBlank(value)) return undefined;
    const text = cellText(field, value).trim().toLowerCase();
    return text === '' ? undefined : text;
  };
  const others = (
    await db.records
      .where('[tableId+deleted+id]')
      .between([tableId, 0, Dexie.minKey], [tableId, 0, Dexie.maxKey])
      .toArray()
  ).filter((row) => !written.has(row.id));
  for (const field of unique) {
    const seen = new Set<string>();
    for (const row of others) {
      const key = keyOf(field, row.values[field.id]);
      if (key !== undefined) seen.add(key);
    }
    for (const row of rows) {
      const value = row.values[field.id];
      const key = keyOf(field, value);
      if (key === undefined) continue;
      if (seen.has(key))
        throw new TableEditError('edits.notUnique', `${field.name} must be unique`, {
          field: field.name,
          value: cellText(field, value),
        });
      seen.add(key);
    }
  }
}
