// The default value of a new record's cell: none, a fixed value, "now" (today for a date), the current user, or a
// formula over the record's other fields; only what the field's kind can hold is offered.
import { useController, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Field } from '../../../engine';
import { defaultValueTypes, parseCellText } from '../../../engine';
import { asText, formulaCheck } from './checks';
import type { DesignerEnv, FieldFormValues } from './field-form';
import { draftForDefault, otherFieldInfos } from './field-form';
import { SelectInput, TextInput } from './form-bits';

export function DefaultValueEditor({ field, env }: { readonly field: Field; readonly env: DesignerEnv }) {
  const { t } = useTranslation();
  const { control, register } = useFormContext<FieldFormValues>();
  const [type, options] = useWatch({ control, name: ['defaultType', 'options'] });
  const {
    field: { value: chosenIds, onChange: setChosenIds },
  } = useController({ control, name: 'defaultOptionIds' });
  const types = defaultValueTypes(field.kind);
  if (types.length === 0) return null;

  const typeLabel = (value: string) =>
    value === 'now' && field.kind === 'date' ? t('designer.default.today') : t(`designer.default.${value}`);

  return (
    <fieldset className="designer-fieldset">
      <legend>{t('designer.default.label')}</legend>
      <SelectInput
        name="defaultType"
        label={t('designer.default.type')}
        options={['none', ...types].map((value) => ({
          value: value === 'none' ? '' : value,
          label: typeLabel(value),
        }))}
      />
      {type === 'fixed' && field.kind === 'checkbox' ? (
        <SelectInput
          name="defaultText"
          label={t('designer.default.value')}
          options={[
            { value: 'false', label: t('designer.default.unchecked') },
            { value: 'true', label: t('designer.default.checked') },
          ]}
        />
      ) : null}
      {type === 'fixed' && field.kind === 'singleSelect' ? (
        <label className="field-label">
          {t('designer.default.value')}
          <select
            className="text-input"
            value={chosenIds[0] ?? ''}
            onChange={(event) => setChosenIds(event.target.value ? [event.target.value] : [])}
          >
            <option value="">{t('designer.default.noOption')}</option>
            {options.map((option) => (
              <option key={option.optionId} value={option.optionId}>
                {option.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {type === 'fixed' && field.kind === 'multiSelect' ? (
        <fieldset className="designer-fieldset">
          <legend>{t('designer.default.value')}</legend>
          {options.map((option) => (
            <label key={option.optionId} className="designer-check">
              <input type="checkbox" value={option.optionId} {...register('defaultOptionIds')} />
              {option.name}
            </label>
          ))}
        </fieldset>
      ) : null}
      {type === 'fixed' &&
      field.kind !== 'checkbox' &&
      field.kind !== 'singleSelect' &&
      field.kind !== 'multiSelect' ? (
        <TextInput
          name="defaultText"
          multiline={field.kind === 'longText'}
          label={t('designer.default.value')}
          rules={{
            validate: (value: unknown, values: FieldFormValues) => {
              const parsed = parseCellText(draftForDefault(field, values), asText(value), {
                timeZone: env.timeZone,
              });
              return parsed.ok || t(`cellProblems.${parsed.problem.code}`, { ...parsed.problem.params });
            },
          }}
        />
      ) : null}
      {type === 'formula' ? (
        <TextInput
          name="defaultFormula"
          code
          label={t('designer.default.formulaText')}
          hint={t('designer.default.formulaHint')}
          rules={{
            validate: (value: unknown) => formulaCheck(otherFieldInfos(env.table, field.id), t, true)(value),
          }}
        />
      ) : null}
    </fieldset>
  );
}
