// The shapes stored in IndexedDB. Definitions are stored normalized (one row per app, table, form…) so a change
// to one table rewrites one small row; records are stored apart from their table definition.
import type { App, Automation, Dashboard, DataRecord, Form, Person, Table } from '../engine';

/** The single workspace row (key `WORKSPACE_KEY`). */
export interface WorkspaceRow {
  readonly key: string;
  readonly id: string;
  readonly name: string;
  readonly people: Person[];
  /** Whether the first-run screen has been answered (start empty or from a template). */
  readonly onboarded: boolean;
  readonly schemaVersion: number;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export const WORKSPACE_KEY = 'workspace';

/** Every definition row records the definition-format version it was written with. */
interface Versioned {
  readonly schemaVersion: number;
}

export type AppRow = Omit<App, 'tables' | 'forms' | 'automations' | 'dashboards'> &
  Versioned & { readonly order: number };
export type TableRow = Table & Versioned & { readonly appId: string; readonly order: number };
/** `order` keeps the position the definition had in its app, so export → restore gives back the same document. */
export type FormRow = Form & Versioned & { readonly appId: string; readonly order: number };
export type AutomationRow = Automation & Versioned & { readonly appId: string; readonly order: number };
export type DashboardRow = Dashboard & Versioned & { readonly appId: string; readonly order: number };

/**
 * A record row. `deleted` is 0/1 rather than a boolean because IndexedDB cannot index booleans, and the live rows
 * of a table are read through the `[tableId+deleted+id]` index.
 */
export type RecordRow = Omit<DataRecord, 'deleted'> & { readonly deleted: 0 | 1 };

export function toRecordRow(record: DataRecord): RecordRow {
  return { ...record, deleted: record.deleted ? 1 : 0 };
}

export function fromRecordRow(row: RecordRow): DataRecord {
  return { ...row, deleted: row.deleted === 1 };
}

/** An auto-number counter: the last number handed out under `key` (`tableId/fieldId`, plus `/period` when it resets). */
export interface SequenceRow {
  readonly key: string;
  readonly tableId: string;
  readonly value: number;
}

/** An attachment's bytes, stored apart from the record that lists it. */
export interface BlobRow {
  readonly id: string;
  readonly tableId: string;
  readonly blob: Blob;
}

/** One record's state before and after an undoable change; `undefined` = the record did not exist (or was deleted). */
export interface RecordChangeRow {
  readonly id: string;
  readonly before: RecordRow | undefined;
  readonly after: RecordRow | undefined;
}

/**
 * One undoable change to a table: its definition before/after (when it changed) and the records it touched. Undo
 * writes the `before` states back, redo the `after` states. `undone` is 1 once undone (a new change drops those).
 */
export interface HistoryRow {
  readonly seq?: number;
  readonly tableId: string;
  /** Catalog key describing the change (history.*), with its parameters. */
  readonly label: string;
  readonly params?: Readonly<Record<string, string | number>>;
  readonly at: number;
  readonly tableBefore?: Table;
  readonly tableAfter?: Table;
  readonly records: readonly RecordChangeRow[];
  /**
   * Records this change added, by id only (an import or sample data may add 100,000): their added state is the
   * stored row itself, so undo tombstones them and redo brings them back.
   */
  readonly addedIds?: readonly string[];
  /** Entries of one change that spans tables (a link and its inverse) share a group: they are replayed together. */
  readonly group?: string;
  readonly undone: 0 | 1;
}

/** The definition part of a stored table row (without app, order and schema version), as history entries keep it. */
export function tableOfRow(row: TableRow): Table {
  const { appId: _appId, order: _order, schemaVersion: _schemaVersion, ...table } = row;
  return table;
}
