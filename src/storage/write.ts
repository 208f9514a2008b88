// Every write goes through one read-write transaction: on any failure (a full disk included) IndexedDB rolls the
// whole transaction back, so nothing is half-written, and the caller gets a classified StorageError.
import type { Table as DexieTable } from 'dexie';
import type { LiucunDatabase } from './database';
import { toStorageError } from './errors';

export async function writeTransaction<T>(
  db: LiucunDatabase,
  tables: readonly DexieTable[],
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await db.transaction('rw', tables, work);
  } catch (error) {
    throw toStorageError(error);
  }
}

export async function readTransaction<T>(
  db: LiucunDatabase,
  tables: readonly DexieTable[],
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await db.transaction('r', tables, work);
  } catch (error) {
    throw toStorageError(error);
  }
}
