// The app frame: navigation, app-wide banners and toasts, and the routes of every screen.
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Redirect, Route, Switch } from 'wouter';
import { AppsHome } from '../features/apps/apps-home';
import { AutomationsPage } from '../features/automations/automations-page';
import { DashboardPage } from '../features/dashboard/dashboard-page';
import { FormsPage } from '../features/forms/forms-page';
import { Sidebar } from '../features/navigation/sidebar';
import { FirstRun } from '../features/onboarding/first-run';
import { RemindersPage } from '../features/reminders/reminders-page';
import { SettingsPage } from '../features/settings/settings-page';
import { TablesPage } from '../features/tables/tables-page';
import { TrashPage } from '../features/trash/trash-page';
import { useNotices } from '../stores/notices-store';
import { useWorkspace } from '../stores/workspace-store';
import { Banner, Button, EmptyState, Toasts } from '../ui';
import { LANGUAGES, setLanguage } from './i18n';
import { reloadIntoUpdate } from './pwa';

// The table screen (grid, designer, import) is the heaviest part of the app: it loads when a table is first opened,
// so the first paint of every other screen does not wait for it. The service worker precaches it for offline use.
const TablePage = lazy(async () => ({ default: (await import('../features/tables/table-page')).TablePage }));

function AppBanners() {
  const { t } = useTranslation();
  const stale = useNotices((state) => state.staleDatabase);
  const storageProblem = useNotices((state) => state.storageProblem);
  const updateAvailable = useNotices((state) => state.updateAvailable);
  const setStorageProblem = useNotices((state) => state.setStorageProblem);
  const setUpdateAvailable = useNotices((state) => state.setUpdateAvailable);
  const reload = () => window.location.reload();
  return (
    <>
      {stale ? (
        <Banner tone="error" actions={<Button onClick={reload}>{t('common.reload')}</Button>}>
          {t('banners.stale')}
        </Banner>
      ) : null}
      {storageProblem ? (
        <Banner
          tone="error"
          actions={<Button onClick={() => setStorageProblem(undefined)}>{t('common.dismiss')}</Button>}
        >
          {t(storageProblem)}
        </Banner>
      ) : null}
      {updateAvailable ? (
        <Banner
          tone="info"
          actions={
            <>
              <Button variant="quiet" onClick={() => setUpdateAvailable(false)}>
                {t('common.later')}
              </Button>
              <Button variant="primary" onClick={reloadIntoUpdate}>
                {t('common.reload')}
              </Button>
            </>
          }
        >
          {t('banners.update')}
        </Banner>
      ) : null}
    </>
  );
}

function AppToasts() {
  const { t } = useTranslation();
  const toasts = useNotices((state) => state.toasts);
  const dismiss = useNotices((state) => state.dismiss);
  return (
    <Toasts
      items={toasts.map((toast) => ({
        id: toast.id,
        tone: toast.tone,
        text: t(toast.key, toast.params ?? {}),
      }))}
      dismissLabel={t('common.dismiss')}
      onDismiss={dismiss}
    />
  );
}

function Routes() {
  const { t } = useTranslation();
  const apps = useWorkspace((state) => state.snapshot.apps);
  const appExists = (appId: string) => apps.some((app) => app.id === appId);
  const missingApp = <EmptyState icon="?" title={t('apps.notFound')} />;
  return (
    <Switch>
      <Route path="/">
        <AppsHome />
      </Route>
      <Route path="/trash">
        <TrashPage />
      </Route>
      <Route path="/settings">
        <SettingsPage />
      </Route>
      <Route path="/apps/:appId">{({ appId }) => <Redirect to={`/apps/${appId}/tables`} replace />}</Route>
      <Route path="/apps/:appId/tables">
        {({ appId }) => (appExists(appId) ? <TablesPage appId={appId} /> : missingApp)}
      </Route>
      <Route path="/apps/:appId/tables/:tableId">
        {({ appId, tableId }) =>
          appExists(appId) ? (
            <Suspense fallback={<div className="splash">{t('common.loading')}</div>}>
              <TablePage appId={appId} tableId={tableId} />
            </Suspense>
          ) : (
            missingApp
          )
        }
      </Route>
      <Route path="/apps/:appId/forms">
        {({ appId }) => (appExists(appId) ? <FormsPage /> : missingApp)}
      </Route>
      <Route path="/apps/:appId/automations">
        {({ appId }) => (appExists(appId) ? <AutomationsPage /> : missingApp)}
      </Route>
      <Route path="/apps/:appId/reminders">
        {({ appId }) => (appExists(appId) ? <RemindersPage /> : missingApp)}
      </Route>
      <Route path="/apps/:appId/dashboard">
        {({ appId }) => (appExists(appId) ? <DashboardPage /> : missingApp)}
      </Route>
      <Route>
        <EmptyState icon="?" title={t('common.notFound')} />
      </Route>
    </Switch>
  );
}

export function App() {
  const { t } = useTranslation();
  const status = useWorkspace((state) => state.status);
  const failure = useWorkspace((state) => state.failure);
  const onboarded = useWorkspace((state) => state.snapshot.workspace?.onboarded ?? false);

  if (status === 'loading') {
    return (
      <div className="splash" aria-busy="true">
        {t('common.loading')}
      </div>
    );
  }
  if (status === 'failed') {
    return (
      <div className="splash">
        <AppBanners />
        <EmptyState icon="!" title={t('errors.loadFailed')}>
          {t(failure ?? 'errors.storage.unknown', { detail: '' })}
        </EmptyState>
      </div>
    );
  }
  return (
    <div className="shell">
      {onboarded ? <Sidebar languages={LANGUAGES} onLanguage={setLanguage} /> : null}
      <main className="main">
        <AppBanners />
        {onboarded ? <Routes /> : <FirstRun languages={LANGUAGES} onLanguage={setLanguage} />}
      </main>
      <AppToasts />
    </div>
  );
}
