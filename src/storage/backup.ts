// Export the whole workspace as one JSON document, and restore one all-or-nothing: the file is validated (and
// upgraded) completely before anything is touched, then the stores are replaced in a single transaction.
import {
  validateWorkspaceDocument,
  CURRENT_SCHEMA_VERSION,
  type Problem,
  type WorkspaceDocument,
} from '../engine';
import type { Result } from '../shared/result';
import { err, ok } from '../shared/result';
import { assembleApp, splitApp } from './assemble';
import type { LiucunDatabase } from './database';
import type { DefinitionsRepository, Environment } from './definitions';
import { fromRecordRow, toRecordRow, WORKSPACE_KEY, type WorkspaceRow } from './rows';
import { readTransaction, writeTransaction } from './write';

export class BackupRepository {
  constructor(
    private readonly db: LiucunDatabase,
    private readonly env: Environment,
    private readonly definitions: DefinitionsRepository,
  ) {}

  private get allTables() {
    const { db } = this;
    return [db.workspace, db.apps, db.tableDefs, db.forms, db.automations, db.dashboards, db.records];
  }

  /** The whole workspace — definitions (trash included) and records (tombstones included) — as one document. */
  async exportWorkspace(): Promise<WorkspaceDocument> {
    const { db } = this;
    // The workspace id must be stable across exports; the row exists after the first start, this covers a bare db.
    await this.definitions.ensureWorkspace('Workspace');
    return readTransaction(db, this.allTables, async () => {
      const [workspace, apps, tables, forms, automations, dashboards, records] = await Promise.all([
        db.workspace.get(WORKSPACE_KEY),
        db.apps.toArray(),
        db.tableDefs.toArray(),
        db.forms.toArray(),
        db.automations.toArray(),
        db.dashboards.toArray(),
        db.records.toArray(),
      ]);
      const now = this.env.now();
      return {
        format: 'liucun/workspace',
        schemaVersion: CURRENT_SCHEMA_VERSION,
        exportedAt: now,
        workspace: {
          id: workspace?.id ?? this.env.newId(),
          name: workspace?.name ?? 'Workspace',
          people: workspace?.people ?? [],
          apps: [...apps]
            .sort((a, b) => a.order - b.order)
            .map((app) =>
              assembleApp({
                app,
                tables: tables.filter((row) => row.appId === app.id),
                forms: forms.filter((row) => row.appId === app.id),
                automations: automations.filter((row) => row.appId === app.id),
                dashboards: dashboards.filter((row) => row.appId === app.id),
              }),
            ),
        },
        records: records.map(fromRecordRow),
      };
    });
  }

  /**
   * Replaces the workspace with the document's content. A document with any problem changes nothing and the
   * problems (each with its JSON path) are returned. A storage failure (full disk) rolls everything back.
   */
  async restoreWorkspace(input: unknown): Promise<Result<{ apps: number; records: number }, Problem[]>> {
    const validated = validateWorkspaceDocument(input);
    if (!validated.ok) return err(validated.error);
    const document = validated.value;
    const { db } = this;
    await writeTransaction(db, this.allTables, async () => {
      const previous = await db.workspace.get(WORKSPACE_KEY);
      await Promise.all(this.allTables.map((table) => table.clear()));
      const now = this.env.now();
      const row: WorkspaceRow = {
        key: WORKSPACE_KEY,
        id: document.workspace.id,
        name: document.workspace.name,
        people: document.workspace.people,
        onboarded: true,
        schemaVersion: CURRENT_SCHEMA_VERSION,
        createdAt: previous?.createdAt ?? now,
        updatedAt: now,
      };
      await db.workspace.add(row);
      for (const [order, app] of document.workspace.apps.entries())
        await this.definitions.putApp(splitApp(app, order));
      await db.records.bulkAdd(document.records.map(toRecordRow));
    });
    return ok({ apps: document.workspace.apps.length, records: document.records.length });
  }
}
