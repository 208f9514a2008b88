// Attachment files in storage: Blobs (and image thumbnails) round-trip through IndexedDB, a batch is stored whole or
// not at all (an oversized file, a full disk), and cleanup keeps every file a record or the undo log still names.
// fake-indexeddb clones values with Node's structuredClone, which copies Blobs (Node ≥ 17), so rows hold real Blobs
// here as in a browser; no ArrayBuffer detour is needed.
import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import { describe, expect, it } from 'vitest';
import type { Attachment, Field, JsonValue } from '../../src/engine';
import { StorageError } from '../../src/storage';
import {
  AttachmentError,
  BlobsRepository,
  MAX_ATTACHMENT_BYTES,
  type NewAttachmentFile,
} from '../../src/storage/blobs';
import { sequentialIds, testStorage } from './support';

const FILES: Field = { id: 'files', name: 'Files', kind: 'attachment' };
const NAME: Field = { id: 'name', name: 'Name', kind: 'text' };
const UTC = { timeZone: 'UTC' };

/**
 * An open storage with a table and a blobs repository on its database. The disk "fills up" on a write to `blobs`
 * that includes a row whose id `disk.fullAt` names: with one row per request the rows before it would get through,
 * so only the transaction can keep the batch whole.
 */
async function setup() {
  const disk: { fullAt: string | undefined } = { fullAt: undefined };
  const writes = (request: DBCoreMutateRequest): boolean =>
    (request.type === 'add' || request.type === 'put') &&
    request.values.some((row) => (row as { id?: unknown }).id === disk.fullAt);
  const quota: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'quota',
    create: (down) => ({
      ...down,
      table: (name: string): DBCoreTable => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (request) =>
            name === 'blobs' && writes(request)
              ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
              : table.mutate(request),
        };
      },
    }),
  };
  const test = testStorage();
  const { db } = test.storage.connection;
  db.use(quota);
  await test.storage.connection.open();
  const app = await test.storage.definitions.createApp({ name: 'CRM' });
  const table = await test.storage.definitions.createTable(app.id, 'Customers', {
    fields: [NAME, FILES],
    views: [],
  });
  const other = await test.storage.definitions.createTable(app.id, 'Orders');
  const blobs = new BlobsRepository(db, { now: () => test.clock.now, newId: sequentialIds('file') });
  const storedIds = async () => (await db.blobs.toCollection().primaryKeys()).sort();
  return { ...test, db, blobs, disk, tableId: table.id, otherTableId: other.id, storedIds };
}

function text(content: string, type = 'text/plain'): Blob {
  return new Blob([content], { type });
}

function file(name: string, blob: Blob, thumbnail?: Blob): NewAttachmentFile {
  return { name, type: blob.type, blob, thumbnail };
}

async function rejection(work: Promise<unknown>): Promise<unknown> {
  return work.then(
    () => {
      throw new Error('expected the promise to reject');
    },
    (reason: unknown) => reason,
  );
}

describe('storing files', () => {
  it('returns a descriptor per file and gives back the same bytes and type', async () => {
    const { blobs, tableId } = await setup();
    const pdf = new Blob([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff])], { type: 'application/pdf' });

    const added = await blobs.addFiles(tableId, [
      file('contract.pdf', pdf),
      file('notes.txt', text('hello 你好')),
    ]);

    expect(added).toEqual([
      { id: 'file-000001', name: 'contract.pdf', type: 'application/pdf', size: 6 },
      { id: 'file-000002', name: 'notes.txt', type: 'text/plain', size: new Blob(['hello 你好']).size },
    ]);
    const back = await blobs.getBlob('file-000001');
    expect(back).toBeInstanceOf(Blob);
    expect(back?.type).toBe('application/pdf');
    expect([...new Uint8Array(await (back as Blob).arrayBuffer())]).toEqual([
      0x25, 0x50, 0x44, 0x46, 0x00, 0xff,
    ]);
    expect(await (await blobs.getBlob('file-000002'))?.text()).toBe('hello 你好');
  });

  it('keeps an image thumbnail apart from the file, and has none for other files', async () => {
    const { blobs, tableId } = await setup();
    const photo = text('full-size pixels', 'image/png');
    const thumb = text('small pixels', 'image/jpeg');

    const [image, doc] = await blobs.addFiles(tableId, [
      file('photo.png', photo, thumb),
      file('a.txt', text('a')),
    ]);

    expect(await (await blobs.getThumbnail(image?.id ?? ''))?.text()).toBe('small pixels');
    expect((await blobs.getThumbnail(image?.id ?? ''))?.type).toBe('image/jpeg');
    expect(await (await blobs.getBlob(image?.id ?? ''))?.text()).toBe('full-size pixels');
    expect(await blobs.getThumbnail(doc?.id ?? '')).toBeUndefined();
    expect(await blobs.getBlob('no-such-file')).toBeUndefined();
  });

  it('names a nameless file, takes the Blob type when none is given and cuts an overlong name', async () => {
    const { blobs, tableId } = await setup();

    const added = await blobs.addFiles(tableId, [
      { name: '  ', type: '', blob: text('x', 'image/gif') },
      { name: `${'n'.repeat(600)}.txt`, type: 'text/plain', blob: text('y') },
    ]);

    expect(added[0]).toMatchObject({ name: 'file', type: 'image/gif', size: 1 });
    expect(added[1]?.name).toHaveLength(500);
  });
});

