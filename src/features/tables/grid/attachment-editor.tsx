// The editor of one attachment cell: a dialog listing the files (preview, name, size, open/download, remove), with
// "Add files" and drag-and-drop. Every change reports the whole new list; the caller writes it as one undoable edit.
// Removing a file only drops it from the list: its bytes stay stored, so undo can bring it back.
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment, AttachmentField } from '../../../engine';
import { formatBytes } from '../../../shared/bytes';
import {
  addAttachments,
  attachmentRefusal,
  MAX_ATTACHMENT_BYTES,
  type AttachmentRefusal,
} from '../../../stores/attachment-store';
import { Button, Dialog } from '../../../ui';
import { AttachmentPreview, useAttachmentUrl } from './attachment-thumbs';
import './attachments.css';

export interface AttachmentEditorProps {
  readonly tableId: string;
  readonly field: AttachmentField;
  readonly value: readonly Attachment[] | null;
  readonly onChange: (next: Attachment[]) => void;
  readonly onClose: () => void;
}

/**
 * Types a browser shows inertly in a tab of its own. Anything else (HTML, SVG, XML…) is offered as a download only:
 * an object URL opened as a page runs with this app's origin, so a crafted file could read the workspace.
 */
function opensSafely(type: string): boolean {
  return (
    /^image\/(png|jpeg|gif|webp|avif|bmp)$/.test(type) ||
    /^(audio|video)\//.test(type) ||
    type === 'application/pdf' ||
    type === 'text/plain'
  );
}

/** A list's identity for matching a reported list with the value that comes back: its ids in order. */
function listKey(list: readonly Attachment[]): string {
  return list.map((attachment) => attachment.id).join('\n');
}

function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer.types).includes('Files');
}

function AttachmentRow({ attachment, onRemove }: { attachment: Attachment; onRemove: () => void }) {
  const { t, i18n } = useTranslation();
  const url = useAttachmentUrl(attachment.id, false);
  return (
    <li className="attachment-row">
      <AttachmentPreview attachment={attachment} size="list" />
      <span className="attachment-row-text">
        <span className="attachment-name" title={attachment.name}>
          {attachment.name}
        </span>
        <span className="attachment-size muted">{formatBytes(attachment.size, i18n.language)}</span>
      </span>
      <span className="attachment-row-actions">
        {url && opensSafely(attachment.type) ? (
          <a
            className="btn btn-quiet btn-small"
            href={url}
            target="_blank"
            rel="noopener noreferrer"
            aria-label={t('attachments.openFile', { name: attachment.name })}
          >
            {t('attachments.open')}
          </a>
        ) : null}
        {url ? (
          <a
            className="btn btn-quiet btn-small"
            href={url}
            download={attachment.name}
            aria-label={t('attachments.downloadFile', { name: attachment.name })}
          >
            {t('attachments.download')}
          </a>
        ) : null}
        <Button
          variant="quiet"
          size="small"
          aria-label={t('attachments.remove', { name: attachment.name })}
          onClick={onRemove}
        >
          ✕
        </Button>
      </span>
    </li>
  );
}

