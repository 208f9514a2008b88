// Forms of an app (feedback, NPS/CSAT surveys, intake). The designer arrives with the forms issue.
import { useTranslation } from 'react-i18next';
import { EmptyState, PageHeader } from '../../ui';

export function FormsPage() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <PageHeader title={t('nav.forms')} />
      <EmptyState icon="✎" title={t('forms.emptyTitle')}>
        {t('forms.emptyText')}
      </EmptyState>
    </div>
  );
}
