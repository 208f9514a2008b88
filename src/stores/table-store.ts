// Editing tables: definition changes (fields, views), record writes, and undo/redo, all through storage's undoable
// edits. After each write the store tells the table's listeners (the open grid, the query worker) what changed, so
// they refresh only that; the definition itself comes back through the workspace snapshot.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import {
  computedDefinitionsDiffer,
  type ConversionPreview,
  type DataRecord,
  type Field,
  type JsonValue,
  type Table,
} from '../engine';
import type { EditLabel, HistoryState, RecordHistoryEntry, ReplayResult, Storage } from '../storage';
import { currentPersonStore } from './current-person';
import { noticesStore } from './notices-store';
import { attemptWith } from './report-error';

export type { EditLabel, HistoryState, RecordHistoryEntry } from '../storage';

/** What changed in a table, for the views that show it. */
export type TableChange =
  | {
      readonly kind: 'records';
      readonly records: readonly DataRecord[];
      readonly removedIds: readonly string[];
    }
  | { readonly kind: 'definition'; readonly table: Table; readonly recompute: boolean }
  /**
   * Many records changed at once (an import, recomputed formulas): views re-read what they show. `keepWorker`: the
   * query worker already holds the new values (it computed them), so it need not read the table again.
   */
  | { readonly kind: 'reload'; readonly keepWorker?: boolean };

type ChangeListener = (change: TableChange) => void;

export interface RecordValuesChange {
  readonly id: string;
  readonly values: Readonly<Record<string, JsonValue>>;
}

export interface TableState {
  /** Undo/redo labels by table id (absent until first read). */
  readonly history: Readonly<Record<string, HistoryState>>;
}

export interface TableActions {
  /** Applies a definition change; false (and a message shown) when it was refused or failed. */
  readonly changeTable: (
    tableId: string,
    change: (table: Table) => Table,
    label: EditLabel,
  ) => Promise<boolean>;
  readonly addField: (tableId: string, field: Field, index?: number) => Promise<boolean>;
  /** Replaces the field with the same id (a kind change converts the stored values; undo restores them). */
  readonly saveField: (tableId: string, field: Field) => Promise<boolean>;
  readonly moveField: (tableId: string, fieldId: string, toIndex: number) => Promise<boolean>;
  readonly deleteField: (tableId: string, fieldId: string) => Promise<boolean>;
  readonly previewKindChange: (
    tableId: string,
    from: Field,
    to: Field,
  ) => Promise<ConversionPreview | undefined>;
  readonly addRecords: (
    tableId: string,
    values: readonly Record<string, JsonValue>[],
    label?: EditLabel,
  ) => Promise<DataRecord[] | undefined>;
  readonly updateRecords: (
    tableId: string,
    changes: readonly RecordValuesChange[],
    label?: EditLabel,
  ) => Promise<DataRecord[] | undefined>;
  readonly deleteRecords: (tableId: string, ids: readonly string[]) => Promise<number | undefined>;
  readonly getRecords: (tableId: string, ids: readonly string[]) => Promise<(DataRecord | undefined)[]>;
  /** Live records in creation order, `offset … offset+limit`: the unsorted view's window. */
  readonly readWindow: (tableId: string, offset: number, limit: number) => Promise<DataRecord[]>;
  readonly countRecords: (tableId: string) => Promise<number>;
  readonly recordHistory: (tableId: string, recordId: string) => Promise<RecordHistoryEntry[]>;
  /** Tells the table's listeners about a change made elsewhere (an import, a recompute in the worker). */
  readonly notify: (tableId: string, change: TableChange) => void;
  readonly undo: (tableId: string) => Promise<void>;
  readonly redo: (tableId: string) => Promise<void>;
  readonly refreshHistory: (tableId: string) => Promise<void>;
  readonly subscribe: (tableId: string, listener: ChangeListener) => () => void;
}

let storage: Storage | undefined;
const listeners = new Map<string, Set<ChangeListener>>();

