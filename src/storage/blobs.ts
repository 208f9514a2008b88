// Repository of attachment files: the bytes of each file (and of an image's thumbnail) as Blobs in the `blobs` store,
// apart from the records that list them. A record's attachment value only holds descriptors (id, name, type, size),
// so reading a grid window never reads file bytes.
import Dexie from 'dexie';
import type { Attachment } from '../engine';
import type { LiucunDatabase } from './database';
import type { Environment } from './definitions';
import type { BlobRow } from './rows';
import { readTransaction, writeTransaction } from './write';

/** The largest file accepted, in bytes (50 MB): IndexedDB copes with more, but a backup or a phone may not. */
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

/** Limits of the attachment descriptor (AttachmentSchema): longer names and types are cut, not refused. */
const MAX_NAME_LENGTH = 500;
const MAX_TYPE_LENGTH = 200;

/** The id a thumbnail is stored under: its file's id with this suffix (ids are UUIDs, so it never collides). */
const THUMBNAIL_SUFFIX = '/thumb';

export function thumbnailId(id: string): string {
  return `${id}${THUMBNAIL_SUFFIX}`;
}

/** The file id a stored row belongs to (its own id, or the id of the file it is the thumbnail of). */
function fileIdOf(rowId: string): string {
  return rowId.endsWith(THUMBNAIL_SUFFIX) ? rowId.slice(0, -THUMBNAIL_SUFFIX.length) : rowId;
}

export type AttachmentErrorCode = 'attachments.tooLarge';

/** A file refused before anything was written. `code` is a catalog key; `params` its interpolation values. */
export class AttachmentError extends Error {
  readonly code: AttachmentErrorCode;
  readonly params: { readonly name: string; readonly size: number; readonly limit: number };

  constructor(code: AttachmentErrorCode, params: AttachmentError['params']) {
    super(`${code}: ${params.name} (${params.size} bytes)`);
    this.name = 'AttachmentError';
    this.code = code;
    this.params = params;
  }
}

/** A file to store: its bytes, and for images a small preview made by the caller (storage has no canvas). */
export interface NewAttachmentFile {
  readonly name: string;
  /** MIME type; the Blob's own type when empty. */
  readonly type: string;
  readonly blob: Blob;
  readonly thumbnail?: Blob | undefined;
}

/** Throws AttachmentError('attachments.tooLarge') when a file is over the size limit. */
export function assertAttachmentSize(file: { readonly name: string; readonly size: number }): void {
  if (file.size > MAX_ATTACHMENT_BYTES)
    throw new AttachmentError('attachments.tooLarge', {
      name: file.name,
      size: file.size,
      limit: MAX_ATTACHMENT_BYTES,
    });
}

function descriptorName(name: string): string {
  const trimmed = name.trim();
  // A Blob handed over without a name (a pasted image) still needs one: the schema requires at least a character.
  return (trimmed === '' ? 'file' : trimmed).slice(0, MAX_NAME_LENGTH);
}

export class BlobsRepository {
  constructor(
    private readonly db: LiucunDatabase,
    private readonly env: Environment,
  ) {}

  /**
   * Stores files (and their thumbnails) of table `tableId` in one transaction: all of them, or — on a full disk or
   * any other failure, thrown as StorageError — none. Files over the size limit are refused (AttachmentError)
   * before anything is written. Returns the descriptors to put in the record, in the order of `files`.
   */
  async addFiles(tableId: string, files: readonly NewAttachmentFile[]): Promise<Attachment[]> {
    for (const file of files) assertAttachmentSize({ name: file.name, size: file.blob.size });
    if (files.length === 0) return [];
    const { db } = this;
    return writeTransaction(db, [db.tableDefs, db.blobs], async () => {
      if ((await db.tableDefs.get(tableId)) === undefined) throw new Error(`Not found: table ${tableId}`);
      const rows: BlobRow[] = [];
      const attachments = files.map((file): Attachment => {
        const id = this.env.newId();
        rows.push({ id, tableId, blob: file.blob });
        if (file.thumbnail) rows.push({ id: thumbnailId(id), tableId, blob: file.thumbnail });
        return {
          id,
          name: descriptorName(file.name),
          type: (file.type || file.blob.type).slice(0, MAX_TYPE_LENGTH),
          size: file.blob.size,
        };
      });
      await db.blobs.bulkAdd(rows);
      return attachments;
    });
  }

  /** The bytes of file `id`; undefined when there is no such file (never stored, or cleaned up). */
  async getBlob(id: string): Promise<Blob | undefined> {
    return readTransaction(this.db, [this.db.blobs], async () => (await this.db.blobs.get(id))?.blob);
  }

  /** The thumbnail of file `id`; undefined when it has none (not an image, or the preview could not be made). */
  async getThumbnail(id: string): Promise<Blob | undefined> {
    return this.getBlob(thumbnailId(id));
  }

  /**
   * Deletes the files of table `tableId` (with their thumbnails) whose ids are not in `referencedIds`, in one
   * transaction; returns how many files went. For purging a table pass no ids. Otherwise `referencedIds` must hold
   * every id a record value can still come back to: live records, tombstones and the undo history alike
   * (see `referencedIds`). Files are stored before the record that lists them is written, so do not run this while
   * an attachment editor of the table may be adding files.
   */
  async deleteUnreferenced(tableId: string, referencedIds: Iterable<string>): Promise<number> {
    const keep = new Set(referencedIds);
    const { db } = this;
    return writeTransaction(db, [db.blobs], async () => {
      const rowIds = await db.blobs.where('tableId').equals(tableId).primaryKeys();
      const doomed = rowIds.filter((rowId) => !keep.has(fileIdOf(rowId)));
      await db.blobs.bulkDelete(doomed);
      return new Set(doomed.map(fileIdOf)).size;
    });
  }

  /**
   * Ids of the stored files of table `tableId` that any record value still names — in live records, in tombstones
   * (restorable by undo) and in the before/after states of the undo history — read in one transaction. What
   * `deleteUnreferenced` needs to keep. Values are matched by shape (`{id, name, type, size}` items naming a stored
   * file), not by field, so a field converted to another kind and back still keeps its files.
   */
  async referencedIds(tableId: string): Promise<Set<string>> {
    const { db } = this;
    return readTransaction(db, [db.blobs, db.records, db.history], async () => {
      const stored = new Set(
        (await db.blobs.where('tableId').equals(tableId).primaryKeys()).map((rowId) => fileIdOf(rowId)),
      );
      const found = new Set<string>();
      if (stored.size === 0) return found;
      const collect = (values: Readonly<Record<string, unknown>> | undefined): void => {
        for (const value of Object.values(values ?? {})) {
          if (!Array.isArray(value)) continue;
          for (const item of value as unknown[]) {
            const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
            if (typeof id === 'string' && stored.has(id)) found.add(id);
          }
        }
      };
      await db.records
        .where('[tableId+id]')
        .between([tableId, Dexie.minKey], [tableId, Dexie.maxKey])
        .each((row) => collect(row.values));
      await db.history
        .where('[tableId+seq]')
        .between([tableId, Dexie.minKey], [tableId, Dexie.maxKey])
        .each((row) => {
          for (const change of row.records) {
            collect(change.before?.values);
            collect(change.after?.values);
          }
        });
      return found;
    });
  }
}
