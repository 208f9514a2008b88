// Links between records, kept consistent on both sides. A link field has an inverse link field in the target table
// (the customer's Orders and the order's Customer); both are created, changed and removed together, each write in one
// transaction with its history rows, so no reader ever sees one side without the other. After a link changes, the
// lookups, rollups and formulas of every record whose links changed are recomputed in the same transaction.
//
// Undo: each table keeps its own history log, so a link change between two tables leaves one entry in each; undoing
// it in one table restores that side only (the other side's entry undoes the rest). A shared entry needs a history
// format change (one row naming several tables), left for later.
import Dexie from 'dexie';
import {
  prepareComputedFields,
  TableSchema,
  type ComputedFields,
  type DataRecord,
  type JsonValue,
  type LinkField,
  type Table,
} from '../engine';
import {
  linkedIds,
  prepareLookups,
  type LinkedRecord,
  type PreparedLookups,
} from '../engine/computed/lookup';
import type { LiucunDatabase } from './database';
import type { Environment } from './definitions';
import { editTransaction, TableEditError, type EditContext, type EditLabel } from './edits';
import { appendHistory } from './history-log';
import { fromRecordRow, tableOfRow, type RecordChangeRow, type RecordRow, type TableRow } from './rows';
import { readTransaction } from './write';

/** How the inverse link field (in the target table) is named and whether it holds several records. */
export interface InverseLinkSpec {
  readonly name: string;
  readonly multiple: boolean;
}

export interface AddedLinkField {
  /** The field as stored, with `inverseFieldId` set. */
  readonly field: LinkField;
  readonly inverse: LinkField;
  /** The tables as stored after the change (one when the link points at its own table). */
  readonly tables: readonly TableRow[];
}

/** The records a link change wrote, per table, as now stored: what the open views need to refresh. */
export interface LinkWriteResult {
  readonly changed: readonly { readonly tableId: string; readonly records: readonly DataRecord[] }[];
}

const UTC: EditContext = { timeZone: 'UTC' };

/** Links write definitions, records and history of one or two tables, as one undoable edit. */
function linkTransaction<T>(db: LiucunDatabase, work: () => Promise<T>): Promise<T> {
  return editTransaction(db, [db.tableDefs, db.records, db.history], work);
}

function validated(table: Table): Table {
  const parsed = TableSchema.safeParse(table);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TableEditError('edits.invalidTable', `Invalid table: ${issue?.message ?? 'unknown'}`, {
      path: issue?.path.join('.') ?? '',
    });
  }
  const ids = new Set<string>();
  for (const field of parsed.data.fields) {
    if (ids.has(field.id)) throw new TableEditError('edits.duplicateField', `Duplicate field id ${field.id}`);
    ids.add(field.id);
  }
  return parsed.data;
}

const keyOf = (tableId: string, id: string): string => `${tableId.length}:${tableId}${id}`;

/**
 * The records one transaction changes: each read once from the database, then from here, so later steps see earlier
 * steps' writes (a record that is both a target and a moved link's old owner, a link from a record to itself).
 */
class Workset {
  private readonly rows = new Map<string, RecordRow>();
  private readonly originals = new Map<string, RecordRow>();
  private readonly tables = new Map<string, TableRow>();

  constructor(private readonly db: LiucunDatabase) {}

  async table(tableId: string): Promise<TableRow> {
    const cached = this.tables.get(tableId);
    if (cached) return cached;
    const row = await this.db.tableDefs.get(tableId);
    if (row === undefined || row.deletedAt !== undefined)
      throw new TableEditError('edits.tableMissing', `Not found: table ${tableId}`);
    this.tables.set(tableId, row);
    return row;
  }

  /** A live record (as changed so far), or undefined. */
  async record(tableId: string, id: string): Promise<RecordRow | undefined> {
    const key = keyOf(tableId, id);
    const seen = this.rows.get(key);
    if (seen) return seen;
    const row = await this.db.records.get([tableId, id]);
    if (row === undefined || row.deleted === 1) return undefined;
    this.rows.set(key, row);
    this.originals.set(key, row);
    return row;
  }