describe('refusing a batch', () => {
  it('refuses a file over 50 MB with a typed error before storing any file of the batch', async () => {
    const { blobs, tableId, storedIds } = await setup();
    const big = new Blob([new Uint8Array(MAX_ATTACHMENT_BYTES + 1)], { type: 'video/mp4' });

    const error = await rejection(
      blobs.addFiles(tableId, [file('ok.txt', text('ok')), file('movie.mp4', big)]),
    );

    expect(error).toBeInstanceOf(AttachmentError);
    expect(error).toMatchObject({
      code: 'attachments.tooLarge',
      params: { name: 'movie.mp4', size: MAX_ATTACHMENT_BYTES + 1, limit: MAX_ATTACHMENT_BYTES },
    });
    expect(await storedIds()).toEqual([]);
  });

  it('accepts a file of exactly 50 MB', async () => {
    const { blobs, tableId } = await setup();
    const edge = new Blob([new Uint8Array(MAX_ATTACHMENT_BYTES)]);

    const [added] = await blobs.addFiles(tableId, [file('edge.bin', edge)]);

    expect(added?.size).toBe(MAX_ATTACHMENT_BYTES);
  });

  it('fails on a full disk with a quota StorageError and leaves the files stored before untouched', async () => {
    const { blobs, tableId, disk, storedIds } = await setup();
    await blobs.addFiles(tableId, [file('first.txt', text('first'))]);
    // The disk fills up at the batch's second file, after the first one and its thumbnail.
    disk.fullAt = 'file-000003';

    const error = await rejection(
      blobs.addFiles(tableId, [
        file('a.png', text('a', 'image/png'), text('ta', 'image/jpeg')),
        file('b.txt', text('b')),
      ]),
    );

    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ kind: 'quota' });
    disk.fullAt = undefined;
    expect(await storedIds()).toEqual(['file-000001']);
    expect(await (await blobs.getBlob('file-000001'))?.text()).toBe('first');
  });

  it('stores nothing for a table that does not exist', async () => {
    const { blobs, storedIds } = await setup();

    await expect(blobs.addFiles('no-such-table', [file('a.txt', text('a'))])).rejects.toThrow(/Not found/);

    expect(await storedIds()).toEqual([]);
  });
});

describe('cleaning up', () => {
  it('deletes the files nobody names, with their thumbnails, and no file of another table', async () => {
    const { blobs, tableId, otherTableId, storedIds } = await setup();
    const [kept, dropped] = await blobs.addFiles(tableId, [
      file('kept.png', text('k', 'image/png'), text('tk', 'image/jpeg')),
      file('dropped.png', text('d', 'image/png'), text('td', 'image/jpeg')),
    ]);
    await blobs.addFiles(otherTableId, [file('other.txt', text('o'))]);

    const deleted = await blobs.deleteUnreferenced(tableId, [kept?.id ?? '']);

    expect(deleted).toBe(1);
    expect(dropped).toBeDefined();
    expect(await storedIds()).toEqual(['file-000001', 'file-000001/thumb', 'file-000003']);
  });

  it('purges every file of a table when no ids are kept', async () => {
    const { blobs, tableId, otherTableId, storedIds } = await setup();
    await blobs.addFiles(tableId, [
      file('a.txt', text('a')),
      file('b.png', text('b', 'image/png'), text('t')),
    ]);
    await blobs.addFiles(otherTableId, [file('other.txt', text('o'))]);

    expect(await blobs.deleteUnreferenced(tableId, [])).toBe(2);

    expect(await storedIds()).toEqual(['file-000003']);
  });

  it('finds the files named by live records, tombstones and the undo history, and only those', async () => {
    const { storage, blobs, tableId } = await setup();
    const [live, deleted, replaced, orphan] = await blobs.addFiles(tableId, [
      file('live.txt', text('1')),
      file('deleted.txt', text('2')),
      file('replaced.txt', text('3')),
      file('orphan.txt', text('4')),
    ]);
    const list = (...items: (Attachment | undefined)[]): JsonValue =>
      items.filter((item) => item !== undefined);
    const label = { label: 'history.editRecords' };
    const [keep, gone, changed] = await storage.edits.addRecords(
      tableId,
      [
        { name: 'Keep', files: list(live) },
        { name: 'Gone', files: list(deleted) },
        { name: 'Changed', files: list(replaced) },
      ],
      label,
      UTC,
    );
    await storage.edits.deleteRecords(tableId, [gone?.id ?? ''], label);
    // The file is removed from the record: only the undo log still names it.
    await storage.edits.updateRecords(
      tableId,
      [{ id: changed?.id ?? '', values: { files: [] } }],
      label,
      UTC,
    );
    expect(keep).toBeDefined();

    const referenced = await blobs.referencedIds(tableId);

    expect([...referenced].sort()).toEqual([live?.id, deleted?.id, replaced?.id].sort());
    expect(referenced.has(orphan?.id ?? '')).toBe(false);
    expect(await blobs.deleteUnreferenced(tableId, referenced)).toBe(1);
    expect(await blobs.getBlob(orphan?.id ?? '')).toBeUndefined();
    expect(await blobs.getBlob(replaced?.id ?? '')).toBeInstanceOf(Blob);
  });
});
