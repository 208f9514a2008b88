// Appending an undoable change to a table's history log, as TableEditsRepository does for its own edits: a new entry
// drops the redo stack (a new change forks history) and entries beyond HISTORY_LIMIT. Call inside the write
// transaction that makes the change, so the change and its entry are stored together or not at all.
import Dexie from 'dexie';
import type { LiucunDatabase } from './database';
import type { HistoryRow } from './rows';

/** How many undo steps a table keeps; older ones are dropped. */
export const HISTORY_LIMIT = 100;

export async function appendHistory(
  db: LiucunDatabase,
  at: number,
  entry: Omit<HistoryRow, 'seq' | 'at' | 'undone'>,
): Promise<void> {
  const rows = await db.history
    .where('[tableId+seq]')
    .between([entry.tableId, Dexie.minKey], [entry.tableId, Dexie.maxKey])
    .toArray();
  const done = rows.filter((row) => row.undone === 0);
  const undone = rows.filter((row) => row.undone === 1);
  const dropped = [...undone, ...done.slice(0, Math.max(0, done.length + 1 - HISTORY_LIMIT))];
  await db.history.bulkDelete(dropped.flatMap((row) => (row.seq === undefined ? [] : [row.seq])));
  await db.history.add({ ...entry, at, undone: 0 });
}
