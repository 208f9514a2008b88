// The object-store layout of src/storage/database.ts, written out again on purpose: tests that play "another tab
// running other code" or "an old build" open the same database with raw Dexie and must not share the app's code.
export const STORES_V2 = {
  workspace: 'key',
  apps: 'id',
  tableDefs: 'id, appId',
  forms: 'id, appId',
  automations: 'id, appId',
  dashboards: 'id, appId',
  records: '[tableId+id], [tableId+deleted+id], [tableId+updatedAt]',
} as const;

/** Database version 1 used the same stores; only the rows inside were of definition schema 1. */
export const STORES_V1 = STORES_V2;

/** Database version 3 added the undo log, auto-number counters and attachment blobs. */
export const STORES_V3 = {
  ...STORES_V2,
  history: '++seq, [tableId+seq]',
  sequences: 'key',
  blobs: 'id, tableId',
} as const;
