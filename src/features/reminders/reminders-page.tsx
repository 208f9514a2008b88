// The reminders inbox: care reminders created by automations.
import { useTranslation } from 'react-i18next';
import { EmptyState, PageHeader } from '../../ui';

export function RemindersPage() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <PageHeader title={t('nav.reminders')} />
      <EmptyState icon="🔔" title={t('reminders.emptyTitle')}>
        {t('reminders.emptyText')}
      </EmptyState>
    </div>
  );
}
