// What an attachment cell shows: up to three small previews (image thumbnails, or a chip with the file's extension)
// and "+N" for the rest. The grid is virtualized, so a cell mounts only when it scrolls into view: that is when its
// thumbnails' object URLs are read, one Blob per file, shared with every other view of the same file.
import { useEffect, useState } from 'react';
import type { Attachment } from '../../../engine';
import { attachmentUrl } from '../../../stores/attachment-store';
import './attachments.css';

/** Previews shown in a cell; the rest are counted. */
const SHOWN = 3;

/** The attachments in a stored value, skipping anything malformed (a value written by an older or foreign build). */
export function attachmentsOf(value: unknown): Attachment[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is Attachment =>
      typeof item === 'object' &&
      item !== null &&
      typeof (item as Attachment).id === 'string' &&
      typeof (item as Attachment).name === 'string' &&
      typeof (item as Attachment).type === 'string' &&
      typeof (item as Attachment).size === 'number',
  );
}

/** Image types that get a thumbnail when added (see attachment-store). */
export function hasThumbnail(attachment: Attachment): boolean {
  return attachment.type.startsWith('image/') && attachment.type !== 'image/svg+xml';
}

/** A short label for a file without a preview: its extension ("PDF"), else the MIME subtype, else "FILE". */
export function fileLabel(attachment: Attachment): string {
  const dot = attachment.name.lastIndexOf('.');
  const extension = dot > 0 ? attachment.name.slice(dot + 1) : '';
  const subtype = attachment.type.split('/')[1] ?? '';
  const label = extension !== '' && extension.length <= 5 ? extension : subtype.split(/[.+-]/)[0];
  return (label || 'file').toUpperCase().slice(0, 5);
}

/** The object URL of a stored file or its thumbnail, once read; undefined while loading, when missing or not wanted. */
export function useAttachmentUrl(id: string, thumbnail: boolean, wanted = true): string | undefined {
  const [loaded, setLoaded] = useState<{ readonly key: string; readonly url: string | undefined }>();
  const key = `${id}/${thumbnail ? 'thumb' : 'file'}`;
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    void attachmentUrl(id, { thumbnail }).then((url) => {
      if (live) setLoaded({ key, url });
    });
    return () => {
      live = false;
    };
  }, [id, thumbnail, wanted, key]);
  // A cell reused for another record must not show the previous file while the new one loads.
  return loaded?.key === key ? loaded.url : undefined;
}

/** One preview: the thumbnail when the file has one (and it loaded), else the file-type chip. */
export function AttachmentPreview({ attachment, size }: { attachment: Attachment; size: 'cell' | 'list' }) {
  const thumbnail = hasThumbnail(attachment);
  const url = useAttachmentUrl(attachment.id, true, thumbnail);
  const className = `attachment-preview attachment-preview-${size}`;
  if (thumbnail && url)
    return (
      <img className={className} src={url} alt={attachment.name} title={attachment.name} draggable={false} />
    );
  return (
    <span className={`${className} attachment-file`} title={attachment.name} aria-label={attachment.name}>
      {fileLabel(attachment)}
    </span>
  );
}

export function AttachmentThumbs({ value }: { value: readonly Attachment[] }) {
  if (value.length === 0) return null;
  const rest = value.length - SHOWN;
  return (
    <span className="attachment-thumbs">
      {value.slice(0, SHOWN).map((attachment) => (
        <AttachmentPreview key={attachment.id} attachment={attachment} size="cell" />
      ))}
      {rest > 0 ? <span className="attachment-more">+{rest}</span> : null}
    </span>
  );
}
