// The checks next to the inputs: each returns true or the localized message react-hook-form shows under the input.
import type { TFunction } from 'i18next';
import type { FieldInfo } from '../../../engine';
import { compileFormula, FormulaError, localizeFormulaError } from '../../../engine';

export type Check = (value: unknown) => true | string;

/** An input's value as text (inputs hold strings; anything else reads as blank). */
export function asText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A localized formula error with its position (1-based character), e.g. "Character 1: No field is called …". */
export function formulaErrorMessage(error: FormulaError, t: TFunction): string {
  const message = localizeFormulaError(error, (key, params) => t(key, params));
  return t('designer.formula.errorAt', { position: error.start + 1, message });
}

/** Compiles `source` with `compile`; the localized error when it fails. Other exceptions are bugs and propagate. */
export function formulaProblem(
  source: string,
  compile: (source: string) => unknown,
  t: TFunction,
): string | undefined {
  try {
    compile(source);
    return undefined;
  } catch (error) {
    if (error instanceof FormulaError) return formulaErrorMessage(error, t);
    throw error;
  }
}

export function formulaCheck(fields: readonly FieldInfo[], t: TFunction, optional: boolean): Check {
  return (input) => {
    const value = asText(input);
    if (value.trim() === '') return optional ? true : t('designer.validation.formulaRequired');
    return formulaProblem(value, (source) => compileFormula(source, fields), t) ?? true;
  };
}

export function nameCheck(otherNames: readonly string[], t: TFunction): Check {
  const taken = new Set(otherNames.map((name) => name.trim().toLowerCase()));
  return (value) => {
    const name = asText(value).trim();
    if (name === '') return t('validation.nameRequired');
    if (name.length > 200) return t('validation.nameTooLong');
    if (taken.has(name.toLowerCase())) return t('designer.validation.nameTaken', { name });
    return true;
  };
}

/** A whole number from `min` to `max`; blank allowed when `optional`. */
export function intCheck(min: number, max: number, t: TFunction, optional = false): Check {
  return (input) => {
    const value = asText(input);
    if (value.trim() === '' && optional) return true;
    const number = Number(value);
    return value.trim() !== '' && Number.isInteger(number) && number >= min && number <= max
      ? true
      : t('designer.validation.wholeNumber', { min, max });
  };
}

export function currencyCheck(t: TFunction): Check {
  return (value) => (/^[A-Z]{3}$/.test(asText(value).trim()) ? true : t('designer.validation.currencyCode'));
}

export function labelCheck(t: TFunction): Check {
  return (input) => {
    const value = asText(input);
    if (value.trim() === '') return t('designer.validation.labelRequired');
    if (value.trim().length > 200) return t('validation.nameTooLong');
    return true;
  };
}
