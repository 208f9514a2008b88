// The trash: deleted apps and tables wait here until they are restored or deleted for good.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ConfirmDialog, EmptyState, PageHeader } from '../../ui';
import { noticesStore } from '../../stores/notices-store';
import { useWorkspace, workspaceStore, type TrashEntry } from '../../stores/workspace-store';

export function TrashPage() {
  const { t, i18n } = useTranslation();
  const trash = useWorkspace((state) => state.snapshot.trash);
  // Actions never change: read them once instead of subscribing to the whole state.
  const actions = workspaceStore.getState();
  const [purging, setPurging] = useState<TrashEntry | 'all' | undefined>();
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  const restore = (entry: TrashEntry) => {
    const done = entry.kind === 'app' ? actions.restoreApp(entry.id) : actions.restoreTable(entry.id);
    void done.then(() => noticesStore.getState().toast('success', 'trash.restored', { name: entry.name }));
  };

  return (
    <div className="page">
      <PageHeader
        title={t('trash.title')}
        subtitle={t('trash.subtitle')}
        actions={
          trash.length > 0 ? (
            <Button variant="danger" onClick={() => setPurging('all')}>
              {t('trash.empty')}
            </Button>
          ) : null
        }
      />
      {trash.length === 0 ? (
        <EmptyState icon="🗑" title={t('trash.emptyTitle')}>
          {t('trash.emptyText')}
        </EmptyState>
      ) : (
        <table className="list-table">
          <thead>
            <tr>
              <th scope="col">{t('common.name')}</th>
              <th scope="col">{t('trash.kind')}</th>
              <th scope="col">{t('trash.deletedAt')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {trash.map((entry) => (
              <tr key={entry.id} data-testid="trash-row">
                <td>{entry.name}</td>
                <td>
                  {entry.kind === 'app'
                    ? t('trash.kindApp')
                    : t('trash.kindTable', { app: entry.appName ?? '' })}
                </td>
                <td>{dateFormat.format(entry.deletedAt)}</td>
                <td className="cell-actions">
                  <Button size="small" onClick={() => restore(entry)}>
                    {t('trash.restore')}
                  </Button>
                  <Button size="small" variant="quiet" onClick={() => setPurging(entry)}>
                    {t('trash.deleteForever')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ConfirmDialog
        open={purging !== undefined}
        title={
          purging === 'all'
            ? t('trash.emptyConfirmTitle')
            : t('trash.deleteForeverTitle', { name: purging?.name ?? '' })
        }
        confirmLabel={t('trash.deleteForever')}
        cancelLabel={t('common.cancel')}
        danger
        onCancel={() => setPurging(undefined)}
        onConfirm={() => {
          if (purging === 'all') void actions.emptyTrash();
          else if (purging?.kind === 'app') void actions.purgeApp(purging.id);
          else if (purging) void actions.purgeTable(purging.id);
          setPurging(undefined);
        }}
      >
        <p>{t('trash.deleteForeverText')}</p>
      </ConfirmDialog>
    </div>
  );
}