function requireStorage(): Storage {
  if (!storage) throw new Error('The table store is not connected to storage (call connectTableStore).');
  return storage;
}

/** The zone formulas read TODAY()/NOW() in (the device's), and who is using the app here. */
function context() {
  return {
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    currentUserId: currentPersonStore.getState().personId,
  };
}

const globalListeners = new Set<(tableId: string, change: TableChange) => void>();

function deliver(tableId: string, change: TableChange): void {
  for (const listener of globalListeners) listener(tableId, change);
  for (const listener of listeners.get(tableId) ?? []) listener(change);
}

/**
 * Record changes reach the other tabs of this browser too (definitions already do, through the workspace's live
 * query): their grids and query workers refresh. A recompute is announced as a plain reload there, since their
 * workers did not compute the new values.
 */
const otherTabs: BroadcastChannel | undefined =
  typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel('liucun.table-changes');
if (otherTabs) {
  otherTabs.onmessage = (event: MessageEvent<{ tableId: string; change: TableChange }>) => {
    deliver(event.data.tableId, event.data.change);
  };
  // Node (unit tests) would otherwise keep running for the channel; browsers have no unref.
  (otherTabs as BroadcastChannel & { unref?: () => void }).unref?.();
}

function emit(tableId: string, change: TableChange): void {
  deliver(tableId, change);
  if (change.kind === 'definition') return;
  otherTabs?.postMessage({ tableId, change: change.kind === 'reload' ? { kind: 'reload' } : change });
}

/** Hears the changes of every table, before the table's own listeners (the query worker bridge uses this). */
export function subscribeAllTables(listener: (tableId: string, change: TableChange) => void): () => void {
  globalListeners.add(listener);
  return () => globalListeners.delete(listener);
}

function attempt<T>(work: (storage: Storage) => Promise<T>): Promise<T | undefined> {
  return attemptWith(requireStorage, work);
}

function move<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(Math.max(0, Math.min(to, next.length)), 0, item);
  return next;
}

