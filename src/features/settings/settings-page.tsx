// Settings: people (whom person fields name, who uses this device) and data (backup, restore, storage).
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui';
import { DataSettings } from './data-settings';
import { PeopleSettings } from './people-settings';

export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <PageHeader title={t('settings.title')} />
      <PeopleSettings />
      <DataSettings />
    </div>
  );
}