  setValues(row: RecordRow, values: Readonly<Record<string, JsonValue>>): RecordRow {
    const next: RecordRow = { ...row, values: { ...row.values, ...values } };
    this.rows.set(keyOf(row.tableId, row.id), next);
    return next;
  }

  /** Records whose values differ from what was read, per table, as before/after pairs (after bumped once). */
  changes(now: number): Map<string, RecordChangeRow[]> {
    const byTable = new Map<string, RecordChangeRow[]>();
    for (const [key, row] of this.rows) {
      const before = this.originals.get(key);
      if (before === undefined || JSON.stringify(before.values) === JSON.stringify(row.values)) continue;
      const after: RecordRow = { ...row, updatedAt: now, version: before.version + 1 };
      const list = byTable.get(row.tableId) ?? [];
      list.push({ id: row.id, before, after });
      byTable.set(row.tableId, list);
    }
    return byTable;
  }
}

/** A table's lookups and formulas, compiled once per transaction. */
interface PreparedTable {
  readonly table: Table;
  readonly lookups: PreparedLookups;
  /** Undefined when the formulas cannot be computed at all (a loop): the stored values stand. */
  readonly formulas: ComputedFields | undefined;
}

/** A link value as stored: the ids, or null for none (blank, like every empty cell). */
function linkValue(ids: readonly string[]): JsonValue {
  return ids.length === 0 ? null : [...ids];
}

export class LinksRepository {
  constructor(
    private readonly db: LiucunDatabase,
    private readonly env: Environment,
  ) {}

  /** A table's definition (undefined when it does not exist or is in the trash). */
  async readTable(tableId: string): Promise<Table | undefined> {
    return readTransaction(this.db, [this.db.tableDefs], async () => {
      const row = await this.db.tableDefs.get(tableId);
      return row === undefined || row.deletedAt !== undefined ? undefined : tableOfRow(row);
    });
  }

  /**
   * Up to `limit` live records of `tableId` in creation order for which `accept` holds, read with one cursor in one
   * read transaction (what the link picker searches; it stops at `limit`, so a common word reads only a few pages).
   */
  async findRecords(
    tableId: string,
    accept: (record: DataRecord) => boolean,
    limit: number,
  ): Promise<DataRecord[]> {
    const { db } = this;
    return readTransaction(db, [db.records], async () =>
      (
        await db.records
          .where('[tableId+deleted+id]')
          .between([tableId, 0, Dexie.minKey], [tableId, 0, Dexie.maxKey])
          .filter((row) => accept(fromRecordRow(row)))
          .limit(Math.max(0, Math.floor(limit)))
          .toArray()
      ).map(fromRecordRow),
    );
  }

  /**
   * Adds link field `field` to `tableId` and its inverse to the target table (the same table for a link to its own
   * records), each pointing at the other, with a history entry per table, all in one transaction. The target must be
   * a table of the same app. `field.inverseFieldId` is replaced by the new inverse field's id.
   */
  async addLinkField(tableId: string, field: LinkField, inverse: InverseLinkSpec): Promise<AddedLinkField> {
    const { db } = this;
    return linkTransaction(db, async () => {
      const work = new Workset(db);
      const table = await work.table(tableId);
      const target = await work.table(field.targetTableId);
      if (target.appId !== table.appId)
        throw new TableEditError('links.otherApp', 'A link can only point at a table of the same app.');
      const inverseId = this.env.newId();
      const added: LinkField = { ...field, inverseFieldId: inverseId };
      const back: LinkField = {
        id: inverseId,
        name: inverse.name,
        kind: 'link',
        targetTableId: tableId,
        inverseFieldId: field.id,
        multiple: inverse.multiple,
      };
      const label: EditLabel = { label: 'history.addField', params: { name: field.name } };
      const now = this.env.now();
      // Both sides' history entries share it, so undo and redo replay them together.
      const group = this.env.newId();
      const saved: TableRow[] = [];
      const write = async (row: TableRow, fields: LinkField[]): Promise<void> => {
        const before = tableOfRow(row);
        const next = validated({ ...before, fields: [...before.fields, ...fields] });
        const stored: TableRow = { ...row, ...next, updatedAt: now, version: row.version + 1 };
        await db.tableDefs.put(stored);
        await appendHistory(db, now, {
          tableId: row.id,
          ...label,
          group,
          tableBefore: before,
          tableAfter: tableOfRow(stored),
          records: [],
        });
        saved.push(stored);
      };
      if (target.id === table.id) await write(table, [added, back]);
      else {
        await write(table, [added]);
        await write(target, [back]);
      }
      return { field: added, inverse: back, tables: saved };
    });
  }

