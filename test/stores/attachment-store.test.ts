// The attachment store over real storage (fake-indexeddb): thumbnails are made for raster images only, an oversized
// file is refused before any work with a message in the user's units, storage failures become notices, and object
// URLs are made once per file and revoked on release.
import { resolveObjectURL } from 'node:buffer';
import type { DBCore, DBCoreTable, Middleware } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BlobsRepository } from '../../src/storage/blobs';
import {
  addAttachments,
  attachmentUrl,
  connectAttachmentStore,
  imageThumbnail,
  MAX_ATTACHMENT_BYTES,
  matchesAccept,
  releaseAttachmentUrls,
} from '../../src/stores/attachment-store';
import { noticesStore } from '../../src/stores/notices-store';
import { sequentialIds, testStorage } from '../storage/support';

let disconnect: (() => void) | undefined;

beforeEach(() => {
  noticesStore.setState({ toasts: [], storageProblem: undefined });
});

afterEach(() => {
  disconnect?.();
  disconnect = undefined;
});

async function connected(options: { thumbnail?: Blob | undefined } = {}) {
  const disk = { full: false };
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
            disk.full
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
  const table = await test.storage.definitions.createTable(app.id, 'Customers');
  const blobs = new BlobsRepository(db, { now: () => test.clock.now, newId: sequentialIds('file') });
  const makeThumbnail = vi.fn((blob: Blob) =>
    Promise.resolve('thumbnail' in options ? options.thumbnail : new Blob([`thumb of ${blob.size}`])),
  );
  disconnect = connectAttachmentStore({ blobs }, { makeThumbnail, locale: () => 'en' });
  const storedIds = async () => (await db.blobs.toCollection().primaryKeys()).sort();
  return { blobs, tableId: table.id, makeThumbnail, disk, storedIds };
}

function toasts() {
  return noticesStore.getState().toasts.map(({ tone, key, params }) => ({ tone, key, params }));
}

describe('adding attachments', () => {
  it('makes thumbnails for raster images only and returns the descriptors in order', async () => {
    const { tableId, makeThumbnail, storedIds } = await connected();

    const added = await addAttachments(tableId, [
      new File(['png bytes'], 'photo.png', { type: 'image/png' }),
      new File(['<svg/>'], 'logo.svg', { type: 'image/svg+xml' }),
      new File(['%PDF'], 'contract.pdf', { type: 'application/pdf' }),
    ]);

    expect(added?.map(({ name, type }) => [name, type])).toEqual([
      ['photo.png', 'image/png'],
      ['logo.svg', 'image/svg+xml'],
      ['contract.pdf', 'application/pdf'],
    ]);
    expect(makeThumbnail).toHaveBeenCalledTimes(1);
    expect(await storedIds()).toEqual(['file-000001', 'file-000001/thumb', 'file-000002', 'file-000003']);
    expect(toasts()).toEqual([]);
  });

  it('stores an image without a preview when the thumbnail cannot be made', async () => {
    const { tableId, storedIds } = await connected({ thumbnail: undefined });

    const added = await addAttachments(tableId, [new File(['heic'], 'IMG.heic', { type: 'image/heic' })]);

    expect(added).toHaveLength(1);
    expect(await storedIds()).toEqual(['file-000001']);
    expect(await attachmentUrl('file-000001', { thumbnail: true })).toBeUndefined();
  });

  it('refuses a batch with an oversized file before making thumbnails, naming the file and sizes', async () => {
    const { tableId, makeThumbnail, storedIds } = await connected();
    const big = new File(['x'], 'video.mp4', { type: 'video/mp4' });
    Object.defineProperty(big, 'size', { value: MAX_ATTACHMENT_BYTES + 3 * 1024 * 1024 });

    const added = await addAttachments(tableId, [new File(['a'], 'a.png', { type: 'image/png' }), big]);

    expect(added).toBeUndefined();
    expect(makeThumbnail).not.toHaveBeenCalled();
    expect(await storedIds()).toEqual([]);
    expect(toasts()).toEqual([
      {
        tone: 'error',
        key: 'attachments.tooLarge',
        params: { name: 'video.mp4', size: '53 MB', limit: '50 MB' },
      },
    ]);
  });

  it('reports a full disk as a storage problem and stores nothing', async () => {
    const { tableId, disk, storedIds } = await connected();
    disk.full = true;

    const added = await addAttachments(tableId, [new File(['a'], 'a.png', { type: 'image/png' })]);

    disk.full = false;
    expect(added).toBeUndefined();
    expect(await storedIds()).toEqual([]);
    expect(noticesStore.getState().storageProblem).toBe('errors.storage.quota');
    expect(toasts()).toEqual([{ tone: 'error', key: 'errors.storage.quota', params: undefined }]);
  });
});

describe('object URLs', () => {
  it('makes one URL per file and thumbnail, serving the stored bytes, and revokes them on release', async () => {
    const { tableId } = await connected();
    const [photo] =
      (await addAttachments(tableId, [new File(['pixels'], 'p.png', { type: 'image/png' })])) ?? [];
    const id = photo?.id ?? '';

    const [first, second] = await Promise.all([attachmentUrl(id), attachmentUrl(id)]);
    const thumb = await attachmentUrl(id, { thumbnail: true });

    expect(first).toMatch(/^blob:/);
    expect(second).toBe(first);
    expect(thumb).not.toBe(first);
    expect(await resolveObjectURL(first ?? '')?.text()).toBe('pixels');
    expect(await resolveObjectURL(thumb ?? '')?.text()).toBe('thumb of 6');

    releaseAttachmentUrls();

    expect(resolveObjectURL(first ?? '')).toBeUndefined();
    expect(resolveObjectURL(thumb ?? '')).toBeUndefined();
    const fresh = await attachmentUrl(id);
    expect(fresh).not.toBe(first);
    expect(await resolveObjectURL(fresh ?? '')?.text()).toBe('pixels');
  });

  it('has no URL for a file that is not stored', async () => {
    await connected();

    expect(await attachmentUrl('missing')).toBeUndefined();
    expect(toasts()).toEqual([]);
  });
});

describe('helpers', () => {
  it('matches files against an accept list like <input accept>', () => {
    const accept = 'image/*, .PDF,text/csv';
    expect(matchesAccept({ name: 'a.jpg', type: 'image/jpeg' }, accept)).toBe(true);
    expect(matchesAccept({ name: 'Scan.pdf', type: '' }, accept)).toBe(true);
    expect(matchesAccept({ name: 'list.csv', type: 'text/csv' }, accept)).toBe(true);
    expect(matchesAccept({ name: 'notes.txt', type: 'text/plain' }, accept)).toBe(false);
    expect(matchesAccept({ name: 'notes.txt', type: 'text/plain' }, undefined)).toBe(true);
    expect(matchesAccept({ name: 'notes.txt', type: 'text/plain' }, ' ')).toBe(true);
  });

  it('makes no thumbnail where the browser cannot decode images (no createImageBitmap)', async () => {
    expect(await imageThumbnail(new Blob(['x'], { type: 'image/png' }))).toBeUndefined();
  });
});
