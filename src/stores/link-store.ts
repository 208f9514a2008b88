// Links between records for the screens: picking records of the linked table (search by text, titles by id) and
// writing links and link fields through storage, both sides at once. It reads storage directly rather than through
// the query worker, which holds the one table the grid shows: opening the linked table there would replace it.
// After a write, the table store's listeners (the open grid, the query worker) hear what changed in each table.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { cellText, type DataRecord, type LinkField, type Table } from '../engine';
import { compileSearch } from '../engine/query';
import type { Storage } from '../storage';
import type { InverseLinkSpec, LinksRepository } from '../storage/links';
import { attemptWith } from './report-error';
import { subscribeAllTables, tableStore } from './table-store';
import { workspaceStore } from './workspace-store';

/** What the link store needs from storage (the composition root passes the app's storage). */
export interface LinkStorage {
  readonly links: LinksRepository;
  readonly edits: Storage['edits'];
  readonly records: Storage['records'];
}

/** A record of the linked table as the picker and the chips show it. */
export interface LinkCandidate {
  readonly id: string;
  /** The primary field's text; '' when blank. */
  readonly title: string;
  /** True when no live record has this id (deleted since it was linked). */
  readonly missing?: boolean;
}

/** Most records a search returns: the picker shows a short list and asks for a sharper search. */
export const MAX_LINK_RESULTS = 50;

export interface LinkState {
  /** Bumped after every link write, so open chips re-read their titles. */
  readonly revision: number;
}

export interface LinkActions {
  /**
   * Live records of `tableId` whose text fields or title contain every word of `text` (all records when blank), in
   * creation order, at most `limit` (capped at MAX_LINK_RESULTS).
   */
  readonly searchRecords: (tableId: string, text: string, limit?: number) => Promise<LinkCandidate[]>;
  /** Titles of records by id, in the order asked; ids without a live record come back with `missing`. */
  readonly recordTitles: (tableId: string, ids: readonly string[]) => Promise<LinkCandidate[]>;
  /** Sets the records `recordId` links to through `fieldId` (both sides kept consistent); false when refused. */
  readonly setLinks: (
    tableId: string,
    recordId: string,
    fieldId: string,
    targetIds: readonly string[],
  ) => Promise<boolean>;
  /**
   * After records of `tableId` were edited, deleted or restored, refreshes the lookups and rollups (and formulas
   * reading them) of the records linked to them, and tells those tables' listeners.
   */
  readonly refreshLinked: (tableId: string, recordIds: readonly string[]) => Promise<void>;
  /** Adds a link field and its inverse in the target table; false when refused. */
  readonly addLinkField: (tableId: string, field: LinkField, inverse: InverseLinkSpec) => Promise<boolean>;
  /** Removes a link field and its inverse; false when refused. */
  readonly deleteLinkField: (tableId: string, fieldId: string) => Promise<boolean>;
}

let storage: LinkStorage | undefined;

function requireStorage(): LinkStorage {
  if (!storage) throw new Error('The link store is not connected to storage (call connectLinkStore).');
  return storage;
}

/** The zone formulas read TODAY()/NOW() in, and dates print in: the device's. */
function timeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function attempt<T>(work: (connected: LinkStorage) => Promise<T>): Promise<T | undefined> {
  return attemptWith(requireStorage, work);
}

/** How a record of `table` is titled: its primary field (the first field when none is set) as text. */
export function titleOf(table: Table): (record: Pick<DataRecord, 'values'>) => string {
  const primary = table.fields.find((field) => field.id === table.primaryFieldId) ?? table.fields.at(0);
  if (!primary) return () => '';
  const zone = timeZone();
  return (record) => cellText(primary, record.values[primary.id], { timeZone: zone });
}

/** A test for the picker's search: every word in a searchable field or in the title. */
function searchTest(table: Table, text: string): ((record: DataRecord) => boolean) | undefined {
  const fields = compileSearch(text, table.fields);
  if (!fields) return undefined;
  const title = titleOf(table);
  const words = text
    .toLocaleLowerCase()
    .split(/\s+/u)
    .filter((word) => word !== '');
  return (record) => {
    if (fields(record.values)) return true;
    const titled = title(record).toLocaleLowerCase();
    return words.every((word) => titled.includes(word));
  };
}