  /**
   * Removes link field `fieldId` and its inverse field, with a history entry per table, in one transaction. Stored
   * link values stay in the records (hidden with their field), so undoing the removal brings the links back.
   */
  async deleteLinkField(tableId: string, fieldId: string): Promise<TableRow[]> {
    const { db } = this;
    return linkTransaction(db, async () => {
      const work = new Workset(db);
      const table = await work.table(tableId);
      const field = table.fields.find((candidate) => candidate.id === fieldId);
      if (field?.kind !== 'link')
        throw new TableEditError('links.notLink', `Not a link field: ${fieldId}`, { fieldId });
      const removals = new Map<string, Set<string>>([[tableId, new Set([fieldId])]]);
      if (field.inverseFieldId !== undefined) {
        const target = await work.table(field.targetTableId).catch(() => undefined);
        if (target?.fields.some((candidate) => candidate.id === field.inverseFieldId)) {
          const set = removals.get(target.id) ?? new Set<string>();
          set.add(field.inverseFieldId);
          removals.set(target.id, set);
        }
      }
      const now = this.env.now();
      // Both sides' history entries share it, so undo and redo replay them together.
      const group = this.env.newId();
      const saved: TableRow[] = [];
      for (const [id, fieldIds] of removals) {
        const row = await work.table(id);
        const before = tableOfRow(row);
        const next: Table = {
          ...before,
          fields: before.fields.filter((candidate) => !fieldIds.has(candidate.id)),
          primaryFieldId:
            before.primaryFieldId !== undefined && fieldIds.has(before.primaryFieldId)
              ? undefined
              : before.primaryFieldId,
        };
        const stored: TableRow = { ...row, ...validated(next), updatedAt: now, version: row.version + 1 };
        await db.tableDefs.put(stored);
        await appendHistory(db, now, {
          tableId: id,
          group,
          label: 'history.deleteField',
          params: { name: field.name },
          tableBefore: before,
          tableAfter: tableOfRow(stored),
          records: [],
        });
        saved.push(stored);
      }
      return saved;
    });
  }

