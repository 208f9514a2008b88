// The workspace as the UI sees it: a live snapshot of apps, tables and trash, and the actions that change them.
// Actions go through storage; the snapshot comes back through storage's live query (also for changes made in
// other tabs), so the store never has to patch its own copy.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { parseJsonText, type Person, type Problem, type WorkspaceDocument } from '../engine';
import { err, type Result } from '../shared/result';
import type { Storage, StorageError, WorkspaceSnapshot } from '../storage';
import { classifyStorageError } from '../storage';
import { noticesStore } from './notices-store';
import { attemptWith, reportStorageError } from './report-error';

export type { AppRow, TableRow, TrashEntry, WorkspaceSnapshot } from '../storage';
export type { Problem } from '../engine';

export type WorkspaceStatus = 'loading' | 'ready' | 'failed';

export interface WorkspaceState {
  readonly status: WorkspaceStatus;
  readonly snapshot: WorkspaceSnapshot;
  /** Why loading failed (catalog key), when status is 'failed'. */
  readonly failure: string | undefined;
}

export interface RestoreSummary {
  readonly apps: number;
  readonly records: number;
}

export interface WorkspaceActions {
  readonly startEmpty: () => Promise<void>;
  readonly createApp: (name: string) => Promise<string | undefined>;
  readonly renameApp: (appId: string, name: string) => Promise<void>;
  readonly duplicateApp: (appId: string, name: string) => Promise<string | undefined>;
  readonly trashApp: (appId: string) => Promise<void>;
  readonly restoreApp: (appId: string) => Promise<void>;
  readonly purgeApp: (appId: string) => Promise<void>;
  /** Creates a table with one grid view named `viewName` (in the UI's language). */
  readonly createTable: (appId: string, name: string, viewName: string) => Promise<string | undefined>;
  readonly renameTable: (tableId: string, name: string) => Promise<void>;
  readonly duplicateTable: (tableId: string, name: string) => Promise<string | undefined>;
  readonly trashTable: (tableId: string) => Promise<void>;
  readonly restoreTable: (tableId: string) => Promise<void>;
  readonly purgeTable: (tableId: string) => Promise<void>;
  readonly emptyTrash: () => Promise<void>;
  /** Replaces the people person fields choose from. */
  readonly setPeople: (people: readonly Person[]) => Promise<void>;
  /** Installs a template from JSON text. Problems (with JSON paths) come back; nothing is added when there are any. */
  readonly installTemplate: (jsonText: string) => Promise<Result<string[], Problem[]> | undefined>;
  readonly exportWorkspace: () => Promise<WorkspaceDocument | undefined>;
  /** Replaces the whole workspace from JSON text, all or nothing. */
  readonly restoreWorkspace: (jsonText: string) => Promise<Result<RestoreSummary, Problem[]> | undefined>;
}

const EMPTY_SNAPSHOT: WorkspaceSnapshot = { workspace: undefined, apps: [], tables: [], trash: [] };

let storage: Storage | undefined;

function requireStorage(): Storage {
  if (!storage)
    throw new Error('The workspace store is not connected to storage (call connectWorkspaceStore).');
  return storage;
}

function attempt<T>(work: (storage: Storage) => Promise<T>): Promise<T | undefined> {
  return attemptWith(requireStorage, work);
}

export const workspaceStore = createStore<WorkspaceState & WorkspaceActions>()((set) => ({
  status: 'loading',
  snapshot: EMPTY_SNAPSHOT,
  failure: undefined,

  startEmpty: async () => {
    await attempt((s) => s.definitions.markOnboarded());
  },
  createApp: (name) => attempt(async (s) => (await s.definitions.createApp({ name })).id),
  renameApp: async (appId, name) => {
    await attempt((s) => s.definitions.renameApp(appId, name));
  },
  duplicateApp: (appId, name) => attempt((s) => s.definitions.duplicateApp(appId, name)),
  trashApp: async (appId) => {
    await attempt((s) => s.definitions.trashApp(appId));
  },
  restoreApp: async (appId) => {
    await attempt((s) => s.definitions.restoreApp(appId));
  },
  purgeApp: async (appId) => {
    await attempt((s) => s.definitions.purgeApp(appId));
  },
  createTable: (appId, name, viewName) =>
    attempt(async (s) => (await s.definitions.createTable(appId, name, undefined, viewName)).id),
  renameTable: async (tableId, name) => {
    await attempt((s) => s.definitions.renameTable(tableId, name));
  },
  duplicateTable: (tableId, name) => attempt((s) => s.definitions.duplicateTable(tableId, name)),
  trashTable: async (tableId) => {
    await attempt((s) => s.definitions.trashTable(tableId));
  },
  restoreTable: async (tableId) => {
    await attempt((s) => s.definitions.restoreTable(tableId));
  },
  purgeTable: async (tableId) => {
    await attempt((s) => s.definitions.purgeTable(tableId));
  },
  setPeople: async (people) => {
    await attempt((s) => s.definitions.setPeople(people));
  },
  emptyTrash: async () => {
    await attempt((s) => s.definitions.emptyTrash());
  },
  installTemplate: (jsonText) =>
    attempt(async (s) => {
      const parsed = parseJsonText(jsonText);
      if (!parsed.ok) return err(parsed.error);
      const installed = await s.templates.installTemplate(parsed.value);
      if (installed.ok) await s.definitions.markOnboarded();
      return installed;
    }),
  exportWorkspace: () => attempt((s) => s.backup.exportWorkspace()),
  restoreWorkspace: (jsonText) =>
    attempt(async (s) => {
      const parsed = parseJsonText(jsonText);
      if (!parsed.ok) return err(parsed.error);
      const restored = await s.backup.restoreWorkspace(parsed.value);
      if (restored.ok) {
        set({ status: 'ready' });
        noticesStore.getState().setStorageProblem(undefined);
      }
      return restored;
    }),
}));

/**
 * Connects the store to storage: makes sure the workspace row exists, follows live snapshots and the connection
 * state. Returns the function that disconnects.
 */
export async function connectWorkspaceStore(connected: Storage, workspaceName: string): Promise<() => void> {
  storage = connected;
  const stopConnection = connected.connection.subscribe((state) => {
    if (state === 'stale') noticesStore.getState().setStaleDatabase(true);
  });
  try {
    await connected.connection.open();
    await connected.definitions.ensureWorkspace(workspaceName);
  } catch (error) {
    const kind = classifyStorageError(error);
    if (kind === 'versionChanged' || connected.connection.current === 'stale')
      noticesStore.getState().setStaleDatabase(true);
    workspaceStore.setState({ status: 'failed', failure: `errors.storage.${kind}` });
    return stopConnection;
  }
  const stopSnapshots = connected.observeWorkspace(
    (snapshot) => workspaceStore.setState({ status: 'ready', snapshot }),
    (error: StorageError) => {
      reportStorageError(error);
    },
  );
  return () => {
    stopSnapshots();
    stopConnection();
    storage = undefined;
  };
}

export function useWorkspace<T>(selector: (state: WorkspaceState & WorkspaceActions) => T): T {
  return useStore(workspaceStore, selector);
}
