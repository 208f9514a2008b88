// Link: which table of the same app it points to, and whether a record links to one or several records there.
import { useController, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { DesignerEnv, FieldFormValues } from '../field-form';
import { SelectInput } from '../form-bits';

export function LinkOptions({ env }: { readonly env: DesignerEnv }) {
  const { t } = useTranslation();
  const { control } = useFormContext<FieldFormValues>();
  const { field: multiple } = useController({ control, name: 'multiple' });
  return (
    <>
      <SelectInput
        name="targetTableId"
        label={t('designer.options.targetTable')}
        options={env.appTables.map((table) => ({ value: table.id, label: table.name }))}
        rules={{ required: t('designer.validation.choose') }}
      />
      <fieldset className="designer-fieldset">
        <legend>{t('designer.options.linkCount')}</legend>
        <label className="designer-check">
          <input
            type="radio"
            name={multiple.name}
            checked={!multiple.value}
            onChange={() => multiple.onChange(false)}
          />
          {t('designer.options.linkOne')}
        </label>
        <label className="designer-check">
          <input
            type="radio"
            name={multiple.name}
            checked={multiple.value}
            onChange={() => multiple.onChange(true)}
          />
          {t('designer.options.linkMany')}
        </label>
      </fieldset>
      <p className="muted designer-hint">{t('designer.options.linkBothSides')}</p>
    </>
  );
}
