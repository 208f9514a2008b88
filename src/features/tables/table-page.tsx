// One table. The grid and the table designer arrive with the tables issue; until then this shows the table's shape.
import { useTranslation } from 'react-i18next';
import { EmptyState, PageHeader } from '../../ui';
import { useWorkspace } from '../../stores/workspace-store';

export function TablePage({ appId, tableId }: { appId: string; tableId: string }) {
  const { t } = useTranslation();
  const table = useWorkspace((state) =>
    state.snapshot.tables.find((candidate) => candidate.id === tableId && candidate.appId === appId),
  );
  if (!table) {
    return (
      <div className="page">
        <EmptyState icon="?" title={t('tables.notFound')} />
      </div>
    );
  }
  return (
    <div className="page">
      <PageHeader title={table.name} subtitle={t('tables.fieldCount', { count: table.fields.length })} />
      <EmptyState icon="▤" title={t('tables.noFieldsTitle')}>
        {t('tables.noFieldsText')}
      </EmptyState>
    </div>
  );
}
