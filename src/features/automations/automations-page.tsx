// Automations of an app (trigger → condition → actions). The builder arrives with the automations issue.
import { useTranslation } from 'react-i18next';
import { EmptyState, PageHeader } from '../../ui';

export function AutomationsPage() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <PageHeader title={t('nav.automations')} />
      <EmptyState icon="⚡" title={t('automations.emptyTitle')}>
        {t('automations.emptyText')}
      </EmptyState>
    </div>
  );
}
