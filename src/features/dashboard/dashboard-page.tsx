// The retention dashboard of an app: retention rate, churn, CLTV, repeat rate, purchase frequency, NPS.
import { useTranslation } from 'react-i18next';
import { EmptyState, PageHeader } from '../../ui';

export function DashboardPage() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <PageHeader title={t('nav.dashboard')} />
      <EmptyState icon="◔" title={t('dashboard.emptyTitle')}>
        {t('dashboard.emptyText')}
      </EmptyState>
    </div>
  );
}