  /**
   * Sets the records `recordId` links to through `fieldId` and keeps the inverse field consistent: targets added get
   * `recordId` in their inverse field, targets removed lose it; when the inverse side holds one record, a target
   * linked to another record moves (that record loses it). Then the lookups, rollups and formulas of every record
   * whose links changed are recomputed (this table's first, then the other's). One transaction, with a history entry
   * per table touched. Refuses (TableEditError) a missing record or target, or several targets for a one-record link.
   */
  async setLinks(
    tableId: string,
    recordId: string,
    fieldId: string,
    targetIds: readonly string[],
    context: EditContext = UTC,
  ): Promise<LinkWriteResult> {
    const { db } = this;
    return linkTransaction(db, async () => {
      const work = new Workset(db);
      const table = await work.table(tableId);
      const field = table.fields.find((candidate) => candidate.id === fieldId);
      if (field?.kind !== 'link')
        throw new TableEditError('links.notLink', `Not a link field: ${fieldId}`, { fieldId });
      const next = [...new Set(targetIds)];
      if (!field.multiple && next.length > 1)
        throw new TableEditError('links.onlyOne', `${field.name} links to one record only`, {
          name: field.name,
        });
      const target = await work.table(field.targetTableId);
      const inverseField = target.fields.find((candidate) => candidate.id === field.inverseFieldId);
      const inverse =
        inverseField?.kind === 'link' && inverseField.targetTableId === tableId ? inverseField : undefined;

      const row = await work.record(tableId, recordId);
      if (row === undefined)
        throw new TableEditError('links.recordMissing', `Not found: record ${recordId}`, { id: recordId });
      for (const id of next)
        if ((await work.record(target.id, id)) === undefined)
          throw new TableEditError('links.targetMissing', `Not found: record ${id} of ${target.name}`, {
            id,
            table: target.name,
          });

      const previous = linkedIds(row.values[fieldId]);
      const removed = previous.filter((id) => !next.includes(id));
      const added = next.filter((id) => !previous.includes(id));
      if (JSON.stringify(row.values[fieldId] ?? null) === JSON.stringify(linkValue(next)))
        return { changed: [] };
      work.setValues(row, { [fieldId]: linkValue(next) });

      // Records whose links changed, by table: theirs are the lookups to recompute.
      const affected: [string, string][] = [[tableId, recordId]];
      if (inverse) {
        for (const id of removed) {
          const other = await work.record(target.id, id);
          if (!other) continue;
          work.setValues(other, {
            [inverse.id]: linkValue(
              linkedIds(other.values[inverse.id]).filter((linked) => linked !== recordId),
            ),
          });
          affected.push([target.id, id]);
        }
        for (const id of added) {
          const other = await work.record(target.id, id);
          if (!other) continue;
          const held = linkedIds(other.values[inverse.id]);
          if (!inverse.multiple) {
            // The target holds one record on its side: whoever held it before lets go of it.
            for (const formerId of held) {
              if (formerId === recordId) continue;
              const former = await work.record(tableId, formerId);
              if (!former) continue;
              work.setValues(former, {
                [fieldId]: linkValue(linkedIds(former.values[fieldId]).filter((linked) => linked !== id)),
              });
              affected.push([tableId, formerId]);
            }
          }
          const current = (await work.record(target.id, id)) ?? other;
          work.setValues(current, {
            [inverse.id]: linkValue(
              inverse.multiple ? [...held.filter((linked) => linked !== recordId), recordId] : [recordId],
            ),
          });
          affected.push([target.id, id]);
        }
      }

      const now = this.env.now();
      // Both sides' history entries share it, so undo and redo replay them together.
      const group = this.env.newId();
      // This table's records first, then the target's (stable sort keeps discovery order within a table).
      affected.sort((a, b) => Number(a[0] !== tableId) - Number(b[0] !== tableId));
      await this.recompute(work, affected, now, context);

      const changes = work.changes(now);
      const changed: { tableId: string; records: DataRecord[] }[] = [];
      for (const [changedTableId, records] of changes) {
        await db.records.bulkPut(records.flatMap((change) => (change.after ? [change.after] : [])));
        const linkField = changedTableId === tableId ? field : (inverse ?? field);
        await appendHistory(db, now, {
          tableId: changedTableId,
          group,
          label: 'history.setLinks',
          params: { name: linkField.name },
          records,
        });
        changed.push({
          tableId: changedTableId,
          records: records.flatMap((change) => (change.after ? [fromRecordRow(change.after)] : [])),
        });
      }
      return { changed };
    });
  }

