// Formula: the text (Excel style, {Field} references), checked as it is typed: the error with its position, or the
// type of the result. Saving refuses a formula that would close a loop of computed fields.
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Field } from '../../../../engine';
import { compileFormulaField, FormulaError } from '../../../../engine';
import { asText, formulaErrorMessage } from '../checks';
import type { DesignerEnv, FieldFormValues } from '../field-form';
import { TextInput } from '../form-bits';
import { PrecisionInput } from './number-options';

export function FormulaOptions({ field, env }: { readonly field: Field; readonly env: DesignerEnv }) {
  const { t } = useTranslation();
  const { control } = useFormContext<FieldFormValues>();
  const source = useWatch({ control, name: 'formula' });

  const compile = (text: string) => compileFormulaField(env.table, { id: field.id, name: field.name }, text);
  let resultType: string | undefined;
  if (source.trim() !== '') {
    try {
      resultType = compile(source).type;
    } catch (error) {
      if (!(error instanceof FormulaError)) throw error;
    }
  }

  return (
    <>
      <TextInput
        name="formula"
        multiline
        code
        label={t('designer.formula.label')}
        placeholder={t('designer.formula.placeholder')}
        hint={t('designer.formula.hint')}
        rules={{
          validate: (value: unknown) => {
            const text = asText(value);
            if (text.trim() === '') return t('designer.validation.formulaRequired');
            try {
              compile(text);
              return true;
            } catch (error) {
              if (error instanceof FormulaError) return formulaErrorMessage(error, t);
              throw error;
            }
          },
        }}
      />
      {resultType ? (
        <p className="designer-result" data-result-type={resultType}>
          {t('designer.formula.resultType', { type: t(`designer.resultTypes.${resultType}`) })}
        </p>
      ) : null}
      {resultType === undefined || resultType === 'number' ? <PrecisionInput /> : null}
    </>
  );
}