export const linkStore = createStore<LinkState & LinkActions>()((set) => {
  const bump = () => set((state) => ({ revision: state.revision + 1 }));

  return {
    revision: 0,
    searchRecords: async (tableId, text, limit = MAX_LINK_RESULTS) =>
      (await attempt(async ({ links }) => {
        const table = await links.readTable(tableId);
        if (!table) return [];
        const title = titleOf(table);
        const test = searchTest(table, text) ?? (() => true);
        const found = await links.findRecords(tableId, test, Math.min(limit, MAX_LINK_RESULTS));
        return found.map((record) => ({ id: record.id, title: title(record) }));
      })) ?? [],
    recordTitles: async (tableId, ids) =>
      (await attempt(async ({ links, edits }) => {
        if (ids.length === 0) return [];
        const table = await links.readTable(tableId);
        const records = await edits.getRecords(tableId, ids);
        const title = table ? titleOf(table) : () => '';
        return ids.map((id, at): LinkCandidate => {
          const record = records[at];
          return record ? { id, title: title(record) } : { id, title: '', missing: true };
        });
      })) ?? [],
    setLinks: async (tableId, recordId, fieldId, targetIds) => {
      const result = await attempt(({ links }) =>
        links.setLinks(tableId, recordId, fieldId, targetIds, { timeZone: timeZone() }),
      );
      if (!result) return false;
      const tables = tableStore.getState();
      for (const { tableId: changedId, records } of result.changed) {
        tables.notify(changedId, { kind: 'records', records, removedIds: [] });
        await tables.refreshHistory(changedId);
      }
      bump();
      return true;
    },
    refreshLinked: async (tableId, recordIds) => {
      if (recordIds.length === 0) return;
      const result = await attempt(({ links }) =>
        links.refreshLinkedLookups(tableId, recordIds, { timeZone: timeZone() }),
      );
      for (const { tableId: changedId, records } of result?.changed ?? [])
        tableStore.getState().notify(changedId, { kind: 'records', records, removedIds: [] });
    },
    addLinkField: async (tableId, field, inverse) => {
      const result = await attempt(({ links }) => links.addLinkField(tableId, field, inverse));
      if (!result) return false;
      const tables = tableStore.getState();
      for (const table of result.tables) {
        tables.notify(table.id, { kind: 'definition', table, recompute: false });
        await tables.refreshHistory(table.id);
      }
      return true;
    },
    deleteLinkField: async (tableId, fieldId) => {
      const saved = await attempt(({ links }) => links.deleteLinkField(tableId, fieldId));
      if (!saved) return false;
      const tables = tableStore.getState();
      for (const table of saved) {
        // Lookups and rollups through the removed link can no longer be computed: let the worker recompute.
        tables.notify(table.id, { kind: 'definition', table, recompute: true });
        await tables.refreshHistory(table.id);
      }
      bump();
      return true;
    },
  };
});

/**
 * Connects the store, and keeps lookups and rollups fresh: when records of a table with links change (an edit, a
 * delete, an undo), the records they link to recompute what they read of them. Refreshes write only values that
 * changed, so the chain stops once both sides agree.
 */
export function connectLinkStore(connected: LinkStorage): () => void {
  storage = connected;
  const stop = subscribeAllTables((tableId, change) => {
    if (change.kind !== 'records') return;
    const table = workspaceStore.getState().snapshot.tables.find((candidate) => candidate.id === tableId);
    if (!table?.fields.some((field) => field.kind === 'link')) return;
    const ids = [...change.records.map((record) => record.id), ...change.removedIds];
    void linkStore.getState().refreshLinked(tableId, ids);
  });
  return () => {
    stop();
    storage = undefined;
  };
}

export function useLinkStore<T>(selector: (state: LinkState & LinkActions) => T): T {
  return useStore(linkStore, selector);
}
