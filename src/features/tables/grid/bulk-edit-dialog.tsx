// Bulk edit (Jiandaoyun's 批量修改): set one field of the selected records to a value, to the result of a formula
// computed per record, or clear it — one undoable change.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  COMPUTED_FIELD_KINDS,
  compileFormula,
  fieldInfos,
  FormulaError,
  localizeFormulaError,
  parseCellText,
  toStoredValue,
  type JsonValue,
  type Table,
} from '../../../engine';
import { tableStore } from '../../../stores/table-store';
import { Button, Dialog } from '../../../ui';

type Mode = 'value' | 'formula' | 'clear';

/** The instant TODAY()/NOW() read in a bulk formula: when the user applies it. */
function clock(): number {
  return Date.now();
}

export interface BulkEditDialogProps {
  readonly table: Table;
  readonly recordIds: readonly string[];
  readonly timeZone: string;
  readonly onClose: () => void;
}

export function BulkEditDialog({ table, recordIds, timeZone, onClose }: BulkEditDialogProps) {
  const { t } = useTranslation();
  const editable = table.fields.filter(
    (field) =>
      !COMPUTED_FIELD_KINDS.includes(field.kind) && field.kind !== 'link' && field.kind !== 'attachment',
  );
  const [fieldId, setFieldId] = useState(editable[0]?.id ?? '');
  const [mode, setMode] = useState<Mode>('value');
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const field = editable.find((candidate) => candidate.id === fieldId);

  const apply = async () => {
    if (!field) return;
    setProblem(undefined);
    let valueFor: (values: Readonly<Record<string, unknown>>) => JsonValue;
    if (mode === 'clear') valueFor = () => null;
    else if (mode === 'value') {
      const parsed = parseCellText(field, text, { timeZone, createOptions: false });
      if (!parsed.ok) {
        setProblem(t(`cellProblems.${parsed.problem.code}`, { ...parsed.problem.params }));
        return;
      }
      valueFor = () => parsed.value as JsonValue;
    } else {
      let evaluate: (values: Readonly<Record<string, unknown>>) => unknown;
      try {
        const now = clock();
        evaluate = compileFormula(text, fieldInfos(table), { now: () => now, timeZone }).evaluate;
      } catch (error) {
        if (!(error instanceof FormulaError)) throw error;
        setProblem(localizeFormulaError(error, (key, params) => t(key, params)));
        return;
      }
      valueFor = (values) => toStoredValue(evaluate(values));
    }
    setBusy(true);
    const records = await tableStore.getState().getRecords(table.id, recordIds);
    const changes = records.flatMap((record) =>
      record ? [{ id: record.id, values: { [field.id]: valueFor(record.values) } }] : [],
    );
    await tableStore.getState().updateRecords(table.id, changes, {
      label: 'history.bulkEdit',
      params: { count: changes.length, name: field.name },
    });
    setBusy(false);
    onClose();
  };

  return (
    <Dialog
      open
      title={t('bulkEdit.title', { count: recordIds.length })}
      onClose={onClose}
      footer={
        <>
          <Button variant="quiet" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button variant="primary" disabled={busy || !field} onClick={() => void apply()}>
            {t('bulkEdit.apply')}
          </Button>
        </>
      }
    >
      <div className="form-stack">
        <label className="field-label">
          {t('bulkEdit.field')}
          <select className="text-input" value={fieldId} onChange={(event) => setFieldId(event.target.value)}>
            {editable.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="row-gap">
          <legend className="field-label">{t('bulkEdit.mode')}</legend>
          {(['value', 'formula', 'clear'] as const).map((option) => (
            <label key={option}>
              <input
                type="radio"
                name="bulk-mode"
                checked={mode === option}
                onChange={() => setMode(option)}
              />{' '}
              {t(`bulkEdit.modes.${option}`)}
            </label>
          ))}
        </fieldset>
        {mode !== 'clear' ? (
          <label className="field-label">
            {mode === 'value' ? t('bulkEdit.value') : t('bulkEdit.formula')}
            <input
              className="text-input"
              value={text}
              aria-invalid={problem !== undefined}
              placeholder={mode === 'formula' ? '{Total spend} * 1.1' : ''}
              onChange={(event) => setText(event.target.value)}
            />
          </label>
        ) : null}
        {problem ? (
          <p className="field-error" role="alert">
            {problem}
          </p>
        ) : null}
      </div>
    </Dialog>
  );
}
