// The Apps screen: every app of the workspace as a card, with create, rename, duplicate and delete (to the trash).
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { Button, ConfirmDialog, EmptyState, Menu, NameDialog, PageHeader, useEntityDialog } from '../../ui';
import { noticesStore } from '../../stores/notices-store';
import { useWorkspace, type AppRow } from '../../stores/workspace-store';

export function AppsHome() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const apps = useWorkspace((state) => state.snapshot.apps);
  const tables = useWorkspace((state) => state.snapshot.tables);
  const actions = useWorkspace((state) => state);
  const { dialog, open, close } = useEntityDialog();

  const tableCount = (app: AppRow) => tables.filter((table) => table.appId === app.id).length;
  const nameLabels = {
    field: t('common.name'),
    cancel: t('common.cancel'),
    required: t('validation.nameRequired'),
    tooLong: t('validation.nameTooLong'),
  };

  return (
    <div className="page">
      <PageHeader
        title={t('apps.title')}
        subtitle={t('apps.subtitle')}
        actions={
          <Button variant="primary" onClick={() => open({ kind: 'create' })}>
            {t('apps.new')}
          </Button>
        }
      />
      {apps.length === 0 ? (
        <EmptyState
          icon="▦"
          title={t('apps.emptyTitle')}
          action={
            <Button variant="primary" onClick={() => open({ kind: 'create' })}>
              {t('apps.new')}
            </Button>
          }
        >
          {t('apps.emptyText')}
        </EmptyState>
      ) : (
        <ul className="card-grid" aria-label={t('apps.title')}>
          {apps.map((app) => (
            <li key={app.id} className="card" data-testid="app-card">
              <button type="button" className="card-main" onClick={() => navigate(`/apps/${app.id}/tables`)}>
                <span className="card-icon" aria-hidden="true">
                  {app.icon ?? app.name.slice(0, 1).toUpperCase()}
                </span>
                <span className="card-title">{app.name}</span>
                <span className="card-meta">{t('apps.tableCount', { count: tableCount(app) })}</span>
              </button>
              <Menu
                label={t('common.actionsFor', { name: app.name })}
                items={[
                  {
                    label: t('common.rename'),
                    onSelect: () => open({ kind: 'rename', id: app.id, name: app.name }),
                  },
                  {
                    label: t('common.duplicate'),
                    onSelect: () => open({ kind: 'duplicate', id: app.id, name: app.name }),
                  },
                  {
                    label: t('common.delete'),
                    danger: true,
                    onSelect: () => open({ kind: 'delete', id: app.id, name: app.name }),
                  },
                ]}
              />
            </li>
          ))}
        </ul>
      )}

      <NameDialog
        open={dialog.kind === 'create'}
        initialName=""
        labels={{ ...nameLabels, title: t('apps.new'), submit: t('common.create') }}
        onCancel={close}
        onSubmit={(name) => {
          close();
          void actions.createApp(name).then((id) => {
            if (id) navigate(`/apps/${id}/tables`);
          });
        }}
      />
      <NameDialog
        open={dialog.kind === 'rename'}
        initialName={dialog.kind === 'rename' ? dialog.name : ''}
        labels={{ ...nameLabels, title: t('apps.rename'), submit: t('common.save') }}
        onCancel={close}
        onSubmit={(name) => {
          if (dialog.kind === 'rename') void actions.renameApp(dialog.id, name);
          close();
        }}
      />
      <NameDialog
        open={dialog.kind === 'duplicate'}
        initialName={dialog.kind === 'duplicate' ? t('common.copyOf', { name: dialog.name }) : ''}
        labels={{ ...nameLabels, title: t('apps.duplicate'), submit: t('common.duplicate') }}
        onCancel={close}
        onSubmit={(name) => {
          if (dialog.kind === 'duplicate') {
            void actions.duplicateApp(dialog.id, name).then((id) => {
              if (id) noticesStore.getState().toast('success', 'apps.duplicated', { name });
            });
          }
          close();
        }}
      />
      <ConfirmDialog
        open={dialog.kind === 'delete'}
        title={t('apps.deleteTitle', { name: dialog.kind === 'delete' ? dialog.name : '' })}
        confirmLabel={t('common.moveToTrash')}
        cancelLabel={t('common.cancel')}
        danger
        onCancel={close}
        onConfirm={() => {
          if (dialog.kind === 'delete') {
            const name = dialog.name;
            void actions
              .trashApp(dialog.id)
              .then(() => noticesStore.getState().toast('info', 'trash.moved', { name }));
          }
          close();
        }}
      >
        <p>{t('apps.deleteText')}</p>
      </ConfirmDialog>
    </div>
  );
}
