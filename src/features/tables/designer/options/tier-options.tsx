// Tier: ordered rules "condition → label"; the first whose condition holds gives the tier, else the fallback.
// Conditions are typed as formula text ({Total spend} >= 10000) and stored compiled, as JSON.
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Field } from '../../../../engine';
import { newId } from '../../../../shared/ids';
import { Button } from '../../../../ui';
import { formulaCheck, labelCheck } from '../checks';
import { ColorSelect } from '../color-select';
import type { DesignerEnv, FieldFormValues } from '../field-form';
import { nextColor, otherFieldInfos } from '../field-form';
import { TextInput } from '../form-bits';
import { SortableRow, SortableRows } from '../sortable-rows';

export function TierOptions({ field, env }: { readonly field: Field; readonly env: DesignerEnv }) {
  const { t } = useTranslation();
  const { control, setValue } = useFormContext<FieldFormValues>();
  const { fields: rows, append, remove, move } = useFieldArray({ control, name: 'rules' });
  const current = useWatch({ control, name: 'rules' });
  const fallbackColor = useWatch({ control, name: 'fallbackColor' });
  const labelAt = (index: number) => current[index]?.label.trim() || t('designer.tier.unnamed');
  const ids = rows.map((row) => row.id);
  const conditionCheck = formulaCheck(otherFieldInfos(env.table, field.id), t, false);

  return (
    <>
      <fieldset className="designer-fieldset">
        <legend>{t('designer.tier.rules')}</legend>
        <p className="muted designer-hint">{t('designer.tier.firstMatch')}</p>
        <SortableRows
          ids={ids}
          nameOf={(id) => labelAt(ids.indexOf(id))}
          label={t('designer.tier.rules')}
          onMove={move}
        >
          {rows.map((row, index) => (
            <SortableRow
              key={row.id}
              id={row.id}
              index={index}
              count={rows.length}
              name={labelAt(index)}
              onMove={move}
            >
              <div className="designer-rule">
                <div className="designer-rule-head">
                  <ColorSelect
                    value={current[index]?.color ?? row.color}
                    label={t('designer.tier.color', { name: labelAt(index) })}
                    onChange={(color) => setValue(`rules.${index}.color`, color, { shouldDirty: true })}
                  />
                  <TextInput
                    name={`rules.${index}.label`}
                    label={t('designer.tier.label', { position: index + 1 })}
                    rules={{ validate: (value: unknown) => labelCheck(t)(value) }}
                    className="designer-grow"
                  />
                  <Button
                    variant="quiet"
                    size="small"
                    aria-label={t('designer.tier.remove', { name: labelAt(index) })}
                    onClick={() => remove(index)}
                  >
                    ✕
                  </Button>
                </div>
                <TextInput
                  name={`rules.${index}.condition`}
                  code
                  label={t('designer.tier.condition', { position: index + 1 })}
                  placeholder={t('designer.tier.conditionPlaceholder')}
                  rules={{ validate: (value: unknown) => conditionCheck(value) }}
                />
              </div>
            </SortableRow>
          ))}
        </SortableRows>
        <Button
          size="small"
          onClick={() =>
            append(
              {
                ruleId: newId(),
                label: t('designer.tier.newRule', { n: rows.length + 1 }),
                color: nextColor(current.map((rule) => rule.color)),
                condition: '',
              },
              { shouldFocus: true, focusName: `rules.${rows.length}.condition` },
            )
          }
        >
          {t('designer.tier.addRule')}
        </Button>
      </fieldset>
      <fieldset className="designer-fieldset">
        <legend>{t('designer.tier.fallback')}</legend>
        <div className="designer-rule-head">
          <ColorSelect
            value={fallbackColor}
            label={t('designer.tier.fallbackColor')}
            onChange={(color) => setValue('fallbackColor', color, { shouldDirty: true })}
          />
          <TextInput
            name="fallbackLabel"
            label={t('designer.tier.fallbackLabel')}
            rules={{ validate: (value: unknown) => labelCheck(t)(value) }}
            className="designer-grow"
          />
        </div>
      </fieldset>
    </>
  );
}
