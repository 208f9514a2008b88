// The Apps screen: every app of the workspace as a card, with create, rename, duplicate and delete (to the trash).
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { Button, EmptyState, EntityDialogs, Menu, PageHeader, useEntityDialog } from '../../ui';
import { noticesStore } from '../../stores/notices-store';
import { useWorkspace, workspaceStore, type AppRow } from '../../stores/workspace-store';

export function AppsHome() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const apps = useWorkspace((state) => state.snapshot.apps);
  const tables = useWorkspace((state) => state.snapshot.tables);
  // Actions never change: read them once instead of subscribing to the whole state.
  const actions = workspaceStore.getState();
  const { dialog, open, close } = useEntityDialog();

  const tableCount = (app: AppRow) => tables.filter((table) => table.appId === app.id).length;

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

      <EntityDialogs
        dialog={dialog}
        labels={{
          createTitle: t('apps.new'),
          renameTitle: t('apps.rename'),
          duplicateTitle: t('apps.duplicate'),
          deleteTitle: (name) => t('apps.deleteTitle', { name }),
          deleteText: t('apps.deleteText'),
          copyOf: (name) => t('common.copyOf', { name }),
          name: t('common.name'),
          create: t('common.create'),
          save: t('common.save'),
          duplicate: t('common.duplicate'),
          moveToTrash: t('common.moveToTrash'),
          cancel: t('common.cancel'),
          nameRequired: t('validation.nameRequired'),
          nameTooLong: t('validation.nameTooLong'),
        }}
        onClose={close}
        onCreate={(name) => {
          void actions.createApp(name).then((id) => {
            if (id) navigate(`/apps/${id}/tables`);
          });
        }}
        onRename={(id, name) => void actions.renameApp(id, name)}
        onDuplicate={(id, name) => {
          void actions.duplicateApp(id, name).then((copyId) => {
            if (copyId) noticesStore.getState().toast('success', 'apps.duplicated', { name });
          });
        }}
        onDelete={(id, name) => {
          void actions
            .trashApp(id)
            .then(() => noticesStore.getState().toast('info', 'trash.moved', { name }));
        }}
      />
    </div>
  );
}
