// Live snapshots of the definitions. Dexie's liveQuery re-runs the query after every change — in this tab and,
// through its BroadcastChannel, in every other tab of the app — so two tabs always show the same workspace.
import { liveQuery } from 'dexie';
import type { LiucunDatabase } from './database';
import { WORKSPACE_KEY, type AppRow, type TableRow, type WorkspaceRow } from './rows';
import { toStorageError, type StorageError } from './errors';

export interface TrashEntry {
  readonly kind: 'app' | 'table';
  readonly id: string;
  readonly name: string;
  readonly deletedAt: number;
  /** For a table: the app it belongs to. */
  readonly appId?: string;
  readonly appName?: string;
}

export interface WorkspaceSnapshot {
  readonly workspace: WorkspaceRow | undefined;
  /** Live apps in navigation order. */
  readonly apps: readonly AppRow[];
  /** Live tables of live apps, in navigation order. */
  readonly tables: readonly TableRow[];
  /** Trashed apps, and trashed tables of live apps, newest first. */
  readonly trash: readonly TrashEntry[];
}

export async function readSnapshot(db: LiucunDatabase): Promise<WorkspaceSnapshot> {
  const [workspace, apps, tables] = await Promise.all([
    db.workspace.get(WORKSPACE_KEY),
    db.apps.toArray(),
    db.tableDefs.toArray(),
  ]);
  const liveApps = apps.filter((app) => app.deletedAt === undefined).sort((a, b) => a.order - b.order);
  const liveAppIds = new Set(liveApps.map((app) => app.id));
  const appNames = new Map(apps.map((app) => [app.id, app.name]));
  const trash: TrashEntry[] = [
    ...apps.flatMap((app) =>
      app.deletedAt === undefined
        ? []
        : [{ kind: 'app' as const, id: app.id, name: app.name, deletedAt: app.deletedAt }],
    ),
    ...tables.flatMap((table) =>
      table.deletedAt === undefined || !liveAppIds.has(table.appId)
        ? []
        : [
            {
              kind: 'table' as const,
              id: table.id,
              name: table.name,
              deletedAt: table.deletedAt,
              appId: table.appId,
              appName: appNames.get(table.appId) ?? '',
            },
          ],
    ),
  ].sort((a, b) => b.deletedAt - a.deletedAt);
  return {
    workspace,
    apps: liveApps,
    tables: tables
      .filter((table) => table.deletedAt === undefined && liveAppIds.has(table.appId))
      .sort((a, b) => a.order - b.order),
    trash,
  };
}

/** Calls `onSnapshot` now and after every change to the definitions; returns the unsubscribe function. */
export function observeWorkspace(
  db: LiucunDatabase,
  onSnapshot: (snapshot: WorkspaceSnapshot) => void,
  onError: (error: StorageError) => void,
): () => void {
  const subscription = liveQuery(() => readSnapshot(db)).subscribe({
    next: onSnapshot,
    error: (error: unknown) => onError(toStorageError(error)),
  });
  return () => subscription.unsubscribe();
}