export const tableStore = createStore<TableState & TableActions>()((set, get) => {
  const refresh = async (tableId: string): Promise<void> => {
    const state = await attempt((s) => s.edits.historyState(tableId));
    if (state) set((current) => ({ history: { ...current.history, [tableId]: state } }));
  };

  const changeTable: TableActions['changeTable'] = async (tableId, change, label) => {
    let before: Table | undefined;
    const saved = await attempt((s) =>
      s.edits.changeTable(
        tableId,
        (table) => {
          before = table;
          return change(table);
        },
        label,
        context(),
      ),
    );
    if (!saved) return false;
    emit(tableId, {
      kind: 'definition',
      table: saved,
      recompute: before === undefined || computedDefinitionsDiffer(before.fields, saved.fields),
    });
    await refresh(tableId);
    return true;
  };

  const afterReplay = (tableId: string, result: ReplayResult, direction: 'undo' | 'redo'): void => {
    if (result.table)
      emit(tableId, { kind: 'definition', table: result.table, recompute: result.definitionChanged });
    for (const replayed of [{ tableId, table: undefined, records: result.records }, ...result.others]) {
      if (replayed.table)
        emit(replayed.tableId, { kind: 'definition', table: replayed.table, recompute: true });
      if (replayed.records.length > 0)
        emit(replayed.tableId, {
          kind: 'records',
          records: replayed.records.filter((record) => !record.deleted),
          removedIds: replayed.records.filter((record) => record.deleted).map((record) => record.id),
        });
    }
    noticesStore.getState().toast('info', direction === 'undo' ? 'history.undone' : 'history.redone');
  };

  return {
    history: {},
    changeTable,
    addField: (tableId, field, index) =>
      changeTable(
        tableId,
        (table) => {
          const fields = [...table.fields];
          fields.splice(index ?? fields.length, 0, field);
          return { ...table, fields };
        },
        { label: 'history.addField', params: { name: field.name } },
      ),
    saveField: (tableId, field) =>
      changeTable(
        tableId,
        (table) => ({
          ...table,
          fields: table.fields.map((candidate) => (candidate.id === field.id ? field : candidate)),
        }),
        { label: 'history.changeField', params: { name: field.name } },
      ),
    moveField: (tableId, fieldId, toIndex) =>
      changeTable(
        tableId,
        (table) => {
          const from = table.fields.findIndex((field) => field.id === fieldId);
          return from < 0 ? table : { ...table, fields: move(table.fields, from, toIndex) };
        },
        { label: 'history.moveField' },
      ),
    deleteField: (tableId, fieldId) =>
      changeTable(
        tableId,
        (table) => ({
          ...table,
          fields: table.fields.filter((field) => field.id !== fieldId),
          primaryFieldId: table.primaryFieldId === fieldId ? undefined : table.primaryFieldId,
        }),
        { label: 'history.deleteField' },
      ),
    previewKindChange: (tableId, from, to) =>
      attempt((s) => s.edits.previewKindChange(tableId, from, to, context())),
    addRecords: async (tableId, values, label) => {
      const added = await attempt((s) =>
        s.edits.addRecords(
          tableId,
          values,
          label ?? { label: 'history.addRecords', params: { count: values.length } },
          context(),
        ),
      );
      if (added) {
        emit(tableId, { kind: 'records', records: added, removedIds: [] });
        await refresh(tableId);
      }
      return added;
    },
    updateRecords: async (tableId, changes, label) => {
      const updated = await attempt((s) =>
        s.edits.updateRecords(
          tableId,
          changes,
          label ?? { label: 'history.editRecords', params: { count: changes.length } },
          context(),
        ),
      );
      if (updated) {
        emit(tableId, { kind: 'records', records: updated, removedIds: [] });
        await refresh(tableId);
      }
      return updated;
    },
    deleteRecords: async (tableId, ids) => {
      const count = await attempt((s) =>
        s.edits.deleteRecords(tableId, ids, {
          label: 'history.deleteRecords',
          params: { count: ids.length },
        }),
      );
      if (count !== undefined) {
        emit(tableId, { kind: 'records', records: [], removedIds: ids });
        await refresh(tableId);
      }
      return count;
    },
    getRecords: async (tableId, ids) => (await attempt((s) => s.edits.getRecords(tableId, ids))) ?? [],
    readWindow: async (tableId, offset, limit) =>
      (await attempt((s) => s.records.readWindow(tableId, offset, limit))) ?? [],
    countRecords: async (tableId) => (await attempt((s) => s.records.countRecords(tableId))) ?? 0,
    recordHistory: async (tableId, recordId) =>
      (await attempt((s) => s.edits.recordHistory(tableId, recordId))) ?? [],
    notify: emit,
    undo: async (tableId) => {
      const result = await attempt((s) => s.edits.undo(tableId));
      if (result) {
        afterReplay(tableId, result, 'undo');
        for (const other of result.others) await get().refreshHistory(other.tableId);
      }
      await get().refreshHistory(tableId);
    },
    redo: async (tableId) => {
      const result = await attempt((s) => s.edits.redo(tableId));
      if (result) {
        afterReplay(tableId, result, 'redo');
        for (const other of result.others) await get().refreshHistory(other.tableId);
      }
      await get().refreshHistory(tableId);
    },
    refreshHistory: refresh,
    subscribe: (tableId, listener) => {
      const set = listeners.get(tableId) ?? new Set<ChangeListener>();
      set.add(listener);
      listeners.set(tableId, set);
      return () => {
        set.delete(listener);
      };
    },
  };
});

export function connectTableStore(connected: Storage): () => void {
  storage = connected;
  return () => {
    storage = undefined;
  };
}

export function useTableStore<T>(selector: (state: TableState & TableActions) => T): T {
  return useStore(tableStore, selector);
}
