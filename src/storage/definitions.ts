// Repository of definitions: the workspace row, apps and tables, with trash (soft delete), restore and purge.
import Dexie, { type Table as DexieTable } from 'dexie';
import {
  CURRENT_SCHEMA_VERSION,
  cloneAppsWithFreshIds,
  withoutTrashedTables,
  type Person,
  type Table,
} from '../engine';
import { assembleApp, splitApp } from './assemble';
import type { LiucunDatabase } from './database';
import {
  fromRecordRow,
  toRecordRow,
  WORKSPACE_KEY,
  type AppRow,
  type TableRow,
  type WorkspaceRow,
} from './rows';
import { readTransaction, writeTransaction } from './write';

export interface Environment {
  readonly now: () => number;
  readonly newId: () => string;
}

/** The position after the last of `rows` in navigation order. */
function nextOrder(rows: readonly { order: number }[]): number {
  return rows.reduce((max, row) => Math.max(max, row.order), -1) + 1;
}

export class DefinitionsRepository {
  constructor(
    private readonly db: LiucunDatabase,
    private readonly env: Environment,
  ) {}

  private get definitionTables() {
    const { db } = this;
    return [db.workspace, db.apps, db.tableDefs, db.forms, db.automations, db.dashboards];
  }

  async getWorkspace(): Promise<WorkspaceRow | undefined> {
    return readTransaction(this.db, [this.db.workspace], () => this.db.workspace.get(WORKSPACE_KEY));
  }

  /** Creates the workspace row on first run; returns the existing one otherwise. */
  async ensureWorkspace(name: string): Promise<WorkspaceRow> {
    return writeTransaction(this.db, [this.db.workspace], async () => {
      const existing = await this.db.workspace.get(WORKSPACE_KEY);
      if (existing) return existing;
      const now = this.env.now();
      const row: WorkspaceRow = {
        key: WORKSPACE_KEY,
        id: this.env.newId(),
        name,
        people: [],
        onboarded: false,
        schemaVersion: CURRENT_SCHEMA_VERSION,
        createdAt: now,
        updatedAt: now,
      };
      await this.db.workspace.add(row);
      return row;
    });
  }

  /** Replaces the workspace's people (the choices of person fields). */
  async setPeople(people: readonly Person[]): Promise<void> {
    await writeTransaction(this.db, [this.db.workspace], async () => {
      const row = await this.db.workspace.get(WORKSPACE_KEY);
      if (row === undefined) throw new Error('Not found: workspace');
      await this.db.workspace.put({ ...row, people: [...people], updatedAt: this.env.now() });
    });
  }

  async markOnboarded(): Promise<void> {
    await writeTransaction(this.db, [this.db.workspace], async () => {
      await this.db.workspace.update(WORKSPACE_KEY, { onboarded: true, updatedAt: this.env.now() });
    });
  }

  /** The position after the last app (call inside a transaction that covers `apps`). */
  async nextAppOrder(): Promise<number> {
    return nextOrder(await this.db.apps.toArray());
  }

  private async nextTableOrder(appId: string): Promise<number> {
    return nextOrder(await this.db.tableDefs.where('appId').equals(appId).toArray());
  }

  async createApp(input: { name: string; icon?: string }): Promise<AppRow> {
    return writeTransaction(this.db, [this.db.apps], async () => {
      const now = this.env.now();
      const row: AppRow = {
        id: this.env.newId(),
        name: input.name,
        ...(input.icon === undefined ? {} : { icon: input.icon }),
        createdAt: now,
        updatedAt: now,
        version: 1,
        schemaVersion: CURRENT_SCHEMA_VERSION,
        order: await this.nextAppOrder(),
      };
      await this.db.apps.add(row);
      return row;
    });
  }

  async renameApp(appId: string, name: string): Promise<void> {
    await this.touch(this.db.apps, appId, { name });
  }

