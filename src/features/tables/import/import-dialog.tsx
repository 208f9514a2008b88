// Importing a CSV or Excel file into a table: choose the file → preview and map columns → import with progress and
// cancel → report. The steps follow the import store's state; nothing is stored before the last step succeeds.
import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Table } from '../../../engine';
import {
  importableFields,
  mappingIssues,
  useImportStore,
  type ImportActions,
  type ImportState,
} from '../../../stores/import-store';
import { Button, Dialog } from '../../../ui';
import { ImportReport } from './import-report';
import { MappingTable } from './mapping-table';

export interface ImportDialogProps {
  readonly table: Table;
  readonly open: boolean;
  readonly onClose: () => void;
}

const ACCEPT = '.csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function ImportDialog({ table, open, onClose }: ImportDialogProps) {
  const { t } = useTranslation();
  const state = useImportStore((current) => current);
  const inputRef = useRef<HTMLInputElement>(null);

  const close = () => {
    // Closing while importing cancels: the store aborts the job, and nothing is stored.
    state.reset();
    onClose();
  };

  const chooseFile = (
    <>
      <Button
        variant={state.status === 'idle' ? 'primary' : 'secondary'}
        onClick={() => inputRef.current?.click()}
      >
        {t(state.status === 'idle' ? 'import.chooseFile' : 'import.chooseOtherFile')}
      </Button>
      <input
        ref={inputRef}
        type="file"
        accept={ACCEPT}
        hidden
        data-testid="import-file"
        onChange={(event) => {
          const input = event.currentTarget;
          const file = input.files?.[0];
          input.value = '';
          if (file) void state.chooseFile(table, file);
        }}
      />
    </>
  );

  return (
    <Dialog
      open={open}
      wide
      title={t('import.title', { table: table.name })}
      onClose={close}
      footer={<Footer state={state} close={close} chooseFile={chooseFile} />}
    >
      <Body state={state} table={table} />
    </Dialog>
  );
}

function Body({ state, table }: { state: ImportState & ImportActions; table: Table }) {
  const { t } = useTranslation();
  switch (state.status) {
    case 'idle':
      return <p>{t('import.intro')}</p>;
    case 'previewing':
      return <p role="status">{t('import.reading', { file: state.fileName })}</p>;
    case 'mapping': {
      const issues = mappingIssues(state);
      return (
        <div className="form-stack">
          <p>
            {t(state.preview.rowCountExact ? 'import.rowCount' : 'import.rowCountAbout', {
              count: state.preview.rowCount,
              file: state.fileName,
            })}
          </p>
          <PreviewTable headers={state.preview.headers} rows={state.preview.rows} />
          <MappingTable
            preview={state.preview}
            targets={state.targets}
            fields={importableFields(table)}
            onTarget={state.setTarget}
            onKind={state.setNewKind}
          />
          <fieldset className="form-stack" style={{ border: 0, padding: 0, margin: 0 }}>
            <legend className="field-label">{t('import.badValues.label')}</legend>
            <label>
              <input
                type="radio"
                name="import-bad-values"
                checked={state.onBadValue === 'skipRow'}
                onChange={() => state.setOnBadValue('skipRow')}
              />{' '}
              {t('import.badValues.skipRow')}
            </label>
            <label>
              <input
                type="radio"
                name="import-bad-values"
                checked={state.onBadValue === 'empty'}
                onChange={() => state.setOnBadValue('empty')}
              />{' '}
              {t('import.badValues.empty')}
            </label>
          </fieldset>
          {issues.map((key) => (
            <p key={key} className="field-error" role="alert">
              {t(key)}
            </p>
          ))}
        </div>
      );
    }
    case 'importing': {
      const { phase, done, total } = state.progress;
      const share = phase === 'writing' ? 1 : total > 0 ? done / total : 0;
      return (
        <div className="form-stack">
          <p role="status">
            {state.cancelling
              ? t('import.cancelling')
              : t(`import.phase.${phase}`, { done: done.toLocaleString(), total: total.toLocaleString() })}
          </p>
          <div
            className="meter"
            role="progressbar"
            aria-label={t('import.progress')}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(share * 100)}
          >
            <div className="meter-fill" style={{ width: `${Math.round(share * 100)}%` }} />
          </div>
        </div>
      );
    }
    case 'done':
      return <ImportReport result={state.result} fileName={state.fileName} />;
    case 'failed':
      return (
        <p className="field-error" role="alert">
          {t(state.messageKey, { ...state.messageParams })}
        </p>
      );
    case 'cancelled':
      return <p role="status">{t('import.cancelled')}</p>;
  }
}

function Footer({
  state,
  close,
  chooseFile,
}: {
  state: ImportState & ImportActions;
  close: () => void;
  chooseFile: ReactNode;
}) {
  const { t } = useTranslation();
  switch (state.status) {
    case 'importing':
      return (
        <Button variant="danger" onClick={state.cancel} disabled={state.cancelling}>
          {t('common.cancel')}
        </Button>
      );
    case 'done':
      return (
        <Button variant="primary" onClick={close}>
          {t('import.close')}
        </Button>
      );
    case 'mapping':
      return (
        <>
          <Button onClick={close}>{t('common.cancel')}</Button>
          {chooseFile}
          <Button
            variant="primary"
            disabled={mappingIssues(state).length > 0}
            onClick={() => void state.start()}
          >
            {t('import.start')}
          </Button>
        </>
      );
    case 'failed':
    case 'cancelled':
      return (
        <>
          <Button onClick={close}>{t('import.close')}</Button>
          {chooseFile}
          {(state.status === 'cancelled' || state.draft) && (
            <Button variant="primary" onClick={state.backToMapping}>
              {t('import.backToMapping')}
            </Button>
          )}
        </>
      );
    default:
      return (
        <>
          <Button onClick={close}>{t('common.cancel')}</Button>
          {chooseFile}
        </>
      );
  }
}

function PreviewTable({
  headers,
  rows,
}: {
  headers: readonly string[];
  rows: readonly (readonly string[])[];
}) {
  const { t } = useTranslation();
  return (
    <div style={{ maxHeight: '14rem', overflow: 'auto' }} aria-label={t('import.previewLabel')} role="region">
      <table className="list-table" data-testid="import-preview">
        <thead>
          <tr>
            {headers.map((header, column) => (
              <th key={column}>{header}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index}>
              {headers.map((_header, column) => (
                <td
                  key={column}
                  style={{
                    maxWidth: '12rem',
                    overflow: 'hidden',
                    textOverflow: 'ellipsis',
                    whiteSpace: 'nowrap',
                  }}
                >
                  {row[column] ?? ''}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