  /**
   * After records of `tableId` changed (edited, deleted or restored elsewhere), recomputes the lookups, rollups and
   * formulas of the records linked to them through link fields with an inverse: the customer's total after an order's
   * amount changed. A refresh of computed values is no edit by a person: no history entry, and `updatedAt` and
   * `version` stay (as the table worker's recompute). One hop: lookups of those records' lookups are not followed.
   * Returns the records whose values changed, per table.
   */
  async refreshLinkedLookups(
    tableId: string,
    recordIds: readonly string[],
    context: EditContext = UTC,
  ): Promise<LinkWriteResult> {
    const { db } = this;
    return linkTransaction(db, async () => {
      const work = new Workset(db);
      const table = await work.table(tableId);
      // Tombstones too: a deleted order still names the customers whose totals it leaves.
      const rows = await db.records.bulkGet(recordIds.map((id): [string, string] => [tableId, id]));
      const affected: [string, string][] = [];
      for (const field of table.fields) {
        if (field.kind !== 'link' || field.inverseFieldId === undefined) continue;
        for (const row of rows)
          for (const id of linkedIds(row?.values[field.id])) affected.push([field.targetTableId, id]);
      }
      const now = this.env.now();
      await this.recompute(work, affected, now, context);
      const changed: { tableId: string; records: DataRecord[] }[] = [];
      for (const [changedTableId, records] of work.changes(now)) {
        const refreshed = records.flatMap((change) =>
          change.after && change.before
            ? [{ ...change.after, updatedAt: change.before.updatedAt, version: change.before.version }]
            : [],
        );
        await db.records.bulkPut(refreshed);
        changed.push({ tableId: changedTableId, records: refreshed.map(fromRecordRow) });
      }
      return { changed };
    });
  }

  /**
   * Recomputes the lookups and rollups of the given records, then their formulas (which may read lookups), each
   * record seeing the records it links to as changed so far in this transaction. One pass: a lookup of the other
   * side's lookup is as fresh as the order of `records` makes it.
   */
  private async recompute(
    work: Workset,
    records: readonly (readonly [string, string])[],
    now: number,
    context: EditContext,
  ): Promise<void> {
    const seen = new Set<string>();
    const prepared = new Map<string, Promise<PreparedTable>>();
    for (const [tableId, id] of records) {
      const key = keyOf(tableId, id);
      if (seen.has(key)) continue;
      seen.add(key);
      const row = await work.record(tableId, id);
      if (!row) continue;
      const plan = prepared.get(tableId) ?? this.prepare(work, tableId, now, context);
      prepared.set(tableId, plan);
      const { table, lookups, formulas } = await plan;
      const linked = new Map<string, LinkedRecord[]>();
      for (const linkFieldId of lookups.linkFieldIds) {
        const link = table.fields.find((candidate) => candidate.id === linkFieldId);
        if (link?.kind !== 'link') continue;
        const found: LinkedRecord[] = [];
        for (const linkedId of linkedIds(row.values[linkFieldId])) {
          const other = await work.record(link.targetTableId, linkedId);
          if (other) found.push(other);
        }
        linked.set(linkFieldId, found);
      }
      const looked = lookups.compute(row, (linkFieldId) => linked.get(linkFieldId) ?? []);
      const merged = { ...row.values, ...looked };
      const computed =
        formulas?.evaluateRange([{ id, values: merged, createdAt: row.createdAt, updatedAt: now }], {
          from: 0,
          to: 1,
        })[0]?.changes ?? {};
      if (Object.keys(looked).length + Object.keys(computed).length > 0)
        work.setValues(row, { ...looked, ...computed });
    }
  }

  private async prepare(
    work: Workset,
    tableId: string,
    now: number,
    context: EditContext,
  ): Promise<PreparedTable> {
    const table = tableOfRow(await work.table(tableId));
    const targets: Table[] = [];
    for (const field of table.fields) {
      if (field.kind !== 'link' || field.targetTableId === tableId) continue;
      const target = await work.table(field.targetTableId).catch(() => undefined);
      if (target) targets.push(tableOfRow(target));
    }
    const lookups = prepareLookups(table, targets, { now, timeZone: context.timeZone });
    const formulas = prepareComputedFields(table.fields, { now: () => now, timeZone: context.timeZone });
    return { table, lookups, formulas: formulas.ok ? formulas.value : undefined };
  }
}