  /** Copies an app with its tables, forms, automations, dashboards and live records, under fresh ids. */
  async duplicateApp(appId: string, name: string): Promise<string> {
    const { db } = this;
    return writeTransaction(db, [...this.definitionTables, db.records], async () => {
      const app = withoutTrashedTables(await this.loadApp(appId));
      const tableIds = app.tables.map((table) => table.id);
      const recordRows = await Promise.all(
        tableIds.map((tableId) =>
          db.records
            .where('[tableId+deleted+id]')
            .between([tableId, 0, Dexie.minKey], [tableId, 0, Dexie.maxKey])
            .toArray(),
        ),
      );
      const cloned = cloneAppsWithFreshIds([{ ...app, name }], recordRows.flat().map(fromRecordRow), {
        newId: this.env.newId,
        now: this.env.now(),
      });
      const [copy] = cloned.apps;
      if (!copy) throw new Error('duplicateApp: nothing cloned');
      await this.putApp(splitApp(copy, await this.nextAppOrder()));
      await db.records.bulkAdd(cloned.records.map(toRecordRow));
      return copy.id;
    });
  }

  async trashApp(appId: string): Promise<void> {
    await this.touch(this.db.apps, appId, { deletedAt: this.env.now() });
  }

  async restoreApp(appId: string): Promise<void> {
    await writeTransaction(this.db, [this.db.apps], async () => {
      const row = await this.mustGet(this.db.apps, appId);
      const { deletedAt: _deleted, ...rest } = row;
      await this.db.apps.put({ ...rest, updatedAt: this.env.now(), version: row.version + 1 });
    });
  }

  /** Deletes an app from the trash for good: its definitions and all records of its tables. */
  async purgeApp(appId: string): Promise<void> {
    const { db } = this;
    await writeTransaction(db, [...this.definitionTables, ...this.recordStores], async () => {
      const tables = await db.tableDefs.where('appId').equals(appId).toArray();
      for (const table of tables) await this.deleteRecordsOf(table.id);
      await Promise.all([
        db.tableDefs.where('appId').equals(appId).delete(),
        db.forms.where('appId').equals(appId).delete(),
        db.automations.where('appId').equals(appId).delete(),
        db.dashboards.where('appId').equals(appId).delete(),
        db.apps.delete(appId),
      ]);
    });
  }

  async createTable(
    appId: string,
    name: string,
    init?: Pick<Table, 'fields' | 'views'>,
    viewName = 'Grid',
  ): Promise<TableRow> {
    const { db } = this;
    return writeTransaction(db, [db.apps, db.tableDefs], async () => {
      await this.mustGet(db.apps, appId);
      const now = this.env.now();
      const row: TableRow = {
        id: this.env.newId(),
        appId,
        name,
        fields: init?.fields ?? [],
        views: init?.views ?? [{ id: this.env.newId(), name: viewName, kind: 'grid' }],
        createdAt: now,
        updatedAt: now,
        version: 1,
        schemaVersion: CURRENT_SCHEMA_VERSION,
        order: await this.nextTableOrder(appId),
      };
      await db.tableDefs.add(row);
      return row;
    });
  }

  async renameTable(tableId: string, name: string): Promise<void> {
    await this.touch(this.db.tableDefs, tableId, { name });
  }

  /** Copies a table (definition and live records) into the same app under a fresh id. */
  async duplicateTable(tableId: string, name: string): Promise<string> {
    const { db } = this;
    return writeTransaction(db, [db.tableDefs, db.records], async () => {
      const source = await this.mustGet(db.tableDefs, tableId);
      const now = this.env.now();
      const copyId = this.env.newId();
      const { deletedAt: _deleted, ...rest } = source;
      await db.tableDefs.add({
        ...rest,
        id: copyId,
        name,
        views: source.views.map((view) => ({ ...view, id: this.env.newId() })),
        createdAt: now,
        updatedAt: now,
        version: 1,
        order: await this.nextTableOrder(source.appId),
      });
      const records = await db.records
        .where('[tableId+deleted+id]')
        .between([tableId, 0, Dexie.minKey], [tableId, 0, Dexie.maxKey])
        .toArray();
      await db.records.bulkAdd(
        records.map((record) => ({
          ...record,
          tableId: copyId,
          id: this.env.newId(),
          createdAt: now,
          updatedAt: now,
          version: 1,
        })),
      );
      return copyId;
    });
  }

