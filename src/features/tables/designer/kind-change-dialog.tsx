// Changing a field's kind converts its stored values. Before that happens the person sees what it would do: how many
// values convert, how many stay as they are, and which cannot be converted (they are cleared in the field, and the
// undo history keeps them). Nothing is dropped without this confirmation.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversionPreview, Field } from '../../../engine';
import { cellText } from '../../../engine';
import { useTableStore } from '../../../stores/table-store';
import { ConfirmDialog } from '../../../ui';
import { useDesignerNames } from './kind-names';

/** At most this many failing values are listed; the count says how many there are. */
export const LISTED_FAILURES = 20;

export interface PendingKindChange {
  readonly from: Field;
  readonly to: Field;
  readonly preview: ConversionPreview;
}

/** Whether converting changes or loses any stored value; when not, the change needs no confirmation. */
export function changesValues(preview: ConversionPreview): boolean {
  return preview.converted > 0 || preview.failedCount > 0 || preview.newOptions.length > 0;
}

/** What starting a kind change did: saved it at once (no value changes), or left it pending for the dialog. */
export interface KindChangeStart {
  readonly saved: boolean;
  readonly pending: PendingKindChange | undefined;
}

/**
 * Starts a kind change: previews it, then saves at once when no value would change, or returns the pending change
 * for the dialog to confirm. Neither when the preview or save failed (the store has told the person why).
 */
export function useKindChange(tableId: string) {
  const previewKindChange = useTableStore((state) => state.previewKindChange);
  const saveField = useTableStore((state) => state.saveField);
  const [busy, setBusy] = useState(false);
  const start = async (from: Field, to: Field): Promise<KindChangeStart> => {
    setBusy(true);
    try {
      const preview = await previewKindChange(tableId, from, to);
      if (!preview) return { saved: false, pending: undefined };
      if (changesValues(preview)) return { saved: false, pending: { from, to, preview } };
      return { saved: await saveField(tableId, to), pending: undefined };
    } finally {
      setBusy(false);
    }
  };
  return { start, busy };
}

export interface KindChangeDialogProps {
  readonly tableId: string;
  readonly pending: PendingKindChange | undefined;
  /** Unsaved edits in the panel are discarded by the change: say so. */
  readonly discardsEdits: boolean;
  /** The zone values are shown in. */
  readonly timeZone: string;
  readonly onDone: (saved: boolean) => void;
}

export function KindChangeDialog({
  tableId,
  pending,
  discardsEdits,
  timeZone,
  onDone,
}: KindChangeDialogProps) {
  const { t } = useTranslation();
  const names = useDesignerNames();
  const saveField = useTableStore((state) => state.saveField);
  const [saving, setSaving] = useState(false);
  if (!pending) return null;
  const { from, to, preview } = pending;
  const listed = preview.failed.slice(0, LISTED_FAILURES);

  return (
    <ConfirmDialog
      open
      title={t('designer.kindChange.title', { name: from.name, kind: names.kind(to.kind) })}
      confirmLabel={t('designer.kindChange.confirm')}
      cancelLabel={t('common.cancel')}
      danger={preview.failedCount > 0}
      onCancel={() => onDone(false)}
      onConfirm={() => {
        if (saving) return;
        setSaving(true);
        void saveField(tableId, to).then((saved) => {
          setSaving(false);
          onDone(saved);
        });
      }}
    >
      <ul className="designer-summary" data-testid="kind-change-summary">
        <li>{t('designer.kindChange.converted', { count: preview.converted })}</li>
        <li>{t('designer.kindChange.unchanged', { count: preview.unchanged })}</li>
        <li className={preview.failedCount > 0 ? 'designer-summary-failed' : undefined}>
          {t('designer.kindChange.failed', { count: preview.failedCount })}
        </li>
      </ul>
      {preview.newOptions.length > 0 ? (
        <p>
          {t('designer.kindChange.newOptions', {
            names: preview.newOptions.map((option) => option.name).join(', '),
          })}
        </p>
      ) : null}
      {listed.length > 0 ? (
        <table className="list-table designer-failures">
          <caption>{t('designer.kindChange.failures')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('designer.kindChange.value')}</th>
              <th scope="col">{t('designer.kindChange.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {listed.map((failure) => (
              <tr key={failure.recordId}>
                <td>{cellText(from, failure.value, { timeZone })}</td>
                <td>{t(`cellProblems.${failure.problem.code}`, { ...failure.problem.params })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {preview.failedCount > listed.length ? (
        <p>{t('designer.kindChange.more', { count: preview.failedCount - listed.length })}</p>
      ) : null}
      {discardsEdits ? <p>{t('designer.kindChange.discardsEdits')}</p> : null}
    </ConfirmDialog>
  );
}
