// The first-run screen: start with an empty workspace, or from a template (a JSON template document).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import {
  Button,
  FileButton,
  LanguageSelect,
  ProblemList,
  type LanguageOption,
  type ProblemListItem,
} from '../../ui';
import { noticesStore } from '../../stores/notices-store';
import { useWorkspace, type Problem } from '../../stores/workspace-store';

export function FirstRun({
  languages,
  onLanguage,
}: {
  languages: readonly LanguageOption[];
  onLanguage: (code: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [, navigate] = useLocation();
  const startEmpty = useWorkspace((state) => state.startEmpty);
  const installTemplate = useWorkspace((state) => state.installTemplate);
  const restoreWorkspace = useWorkspace((state) => state.restoreWorkspace);
  const [mode, setMode] = useState<'choose' | 'template'>('choose');
  const [problems, setProblems] = useState<readonly ProblemListItem[]>([]);

  const showProblems = (found: readonly Problem[]) =>
    setProblems(
      found.map((problem) => ({
        path: problem.path,
        message: t(`problems.${problem.code}`, problem.params),
      })),
    );

  const onTemplate = async (text: string) => {
    const result = await installTemplate(text);
    if (!result) return;
    if (result.ok) {
      noticesStore.getState().toast('success', 'onboarding.installed');
      const [firstApp] = result.value;
      navigate(firstApp ? `/apps/${firstApp}/tables` : '/');
    } else {
      showProblems(result.error);
    }
  };

  const onBackup = async (text: string) => {
    const result = await restoreWorkspace(text);
    if (!result) return;
    if (result.ok) {
      noticesStore
        .getState()
        .toast('success', 'settings.restored', { apps: result.value.apps, records: result.value.records });
      navigate('/');
    } else {
      showProblems(result.error);
    }
  };

  return (
    <div className="first-run">
      <div className="first-run-card">
        <LanguageSelect
          className="first-run-language"
          languages={languages}
          value={i18n.language}
          label={t('nav.language')}
          onChange={onLanguage}
        />
        <div className="brand-mark brand-mark-large" aria-hidden="true">
          留
        </div>
        <h1>{t('onboarding.title')}</h1>
        <p className="muted">{t('onboarding.subtitle')}</p>
        {mode === 'choose' ? (
          <div className="choice-grid">
            <button
              type="button"
              className="choice"
              onClick={() => {
                void startEmpty().then(() => navigate('/'));
              }}
            >
              <span className="choice-title">{t('onboarding.startEmpty')}</span>
              <span className="choice-text">{t('onboarding.startEmptyText')}</span>
            </button>
            <button type="button" className="choice" onClick={() => setMode('template')}>
              <span className="choice-title">{t('onboarding.startTemplate')}</span>
              <span className="choice-text">{t('onboarding.startTemplateText')}</span>
            </button>
            <div className="first-run-backup">
              <span className="muted">{t('onboarding.haveBackup')}</span>
              <FileButton
                variant="quiet"
                label={t('onboarding.restoreBackup')}
                accept="application/json,.json"
                testId="first-run-restore-file"
                onText={(text) => void onBackup(text)}
                onError={() => noticesStore.getState().toast('error', 'settings.readFailed')}
              />
            </div>
            {problems.length > 0 ? (
              <ProblemList title={t('settings.restoreProblems')} items={problems} />
            ) : null}
          </div>
        ) : (
          <div className="form-stack">
            <p>{t('onboarding.templatesSoon')}</p>
            <div className="row-gap">
              <FileButton
                variant="primary"
                label={t('onboarding.installFile')}
                accept="application/json,.json"
                testId="template-file"
                onText={(text) => void onTemplate(text)}
                onError={() => noticesStore.getState().toast('error', 'settings.readFailed')}
              />
              <Button
                variant="quiet"
                onClick={() => {
                  setProblems([]);
                  setMode('choose');
                }}
              >
                {t('common.back')}
              </Button>
            </div>
            {problems.length > 0 ? (
              <ProblemList title={t('onboarding.templateProblems')} items={problems} />
            ) : null}
          </div>
        )}
      </div>
    </div>
  );
}
