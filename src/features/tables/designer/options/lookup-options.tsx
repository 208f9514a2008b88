// Lookup and rollup: which link field of this table to follow, and which field of the linked table to read.
// A rollup also says how to summarize (count, sum…) and, optionally, which linked records count (a formula).
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { fieldInfos, ROLLUP_AGGREGATES } from '../../../../engine';
import { formulaCheck } from '../checks';
import type { DesignerEnv, FieldFormValues } from '../field-form';
import { rollupTargetTable } from '../field-form';
import { SelectInput, TextInput } from '../form-bits';
import { PrecisionInput } from './number-options';

function LinkAndTarget({
  env,
  targetOptional,
}: {
  readonly env: DesignerEnv;
  readonly targetOptional: boolean;
}) {
  const { t } = useTranslation();
  const { control } = useFormContext<FieldFormValues>();
  const linkFieldId = useWatch({ control, name: 'linkFieldId' });
  const links = env.table.fields.filter((field) => field.kind === 'link');
  const target = rollupTargetTable(linkFieldId, env);
  return (
    <>
      <SelectInput
        name="linkFieldId"
        label={t('designer.options.linkField')}
        options={links.map((field) => ({ value: field.id, label: field.name }))}
        rules={{ required: t('designer.validation.choose') }}
      />
      {targetOptional ? null : (
        <SelectInput
          name="targetFieldId"
          label={t('designer.options.targetField')}
          options={[
            { value: '', label: t('designer.options.chooseField') },
            ...(target?.fields ?? []).map((field) => ({ value: field.id, label: field.name })),
          ]}
          rules={{
            validate: (value: unknown) =>
              (typeof value === 'string' && target?.fields.some((field) => field.id === value)) ||
              t('designer.validation.choose'),
          }}
        />
      )}
    </>
  );
}

export function LookupOptions({ env }: { readonly env: DesignerEnv }) {
  return <LinkAndTarget env={env} targetOptional={false} />;
}

export function RollupOptions({ env }: { readonly env: DesignerEnv }) {
  const { t } = useTranslation();
  const { control } = useFormContext<FieldFormValues>();
  const aggregate = useWatch({ control, name: 'aggregate' });
  const linkFieldId = useWatch({ control, name: 'linkFieldId' });
  const target = rollupTargetTable(linkFieldId, env);
  return (
    <>
      <SelectInput
        name="aggregate"
        label={t('designer.options.aggregate')}
        options={ROLLUP_AGGREGATES.map((value) => ({ value, label: t(`designer.aggregates.${value}`) }))}
      />
      <LinkAndTarget env={env} targetOptional={aggregate === 'count'} />
      <TextInput
        name="filter"
        code
        label={t('designer.options.filter')}
        hint={t('designer.options.filterHint')}
        rules={{
          validate: (value: unknown) => formulaCheck(target ? fieldInfos(target) : [], t, true)(value),
        }}
      />
      <PrecisionInput />
    </>
  );
}
