// Attachments for screens: adding files (with image thumbnails made here, in the page, since storage has no canvas)
// and object URLs to show or download stored files. The actions live in a vanilla store so tests can swap them
// (attachmentStore.setState), as with the table store; features call the plain functions below.
import { createStore } from 'zustand/vanilla';
import type { Attachment } from '../engine';
import { formatBytes } from '../shared/bytes';
import {
  AttachmentError,
  assertAttachmentSize,
  MAX_ATTACHMENT_BYTES,
  type BlobsRepository,
  type NewAttachmentFile,
} from '../storage/blobs';
import { noticesStore } from './notices-store';
import { reportStorageError } from './report-error';

export { MAX_ATTACHMENT_BYTES } from '../storage/blobs';

/** Longest side of a thumbnail, in CSS pixels: sharp in a 40 px cell preview at 2× and in the editor's list. */
export const THUMBNAIL_SIZE = 160;

/** Image types a browser can decode into a bitmap. SVG is left out: createImageBitmap refuses SVG blobs. */
function isRasterImage(type: string): boolean {
  return type.startsWith('image/') && type !== 'image/svg+xml';
}

/**
 * A JPEG of at most THUMBNAIL_SIZE px a side, or undefined when the browser cannot decode the image (HEIC on most
 * browsers, a corrupt file): the file is then stored without a preview rather than refused.
 */
export async function imageThumbnail(blob: Blob, size: number = THUMBNAIL_SIZE): Promise<Blob | undefined> {
  if (typeof createImageBitmap !== 'function') return undefined;
  let bitmap: ImageBitmap | undefined;
  try {
    bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' });
    const scale = Math.min(1, size / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const draw = (
      context: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D,
      image: ImageBitmap,
    ) => {
      // JPEG has no transparency: transparent pixels of a PNG would turn black without a white ground.
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, width, height);
      context.imageSmoothingQuality = 'high';
      context.drawImage(image, 0, 0, width, height);
    };
    if (typeof OffscreenCanvas === 'function') {
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext('2d');
      if (!context) return undefined;
      draw(context, bitmap);
      return await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 });
    }
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) return undefined;
    draw(context, bitmap);
    return await new Promise<Blob | undefined>((resolve) =>
      canvas.toBlob((made) => resolve(made ?? undefined), 'image/jpeg', 0.8),
    );
  } catch {
    return undefined;
  } finally {
    bitmap?.close();
  }
}

/** Whether a file is one the field's `accept` list (as in <input accept>) admits; no list admits everything. */
export function matchesAccept(
  file: { readonly name: string; readonly type: string },
  accept?: string,
): boolean {
  const tokens = (accept ?? '')
    .split(',')
    .map((token) => token.trim().toLowerCase())
    .filter((token) => token !== '');
  if (tokens.length === 0) return true;
  const name = file.name.toLowerCase();
  const type = file.type.toLowerCase();
  return tokens.some((token) => {
    if (token.startsWith('.')) return name.endsWith(token);
    if (token.endsWith('/*')) return type.startsWith(token.slice(0, -1));
    return type === token;
  });
}

/** Why a file cannot be attached: a catalog key with its parameters (sizes as bytes). */
export interface AttachmentRefusal {
  readonly code: 'attachments.tooLarge' | 'attachments.notAccepted';
  readonly name: string;
  readonly size: number;
}

/**
 * The reason `file` would be refused, checked before any work: over the size limit, or not in `accept` (a file
 * dropped on the editor skips the picker's filter). Undefined when it can be attached.
 */
export function attachmentRefusal(
  file: { readonly name: string; readonly type: string; readonly size: number },
  accept?: string,
): AttachmentRefusal | undefined {
  if (file.size > MAX_ATTACHMENT_BYTES)
    return { code: 'attachments.tooLarge', name: file.name, size: file.size };
  if (!matchesAccept(file, accept))
    return { code: 'attachments.notAccepted', name: file.name, size: file.size };
  return undefined;
}

export interface AttachmentActions {
  /**
   * Stores `files` for table `tableId` (images with a thumbnail) in one transaction and returns their descriptors,
   * in order, to be written into the record. Undefined when nothing was stored; the user was told why.
   */
  readonly addAttachments: (tableId: string, files: readonly File[]) => Promise<Attachment[] | undefined>;
  /**
   * An object URL of a stored file (or of its thumbnail), made once per file and kept until
   * releaseAttachmentUrls(). Undefined when there is no such file or thumbnail.
   */
  readonly attachmentUrl: (
    id: string,
    options?: { readonly thumbnail?: boolean },
  ) => Promise<string | undefined>;
  /** Revokes every object URL handed out (leaving a table): their Blobs can then be let go. */
  readonly releaseAttachmentUrls: () => void;
}

