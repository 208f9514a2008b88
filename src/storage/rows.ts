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