export function AttachmentEditor({ tableId, field, value, onChange, onClose }: AttachmentEditorProps) {
  const { t, i18n } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const zoneRef = useRef<HTMLDivElement>(null);
  // The list as this editor last saw or made it. The caller's write lands a moment after onChange, so a second
  // change before then must build on this, not on the `value` prop (which would drop the first change).
  const [items, setItems] = useState<readonly Attachment[]>(value ?? []);
  const latest = useRef<readonly Attachment[]>(items);
  // Lists reported but not yet seen back as `value`, oldest first (as keys of their ids).
  const [pending, setPending] = useState<readonly string[]>([]);
  const [shownValue, setShownValue] = useState(value);
  if (value !== shownValue) {
    setShownValue(value);
    const at = pending.indexOf(listKey(value ?? []));
    if (at >= 0) {
      // One of this editor's own writes landed: later ones are still coming, so the list shown stays ahead.
      setPending(pending.slice(at + 1));
    } else {
      // A change from elsewhere (undo, another view): it is the truth now.
      setPending([]);
      setItems(value ?? []);
    }
  }
  const [busy, setBusy] = useState(false);
  const [refusals, setRefusals] = useState<readonly AttachmentRefusal[]>([]);
  const [dragging, setDragging] = useState(false);
  // In step with the list shown when a new value from the record replaced it above.
  useEffect(() => {
    latest.current = items;
  }, [items]);

  // The dialog focuses its first control on opening, which would be a file's remove button: one stray Enter would
  // drop a file. Start on "Add files" instead (this runs after the dialog's own opening effect).
  useEffect(() => {
    zoneRef.current?.closest('dialog')?.querySelector<HTMLButtonElement>('[data-attachment-add]')?.focus();
  }, []);

  const commit = (next: Attachment[]) => {
    latest.current = next;
    setItems(next);
    setPending((current) => [...current, listKey(next)]);
    onChange(next);
  };

  const add = async (files: readonly File[]) => {
    if (files.length === 0) return;
    const refused: AttachmentRefusal[] = [];
    const accepted: File[] = [];
    for (const file of files) {
      const refusal = attachmentRefusal(file, field.accept);
      if (refusal) refused.push(refusal);
      else accepted.push(file);
    }
    setRefusals(refused);
    if (accepted.length === 0) return;
    setBusy(true);
    try {
      const added = await addAttachments(tableId, accepted);
      // Undefined: nothing was stored and the store already told the user why.
      if (added) commit([...latest.current, ...added]);
    } finally {
      setBusy(false);
    }
  };

  const remove = (id: string) => {
    commit(latest.current.filter((attachment) => attachment.id !== id));
  };

  const refusalText = (refusal: AttachmentRefusal): string =>
    refusal.code === 'attachments.tooLarge'
      ? t('attachments.tooLarge', {
          name: refusal.name,
          size: formatBytes(refusal.size, i18n.language),
          limit: formatBytes(MAX_ATTACHMENT_BYTES, i18n.language),
        })
      : t('attachments.notAccepted', { name: refusal.name, accept: field.accept ?? '' });

  return (
    <Dialog
      open
      wide
      title={t('attachments.title', { field: field.name })}
      onClose={onClose}
      footer={
        <>
          <Button onClick={() => inputRef.current?.click()} disabled={busy} data-attachment-add="">
            {t('attachments.add')}
          </Button>
          <Button variant="primary" onClick={onClose}>
            {t('attachments.done')}
          </Button>
        </>
      }
    >
      <div
        ref={zoneRef}
        className={dragging ? 'attachment-drop attachment-drop-active' : 'attachment-drop'}
        data-testid="attachment-drop"
        onDragEnter={(event) => {
          if (!hasFiles(event)) return;
          event.preventDefault();
          setDragging(true);
        }}
        onDragOver={(event) => {
          if (!hasFiles(event)) return;
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
        }}
        onDragLeave={(event) => {
          // Leaving for a child of the zone is not leaving the zone.
          if (event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))
            return;
          setDragging(false);
        }}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          void add(Array.from(event.dataTransfer.files));
        }}
      >
        {items.length === 0 ? (
          <p className="muted attachment-empty">{t('attachments.empty')}</p>
        ) : (
          <ul className="attachment-list" aria-label={t('attachments.list', { count: items.length })}>
            {items.map((attachment) => (
              <AttachmentRow
                key={attachment.id}
                attachment={attachment}
                onRemove={() => remove(attachment.id)}
              />
            ))}
          </ul>
        )}
        <p className="muted attachment-hint">
          {busy
            ? t('attachments.adding')
            : field.accept
              ? t('attachments.dropHintAccept', { accept: field.accept })
              : t('attachments.dropHint')}
        </p>
        {refusals.length > 0 ? (
          <ul className="attachment-refusals" role="alert">
            {refusals.map((refusal, at) => (
              <li key={at}>{refusalText(refusal)}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <input
        ref={inputRef}
        type="file"
        multiple
        hidden
        accept={field.accept}
        data-testid="attachment-input"
        onChange={(event) => {
          const input = event.currentTarget;
          const files = Array.from(input.files ?? []);
          // Cleared so choosing the same file again still reports a change.
          input.value = '';
          void add(files);
        }}
      />
    </Dialog>
  );
}
