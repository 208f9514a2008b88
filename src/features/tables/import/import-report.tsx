// The end of an import: how many rows came in, every row left out (or cell left blank) and why, and the same list as
// a CSV file to download.
import { useTranslation } from 'react-i18next';
import { importProblemMessage, importReportCsv, type ImportResult } from '../../../engine/import';
import { UTF8_BOM } from '../../../engine/export';
import { Button } from '../../../ui';
import { downloadBlob } from './download';

/** Problems listed on screen; the downloaded report has all of them. */
const SHOWN_PROBLEMS = 200;

export function ImportReport({ result, fileName }: { result: ImportResult; fileName: string }) {
  const { t } = useTranslation();
  const translate = (key: string, params?: Readonly<Record<string, string | number>>) =>
    params === undefined ? t(key) : t(key, params);
  const shown = result.problems.slice(0, SHOWN_PROBLEMS);
  const download = () => {
    const text = importReportCsv(result.problems, translate);
    const base = fileName.replace(/\.[^.]*$/, '');
    downloadBlob(new Blob([UTF8_BOM, text], { type: 'text/csv;charset=utf-8' }), `${base}-report.csv`);
  };
  return (
    <div className="form-stack" data-testid="import-report">
      <p role="status">
        {t('import.report.summary', { count: result.imported })}{' '}
        {result.skipped > 0 ? t('import.report.skippedCount', { count: result.skipped }) : null}
      </p>
      {result.problems.length > 0 ? (
        <>
          <div style={{ maxHeight: '18rem', overflow: 'auto' }}>
            <table className="list-table">
              <thead>
                <tr>
                  <th>{t('import.report.row')}</th>
                  <th>{t('import.report.column')}</th>
                  <th>{t('import.report.value')}</th>
                  <th>{t('import.report.reason')}</th>
                  <th>{t('import.report.result')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((problem, index) => (
                  <tr key={`${problem.row}-${problem.column}-${index}`}>
                    <td>{problem.row}</td>
                    <td>{problem.column}</td>
                    <td style={{ maxWidth: '10rem', overflow: 'hidden', textOverflow: 'ellipsis' }}>
                      {problem.text}
                    </td>
                    <td>{importProblemMessage(problem, translate)}</td>
                    <td>
                      {t(problem.action === 'skipped' ? 'import.report.skipped' : 'import.report.emptied')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {result.problems.length > shown.length ? (
            <p className="muted">
              {t('import.report.more', { count: result.problems.length - shown.length })}
            </p>
          ) : null}
          <div className="row-gap">
            <Button onClick={download}>{t('import.report.download')}</Button>
          </div>
        </>
      ) : null}
    </div>
  );
}
