// The left navigation: Apps, the current app's Tables, Forms, Automations, Reminders and Dashboard, then Trash,
// Settings and the language switcher.
import { useTranslation } from 'react-i18next';
import { Link, useRoute } from 'wouter';
import { useWorkspace } from '../../stores/workspace-store';
import { LanguageSelect, type LanguageOption } from '../../ui';

const APP_SECTIONS = ['tables', 'forms', 'automations', 'reminders', 'dashboard'] as const;

function NavLink({
  href,
  children,
  active,
  testId,
}: {
  href: string;
  children: React.ReactNode;
  active: boolean;
  testId?: string;
}) {
  return (
    <Link
      href={href}
      className={active ? 'nav-link nav-link-active' : 'nav-link'}
      aria-current={active ? 'page' : undefined}
      data-testid={testId}
    >
      {children}
    </Link>
  );
}

export function Sidebar({
  languages,
  onLanguage,
}: {
  languages: readonly LanguageOption[];
  onLanguage: (code: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const apps = useWorkspace((state) => state.snapshot.apps);
  const trashCount = useWorkspace((state) => state.snapshot.trash.length);
  const [inApp, params] = useRoute<{ appId: string; section: string }>('/apps/:appId/:section/*?');
  const [onHome] = useRoute('/');
  const [onTrash] = useRoute('/trash');
  const [onSettings] = useRoute('/settings');
  const currentAppId = inApp ? params.appId : undefined;

  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      <Link href="/" className="brand">
        <span className="brand-mark" aria-hidden="true">
          留
        </span>
        <span className="brand-name">{t('app.name')}</span>
      </Link>
      <div className="nav-group">
        <NavLink href="/" active={onHome} testId="nav-apps">
          {t('nav.apps')}
        </NavLink>
        <ul className="nav-apps">
          {apps.map((app) => (
            <li key={app.id}>
              <NavLink href={`/apps/${app.id}/tables`} active={false}>
                <span className="nav-app-name">{app.name}</span>
              </NavLink>
              {app.id === currentAppId ? (
                <ul className="nav-sections" aria-label={app.name}>
                  {APP_SECTIONS.map((section) => (
                    <li key={section}>
                      <NavLink
                        href={`/apps/${app.id}/${section}`}
                        active={params?.section === section}
                        testId={`nav-${section}`}
                      >
                        {t(`nav.${section}`)}
                      </NavLink>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      </div>
      <div className="nav-footer">
        <NavLink href="/trash" active={onTrash} testId="nav-trash">
          {t('nav.trash')}
          {trashCount > 0 ? <span className="badge">{trashCount}</span> : null}
        </NavLink>
        <NavLink href="/settings" active={onSettings} testId="nav-settings">
          {t('nav.settings')}
        </NavLink>
        <LanguageSelect
          languages={languages}
          value={i18n.language}
          label={t('nav.language')}
          onChange={onLanguage}
        />
      </div>
    </nav>
  );
}
