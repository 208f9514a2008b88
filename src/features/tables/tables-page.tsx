// The Tables screen of an app: its tables with create, rename, duplicate and delete (to the trash).
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { Button, EmptyState, EntityDialogs, Menu, PageHeader, useEntityDialog } from '../../ui';
import { noticesStore } from '../../stores/notices-store';
import { useWorkspace, workspaceStore } from '../../stores/workspace-store';

export function TablesPage({ appId }: { appId: string }) {
  const { t, i18n } = useTranslation();
  const [, navigate] = useLocation();
  const app = useWorkspace((state) => state.snapshot.apps.find((candidate) => candidate.id === appId));
  const allTables = useWorkspace((state) => state.snapshot.tables);
  // Actions never change: read them once instead of subscribing to the whole state.
  const actions = workspaceStore.getState();
  const { dialog, open, close } = useEntityDialog();
  const tables = allTables.filter((table) => table.appId === appId);
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  if (!app) return null;

  return (
    <div className="page">
      <PageHeader
        title={t('tables.title')}
        subtitle={app.name}
        actions={
          <Button variant="primary" onClick={() => open({ kind: 'create' })}>
            {t('tables.new')}
          </Button>
        }
      />
      {tables.length === 0 ? (
        <EmptyState
          icon="▤"
          title={t('tables.emptyTitle')}
          action={
            <Button variant="primary" onClick={() => open({ kind: 'create' })}>
              {t('tables.new')}
            </Button>
          }
        >
          {t('tables.emptyText')}
        </EmptyState>
      ) : (
        <table className="list-table">
          <thead>
            <tr>
              <th scope="col">{t('common.name')}</th>
              <th scope="col">{t('tables.fields')}</th>
              <th scope="col">{t('common.updated')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tables.map((table) => (
              <tr key={table.id} data-testid="table-row">
                <td>
                  <Link href={`/apps/${appId}/tables/${table.id}`} className="row-link">
                    {table.name}
                  </Link>
                </td>
                <td>{t('tables.fieldCount', { count: table.fields.length })}</td>
                <td>{dateFormat.format(table.updatedAt)}</td>
                <td className="cell-actions">
                  <Menu
                    label={t('common.actionsFor', { name: table.name })}
                    items={[
                      {
                        label: t('common.rename'),
                        onSelect: () => open({ kind: 'rename', id: table.id, name: table.name }),
                      },
                      {
                        label: t('common.duplicate'),
                        onSelect: () => open({ kind: 'duplicate', id: table.id, name: table.name }),
                      },
                      {
                        label: t('common.delete'),
                        danger: true,
                        onSelect: () => open({ kind: 'delete', id: table.id, name: table.name }),
                      },
                    ]}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <EntityDialogs
        dialog={dialog}
        labels={{
          createTitle: t('tables.new'),
          renameTitle: t('tables.rename'),
          duplicateTitle: t('tables.duplicate'),
          deleteTitle: (name) => t('tables.deleteTitle', { name }),
          deleteText: t('tables.deleteText'),
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
          void actions.createTable(appId, name, t('tables.defaultViewName')).then((id) => {
            if (id) navigate(`/apps/${appId}/tables/${id}`);
          });
        }}
        onRename={(id, name) => void actions.renameTable(id, name)}
        onDuplicate={(id, name) => {
          void actions.duplicateTable(id, name).then((copyId) => {
            if (copyId) noticesStore.getState().toast('success', 'tables.duplicated', { name });
          });
        }}
        onDelete={(id, name) => {
          void actions
            .trashTable(id)
            .then(() => noticesStore.getState().toast('info', 'trash.moved', { name }));
        }}
      />
    </div>
  );
}