interface Connection {
  readonly blobs: BlobsRepository;
  readonly makeThumbnail: (blob: Blob) => Promise<Blob | undefined>;
  readonly locale: () => string;
}

let connection: Connection | undefined;

function requireConnection(): Connection {
  if (!connection) throw new Error('The attachment store is not connected (call connectAttachmentStore).');
  return connection;
}

/** Tells the user why adding or reading files failed: a refused file by name and size, a storage failure by kind. */
function report(error: unknown): void {
  const notices = noticesStore.getState();
  if (error instanceof AttachmentError) {
    const locale = connection?.locale() ?? 'en';
    notices.toast('error', error.code, {
      name: error.params.name,
      size: formatBytes(error.params.size, locale),
      limit: formatBytes(error.params.limit, locale),
    });
    return;
  }
  reportStorageError(error);
}

/** Object URLs by file id (+ '/thumb'); a promise, so two cells asking at once read the Blob once. */
const urls = new Map<string, Promise<string | undefined>>();
/** Every URL made since the last release, to revoke (including ones made after a release while in flight). */
let made: string[] = [];

async function storeFiles(tableId: string, files: readonly File[]): Promise<Attachment[] | undefined> {
  try {
    const { blobs, makeThumbnail } = requireConnection();
    // Refuse an oversized file before spending time on thumbnails; storage checks again before writing.
    for (const file of files) assertAttachmentSize(file);
    const prepared: NewAttachmentFile[] = [];
    // One image at a time: decoding many large photos at once could exhaust a phone's memory.
    for (const file of files) {
      const thumbnail = isRasterImage(file.type) ? await makeThumbnail(file) : undefined;
      prepared.push({ name: file.name, type: file.type, blob: file, thumbnail });
    }
    return await blobs.addFiles(tableId, prepared);
  } catch (error) {
    report(error);
    return undefined;
  }
}

function objectUrl(id: string, options: { readonly thumbnail?: boolean } = {}): Promise<string | undefined> {
  const key = options.thumbnail ? `${id}/thumb` : id;
  const cached = urls.get(key);
  if (cached) return cached;
  const loading = (async () => {
    const { blobs } = requireConnection();
    const blob = options.thumbnail ? await blobs.getThumbnail(id) : await blobs.getBlob(id);
    if (!blob) return undefined;
    const url = URL.createObjectURL(blob);
    made.push(url);
    return url;
  })().catch((error: unknown) => {
    // Not cached: a later look (after the disk or the tab recovered) tries again.
    urls.delete(key);
    report(error);
    return undefined;
  });
  urls.set(key, loading);
  return loading;
}

function revokeUrls(): void {
  for (const url of made) URL.revokeObjectURL(url);
  made = [];
  urls.clear();
}

export const attachmentStore = createStore<AttachmentActions>()(() => ({
  addAttachments: storeFiles,
  attachmentUrl: objectUrl,
  releaseAttachmentUrls: revokeUrls,
}));

export const addAttachments: AttachmentActions['addAttachments'] = (tableId, files) =>
  attachmentStore.getState().addAttachments(tableId, files);

export const attachmentUrl: AttachmentActions['attachmentUrl'] = (id, options) =>
  attachmentStore.getState().attachmentUrl(id, options);

export const releaseAttachmentUrls: AttachmentActions['releaseAttachmentUrls'] = () =>
  attachmentStore.getState().releaseAttachmentUrls();

export interface AttachmentStoreOptions {
  /** Makes an image's thumbnail (tests pass a stub; the default draws on a canvas). */
  readonly makeThumbnail?: (blob: Blob) => Promise<Blob | undefined>;
  /** The UI language, for file sizes in messages (default: the page's `lang`). */
  readonly locale?: () => string;
}

/**
 * Connects the store to storage. Typed by what it needs, `{ blobs }`, so the full Storage passes as soon as it has
 * a blobs repository. Returns a disconnect that also revokes the URLs handed out.
 */
export function connectAttachmentStore(
  connected: { readonly blobs: BlobsRepository },
  options: AttachmentStoreOptions = {},
): () => void {
  connection = {
    blobs: connected.blobs,
    makeThumbnail: options.makeThumbnail ?? ((blob) => imageThumbnail(blob)),
    locale:
      options.locale ??
      (() => (typeof document === 'undefined' ? '' : document.documentElement.lang) || 'en'),
  };
  return () => {
    revokeUrls();
    connection = undefined;
  };
}