  async trashTable(tableId: string): Promise<void> {
    await this.touch(this.db.tableDefs, tableId, { deletedAt: this.env.now() });
  }

  async restoreTable(tableId: string): Promise<void> {
    const { db } = this;
    await writeTransaction(db, [db.apps, db.tableDefs], async () => {
      const row = await this.mustGet(db.tableDefs, tableId);
      const { deletedAt: _deleted, ...rest } = row;
      await db.tableDefs.put({ ...rest, updatedAt: this.env.now(), version: row.version + 1 });
      // Restoring a table of a trashed app brings the app back too, or the table would stay invisible.
      const app = await db.apps.get(row.appId);
      if (app?.deletedAt !== undefined) {
        const { deletedAt: _appDeleted, ...appRest } = app;
        await db.apps.put({ ...appRest, updatedAt: this.env.now(), version: app.version + 1 });
      }
    });
  }

  async purgeTable(tableId: string): Promise<void> {
    const { db } = this;
    await writeTransaction(db, [db.tableDefs, ...this.recordStores], async () => {
      await this.deleteRecordsOf(tableId);
      await db.tableDefs.delete(tableId);
    });
  }

  /** Deletes everything in the trash for good. */
  async emptyTrash(): Promise<void> {
    const { db } = this;
    await writeTransaction(db, [...this.definitionTables, ...this.recordStores], async () => {
      const apps = (await db.apps.toArray()).filter((app) => app.deletedAt !== undefined);
      for (const app of apps) await this.purgeApp(app.id);
      const tables = (await db.tableDefs.toArray()).filter((table) => table.deletedAt !== undefined);
      for (const table of tables) await this.purgeTable(table.id);
    });
  }

  async loadApp(appId: string): Promise<ReturnType<typeof assembleApp>> {
    const { db } = this;
    return readTransaction(db, this.definitionTables, async () => {
      const app = await this.mustGet(db.apps, appId);
      const [tables, forms, automations, dashboards] = await Promise.all([
        db.tableDefs.where('appId').equals(appId).toArray(),
        db.forms.where('appId').equals(appId).toArray(),
        db.automations.where('appId').equals(appId).toArray(),
        db.dashboards.where('appId').equals(appId).toArray(),
      ]);
      return assembleApp({ app, tables, forms, automations, dashboards });
    });
  }

  /** Writes all rows of an app (inside the caller's transaction). */
  async putApp(rows: ReturnType<typeof splitApp>): Promise<void> {
    const { db } = this;
    await db.apps.put(rows.app);
    await db.tableDefs.bulkPut(rows.tables);
    await db.forms.bulkPut(rows.forms);
    await db.automations.bulkPut(rows.automations);
    await db.dashboards.bulkPut(rows.dashboards);
  }

  /** Deletes a purged table's records with its attachment files, undo log and auto-number counters. */
  private async deleteRecordsOf(tableId: string): Promise<void> {
    const { db } = this;
    await db.records.where('[tableId+id]').between([tableId, Dexie.minKey], [tableId, Dexie.maxKey]).delete();
    await db.blobs.where('tableId').equals(tableId).delete();
    await db.history
      .where('[tableId+seq]')
      .between([tableId, Dexie.minKey], [tableId, Dexie.maxKey])
      .delete();
    await db.sequences.where('key').startsWith(`${tableId}/`).delete();
  }

  /** The stores a purge writes: records and everything kept per table beside them. */
  private get recordStores() {
    const { db } = this;
    return [db.records, db.blobs, db.history, db.sequences];
  }

  private async mustGet<T>(table: DexieTable<T, string>, id: string): Promise<T> {
    const row = await table.get(id);
    if (row === undefined) throw new Error(`Not found: ${table.name} ${id}`);
    return row;
  }

  /** Applies a change to one app or table row, bumping its version and updatedAt. */
  private async touch<T extends { version: number; updatedAt: number }>(
    table: DexieTable<T, string>,
    id: string,
    changes: Partial<T>,
  ): Promise<void> {
    await writeTransaction(this.db, [table], async () => {
      const row = await this.mustGet(table, id);
      await table.put({ ...row, ...changes, updatedAt: this.env.now(), version: row.version + 1 });
    });
  }
}
