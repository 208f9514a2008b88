// Settings → Data: export the workspace as one JSON file, restore it all-or-nothing, see storage used and available,
// and ask the browser to keep the data (persistent storage).
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../shared/bytes';
import { Button, ConfirmDialog, FileButton, ProblemList, type ProblemListItem } from '../../ui';
import { noticesStore } from '../../stores/notices-store';
import { storageInfo, type StorageEstimateInfo } from '../../stores/storage-info';
import { useWorkspace } from '../../stores/workspace-store';

function exportFileName(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `liucun-workspace-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}

function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function DataSettings() {
  const { t, i18n } = useTranslation();
  const exportWorkspace = useWorkspace((state) => state.exportWorkspace);
  const restoreWorkspace = useWorkspace((state) => state.restoreWorkspace);
  const [estimate, setEstimate] = useState<StorageEstimateInfo | undefined>();
  const [pending, setPending] = useState<{ text: string; fileName: string } | undefined>();
  const [problems, setProblems] = useState<readonly ProblemListItem[]>([]);
  const [busy, setBusy] = useState(false);

  const refreshEstimate = useCallback(() => {
    void storageInfo.estimate().then(setEstimate, () => setEstimate(undefined));
  }, []);
  useEffect(refreshEstimate, [refreshEstimate]);

  const onExport = async () => {
    setBusy(true);
    const document = await exportWorkspace();
    setBusy(false);
    if (!document) return;
    download(JSON.stringify(document, null, 2), exportFileName(new Date()));
    noticesStore.getState().toast('success', 'settings.exported');
  };

  const onRestore = async (text: string) => {
    setBusy(true);
    const result = await restoreWorkspace(text);
    setBusy(false);
    refreshEstimate();
    if (!result) return;
    if (result.ok) {
      setProblems([]);
      noticesStore
        .getState()
        .toast('success', 'settings.restored', { apps: result.value.apps, records: result.value.records });
    } else {
      setProblems(
        result.error.map((problem) => ({
          path: problem.path,
          message: t(`problems.${problem.code}`, problem.params),
        })),
      );
      noticesStore.getState().toast('error', 'settings.restoreFailed');
    }
  };

  const onPersist = async () => {
    const granted = await storageInfo.requestPersistence();
    noticesStore
      .getState()
      .toast(granted ? 'success' : 'info', granted ? 'settings.persistGranted' : 'settings.persistDenied');
    refreshEstimate();
  };

  const percent = estimate && estimate.quota > 0 ? Math.min(100, (estimate.usage / estimate.quota) * 100) : 0;

  return (
    <section className="settings-section" aria-labelledby="data-settings-title">
      <h2 id="data-settings-title">{t('settings.data')}</h2>

      <div className="settings-row">
        <div>
          <h3>{t('settings.exportTitle')}</h3>
          <p className="muted">{t('settings.exportText')}</p>
        </div>
        <Button variant="primary" disabled={busy} onClick={() => void onExport()}>
          {t('settings.export')}
        </Button>
      </div>

      <div className="settings-row">
        <div>
          <h3>{t('settings.restoreTitle')}</h3>
          <p className="muted">{t('settings.restoreText')}</p>
        </div>
        <FileButton
          label={t('settings.restore')}
          accept="application/json,.json"
          testId="restore-file"
          onText={(text, fileName) => setPending({ text, fileName })}
          onError={() => noticesStore.getState().toast('error', 'settings.readFailed')}
        />
      </div>
      {problems.length > 0 ? (
        <ProblemList
          title={t('settings.restoreProblems')}
          items={problems}
          moreLabel={t('settings.moreProblems', { count: problems.length - 20 })}
        />
      ) : null}

      <div className="settings-row">
        <div>
          <h3>{t('settings.storageTitle')}</h3>
          {estimate ? (
            <>
              <p className="muted" data-testid="storage-usage">
                {t('settings.storageUsage', {
                  used: formatBytes(estimate.usage, i18n.language),
                  quota: formatBytes(estimate.quota, i18n.language),
                  percent: percent.toFixed(percent < 1 ? 2 : 0),
                })}
              </p>
              <div
                className="meter"
                role="meter"
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={Math.round(percent)}
                aria-label={t('settings.storageTitle')}
              >
                <div className="meter-fill" style={{ width: `${Math.max(percent, 0.5)}%` }} />
              </div>
              <p className="muted">
                {estimate.persisted ? t('settings.persisted') : t('settings.notPersisted')}
              </p>
            </>
          ) : (
            <p className="muted">{t('settings.storageUnknown')}</p>
          )}
        </div>
        {estimate && !estimate.persisted ? (
          <Button onClick={() => void onPersist()}>{t('settings.persist')}</Button>
        ) : null}
      </div>

      <ConfirmDialog
        open={pending !== undefined}
        title={t('settings.restoreConfirmTitle')}
        confirmLabel={t('settings.restoreConfirm')}
        cancelLabel={t('common.cancel')}
        danger
        onCancel={() => setPending(undefined)}
        onConfirm={() => {
          if (pending) void onRestore(pending.text);
          setPending(undefined);
        }}
      >
        <p>{t('settings.restoreConfirmText', { file: pending?.fileName ?? '' })}</p>
      </ConfirmDialog>
    </section>
  );
}
