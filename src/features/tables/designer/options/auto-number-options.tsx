// Auto-number (流水号): prefix + the creation day's date part + a zero-padded sequence, with a live example.
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { AutoNumberField } from '../../../../engine';
import { formatAutoNumber } from '../../../../engine';
import { intCheck } from '../checks';
import type { DesignerEnv, FieldFormValues } from '../field-form';
import { CheckboxInput, SelectInput, TextInput } from '../form-bits';

const DATE_FORMATS = ['none', 'yyyy', 'yyyyMM', 'yyyyMMdd'] as const;

/** The number the seventh record created today would get. */
function example(
  values: Pick<FieldFormValues, 'prefix' | 'dateFormat' | 'digits'>,
  timeZone: string,
): string {
  const digits = Number(values.digits);
  const field: AutoNumberField = {
    id: 'example',
    name: 'example',
    kind: 'autoNumber',
    prefix: values.prefix,
    dateFormat: values.dateFormat,
    digits: Number.isInteger(digits) && digits >= 1 && digits <= 10 ? digits : 4,
  };
  return formatAutoNumber(field, 7, Date.now(), timeZone);
}

export function AutoNumberOptions({ env }: { readonly env: DesignerEnv }) {
  const { t } = useTranslation();
  const { control } = useFormContext<FieldFormValues>();
  const [prefix, dateFormat, digits] = useWatch({ control, name: ['prefix', 'dateFormat', 'digits'] });
  return (
    <>
      <TextInput
        name="prefix"
        label={t('designer.options.prefix')}
        placeholder="KH-"
        rules={{ maxLength: { value: 20, message: t('designer.validation.tooLong', { max: 20 }) } }}
      />
      <SelectInput
        name="dateFormat"
        label={t('designer.options.dateFormat')}
        options={DATE_FORMATS.map((value) => ({ value, label: t(`designer.dateFormats.${value}`) }))}
      />
      <TextInput
        name="digits"
        type="number"
        min={1}
        max={10}
        label={t('designer.options.digits')}
        rules={{ validate: intCheck(1, 10, t) }}
      />
      {dateFormat === 'none' ? null : (
        <CheckboxInput name="resetWithDate" label={t('designer.options.resetWithDate')} />
      )}
      <p className="designer-result" aria-live="polite">
        {t('designer.options.example', { example: example({ prefix, dateFormat, digits }, env.timeZone) })}
      </p>
    </>
  );
}
