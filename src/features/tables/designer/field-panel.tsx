// The properties of the selected field: name, description, required, unique, default value, kind and the kind's own
// options. Save writes the whole field through the table store (one undoable edit); a kind change goes through the
// conversion preview first. The caller keys this component by the stored field, so a saved change starts it afresh.
import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Field, FieldKind } from '../../../engine';
import {
  changeFieldKind,
  COMPUTED_FIELD_KINDS,
  FIELD_KIND_GROUPS,
  FIELD_KINDS,
  FormulaError,
} from '../../../engine';
import { useTableStore } from '../../../stores/table-store';
import { Button } from '../../../ui';
import { formulaErrorMessage, nameCheck } from './checks';
import { DefaultValueEditor } from './default-value-editor';
import type { DesignerEnv, FieldFormValues } from './field-form';
import { buildField, toFormValues } from './field-form';
import { CheckboxInput, TextInput } from './form-bits';
import type { PendingKindChange } from './kind-change-dialog';
import { KindChangeDialog, useKindChange } from './kind-change-dialog';
import { useDesignerNames } from './kind-names';
import { KindOptions } from './options/kind-options';
import { targetsFor } from './targets';

export interface FieldPanelProps {
  readonly field: Field;
  readonly env: DesignerEnv;
  /** Focus the name input on mount (a field just added). */
  readonly autoFocusName: boolean;
  readonly onDelete: (field: Field) => void;
  /** After a successful save (the stored field changes, so this panel is about to start afresh). */
  readonly onSaved: () => void;
}

const UNIQUE_KINDS: ReadonlySet<FieldKind> = new Set([
  'text',
  'number',
  'email',
  'phone',
  'url',
  'autoNumber',
]);

export function FieldPanel({ field, env, autoFocusName, onDelete, onSaved }: FieldPanelProps) {
  const { t } = useTranslation();
  const names = useDesignerNames();
  const saveField = useTableStore((state) => state.saveField);
  const form = useForm<FieldFormValues>({ defaultValues: toFormValues(field, env), mode: 'onChange' });
  const { handleSubmit, setError, formState } = form;
  const kindChange = useKindChange(env.table.id);
  const [pending, setPending] = useState<PendingKindChange | undefined>();
  const [saving, setSaving] = useState(false);
  const otherNames = env.table.fields.filter((other) => other.id !== field.id).map((other) => other.name);

  const onSubmit = handleSubmit(async (values) => {
    let next: Field;
    try {
      next = buildField(field, values, env);
    } catch (error) {
      // The checks next to the inputs compile the same texts; this catches what only the whole field reveals.
      if (error instanceof FormulaError) {
        setError('formula', { message: formulaErrorMessage(error, t) }, { shouldFocus: true });
        return;
      }
      throw error;
    }
    setSaving(true);
    try {
      if (await saveField(env.table.id, next)) onSaved();
    } finally {
      setSaving(false);
    }
  });

  const changeKind = async (kind: FieldKind) => {
    const choice = targetsFor(kind, env);
    if (!choice.ok || kind === field.kind) return;
    const to = changeFieldKind(field, kind, choice.params);
    const started = await kindChange.start(field, to);
    if (started.saved) onSaved();
    setPending(started.pending);
  };

  return (
    <FormProvider {...form}>
      <form
        className="designer-panel-form form-stack"
        data-testid="field-panel"
        aria-label={t('designer.panel.label', { name: field.name })}
        noValidate
        onSubmit={(event) => void onSubmit(event)}
      >
        <TextInput
          name="name"
          label={t('designer.panel.name')}
          autoFocus={autoFocusName}
          rules={{ validate: nameCheck(otherNames, t) }}
        />
        <label className="field-label">
          {t('designer.panel.kind')}
          <select
            className="text-input"
            value={field.kind}
            disabled={kindChange.busy}
            onChange={(event) => {
              const kind = FIELD_KINDS.find((candidate) => candidate === event.target.value);
              if (kind) void changeKind(kind);
            }}
          >
            {FIELD_KIND_GROUPS.map((group) => (
              <optgroup key={group.id} label={names.group(group.id)}>
                {group.kinds.map((kind) => (
                  <option key={kind} value={kind} disabled={!targetsFor(kind, env).ok}>
                    {names.kind(kind)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <TextInput name="description" multiline label={t('designer.panel.description')} />
        {COMPUTED_FIELD_KINDS.includes(field.kind) ? null : (
          <CheckboxInput name="required" label={t('designer.panel.required')} />
        )}
        {UNIQUE_KINDS.has(field.kind) ? (
          <CheckboxInput name="unique" label={t('designer.panel.unique')} />
        ) : null}
        <KindOptions field={field} env={env} />
        <DefaultValueEditor field={field} env={env} />
        <div className="designer-panel-actions">
          <Button type="submit" variant="primary" disabled={saving}>
            {t('designer.panel.save')}
          </Button>
          <Button variant="danger" onClick={() => onDelete(field)}>
            {t('designer.panel.delete')}
          </Button>
        </div>
      </form>
      <KindChangeDialog
        tableId={env.table.id}
        pending={pending}
        discardsEdits={formState.isDirty}
        timeZone={env.timeZone}
        onDone={(saved) => {
          setPending(undefined);
          if (saved) onSaved();
        }}
      />
    </FormProvider>
  );
}
