// Single and multi select: the options in display order, each with a name and a colour; add, rename, recolour,
// reorder (drag or up/down) and remove. Records store option ids, so renaming changes no record.
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { newId } from '../../../../shared/ids';
import { Button } from '../../../../ui';
import { ColorSelect } from '../color-select';
import type { FieldFormValues } from '../field-form';
import { nextColor } from '../field-form';
import { asText } from '../checks';
import { TextInput } from '../form-bits';
import { SortableRow, SortableRows } from '../sortable-rows';

export function SelectOptions() {
  const { t } = useTranslation();
  const { control, setValue } = useFormContext<FieldFormValues>();
  const { fields: rows, append, remove, move } = useFieldArray({ control, name: 'options' });
  const current = useWatch({ control, name: 'options' });
  const nameAt = (index: number) => current[index]?.name.trim() || t('designer.options.unnamed');
  const ids = rows.map((row) => row.id);

  const uniqueName = (index: number) => (value: unknown) => {
    const name = asText(value).trim();
    if (name === '') return t('designer.validation.optionNameRequired');
    const clash = current.some(
      (row, at) => at !== index && row.name.trim().toLowerCase() === name.toLowerCase(),
    );
    return clash ? t('designer.validation.optionNameTaken', { name }) : true;
  };

  return (
    <fieldset className="designer-fieldset">
      <legend>{t('designer.options.choices')}</legend>
      {rows.length === 0 ? <p className="muted designer-hint">{t('designer.options.noChoices')}</p> : null}
      <SortableRows
        ids={ids}
        nameOf={(id) => nameAt(ids.indexOf(id))}
        label={t('designer.options.choices')}
        onMove={move}
      >
        {rows.map((row, index) => (
          <SortableRow
            key={row.id}
            id={row.id}
            index={index}
            count={rows.length}
            name={nameAt(index)}
            onMove={move}
          >
            <ColorSelect
              value={current[index]?.color ?? row.color}
              label={t('designer.options.color', { name: nameAt(index) })}
              onChange={(color) => setValue(`options.${index}.color`, color, { shouldDirty: true })}
            />
            <TextInput
              name={`options.${index}.name`}
              label={t('designer.options.optionName', { position: index + 1 })}
              rules={{ validate: uniqueName(index) }}
              className="designer-grow"
            />
            <Button
              variant="quiet"
              size="small"
              aria-label={t('designer.options.remove', { name: nameAt(index) })}
              onClick={() => remove(index)}
            >
              ✕
            </Button>
          </SortableRow>
        ))}
      </SortableRows>
      <Button
        size="small"
        onClick={() =>
          append(
            {
              optionId: newId(),
              name: t('designer.options.newOption', { n: rows.length + 1 }),
              color: nextColor(current.map((row) => row.color)),
            },
            { shouldFocus: true, focusName: `options.${rows.length}.name` },
          )
        }
      >
        {t('designer.options.addOption')}
      </Button>
    </fieldset>
  );
}
