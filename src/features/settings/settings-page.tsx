// Settings: data (backup, restore, storage).
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui';
import { DataSettings } from './data-settings';

export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <PageHeader title={t('settings.title')} />
      <DataSettings />
    </div>
  );
}
