// The Dexie database: object stores, indexes and their version history. The only module that declares schema.
import Dexie, { type Table as DexieTable, type Transaction } from 'dexie';
import {
  CURRENT_SCHEMA_VERSION,
  migrationPath,
  upgradeApp,
  upgradeRecord,
  upgradeTable,
  type JsonObject,
  type MigrationStep,
} from '../engine';
import type {
  AppRow,
  AutomationRow,
  BlobRow,
  DashboardRow,
  FormRow,
  HistoryRow,
  RecordRow,
  SequenceRow,
  TableRow,
  WorkspaceRow,
} from './rows';

export const DEFAULT_DATABASE_NAME = 'liucun';

/**
 * Store layout (see README → Architecture → Storage):
 * - `records` has the compound primary key [tableId+id]: a table's records are clustered together in the B-tree and
 *   ids are UUIDv7, so key order is creation order. `[tableId+deleted+id]` reads the live rows of a table in
 *   creation order (windowed with offset/limit); `[tableId+updatedAt]` is the change feed for sync and catch-up.
 * - User-defined fields are deliberately not IndexedDB indexes: adding one would need a database version change
 *   (which closes every other tab). Sorting and filtering on them run over a column projection in a worker.
 */
const STORES = {
  workspace: 'key',
  apps: 'id',
  tableDefs: 'id, appId',
  forms: 'id, appId',
  automations: 'id, appId',
  dashboards: 'id, appId',
  records: '[tableId+id], [tableId+deleted+id], [tableId+updatedAt]',
};

/**
 * Database version 3 adds:
 * - `history`: the undo/redo log, one row per undoable change (`seq` auto-increments; `[tableId+seq]` reads a table's
 *   log newest first);
 * - `sequences`: auto-number counters by key (`tableId/fieldId[/period]`), advanced in the transaction that stores
 *   the record;
 * - `blobs`: attachment files by id, with the table they belong to (purged with it).
 */
const STORES_V3 = {
  ...STORES,
  history: '++seq, [tableId+seq]',
  sequences: 'key',
  blobs: 'id, tableId',
};

/** Upgrades every stored row written with an older definition schema through the engine's migration chain. */
async function upgradeStoredDefinitions(tx: Transaction): Promise<void> {
  const stepsFor = (row: JsonObject): readonly MigrationStep[] =>
    migrationPath(typeof row.schemaVersion === 'number' ? row.schemaVersion : 1) ?? [];
  const rewrite =
    (upgrade: (row: JsonObject, steps: readonly MigrationStep[]) => JsonObject) => (row: JsonObject) => {
      const steps = stepsFor(row);
      return steps.length === 0 ? row : { ...upgrade(row, steps), schemaVersion: CURRENT_SCHEMA_VERSION };
    };
  const upgradeStore = async (store: string, upgrade: (row: JsonObject) => JsonObject): Promise<void> => {
    await tx
      .table(store)
      .toCollection()
      .modify((row: JsonObject, ref: { value: JsonObject }) => {
        ref.value = upgrade(row);
      });
  };
  await upgradeStore('apps', rewrite(upgradeApp));
  await upgradeStore('tableDefs', rewrite(upgradeTable));
  // Records carry no schemaVersion of their own: the workspace row's version says what they were written with.
  const workspace = (await tx.table('workspace').get('workspace')) as JsonObject | undefined;
  const recordSteps =
    migrationPath(typeof workspace?.schemaVersion === 'number' ? workspace.schemaVersion : 1) ?? [];
  if (recordSteps.length > 0) {
    await upgradeStore('records', (row) => {
      const upgraded = upgradeRecord(row, recordSteps);
      return { ...upgraded, deleted: upgraded.deleted === true || upgraded.deleted === 1 ? 1 : 0 };
    });
  }
  if (workspace) await tx.table('workspace').put({ ...workspace, schemaVersion: CURRENT_SCHEMA_VERSION });
}

export class LiucunDatabase extends Dexie {
  workspace!: DexieTable<WorkspaceRow, string>;
  apps!: DexieTable<AppRow, string>;
  tableDefs!: DexieTable<TableRow, string>;
  forms!: DexieTable<FormRow, string>;
  automations!: DexieTable<AutomationRow, string>;
  dashboards!: DexieTable<DashboardRow, string>;
  records!: DexieTable<RecordRow, [string, string]>;
  history!: DexieTable<HistoryRow, number>;
  sequences!: DexieTable<SequenceRow, string>;
  blobs!: DexieTable<BlobRow, string>;

  constructor(name: string = DEFAULT_DATABASE_NAME) {
    super(name);
    // Database version 1 held rows of definition schema 1 (pre-release builds).
    this.version(1).stores(STORES);
    // Database version 2: same stores; rows are upgraded to definition schema 2. Each future definition-schema
    // change adds a database version whose upgrade is `upgradeStoredDefinitions`.
    this.version(2).stores(STORES).upgrade(upgradeStoredDefinitions);
    // Database version 3: new stores only (history, sequences, blobs); existing rows are unchanged.
    this.version(3).stores(STORES_V3);
  }
}
