// Compile-time problems in formula text, with the character range they concern ([start, end) offsets into the source)
// and a code + params that the UI turns into an en / zh-CN / zh-TW message (catalog key `formula.errors.<code>`).

export const FORMULA_ERROR_CODES = [
  'empty',
  'tooLong',
  'tooComplex',
  'unexpectedToken',
  'unexpectedEnd',
  'expectedToken',
  'unterminatedString',
  'unterminatedField',
  'emptyField',
  'badCharacter',
  'unknownFunction',
  'unknownFunctionSuggest',
  'unknownField',
  'unknownFieldSuggest',
  'unknownName',
  'argumentCountExact',
  'argumentCountRange',
  'argumentCountMin',
  'argumentCountPairs',
  'typeMismatch',
  'cannotPrint',
  'cycle',
  'invalidRule',
] as const;

export type FormulaErrorCode = (typeof FORMULA_ERROR_CODES)[number];

export type FormulaErrorParams = Readonly<Record<string, string | number>>;

/** English messages; the catalogs hold the same keys and placeholders in every language. */
const ENGLISH: Readonly<Record<FormulaErrorCode, string>> = {
  empty: 'The formula is empty.',
  tooLong: 'The formula is longer than {{limit}} characters.',
  tooComplex: 'The formula is nested more than {{limit}} levels deep.',
  unexpectedToken: 'Unexpected “{{found}}”.',
  unexpectedEnd: 'The formula ends too early.',
  expectedToken: 'Expected “{{expected}}” but found “{{found}}”.',
  unterminatedString: 'This text has no closing quote.',
  unterminatedField: 'This field reference has no closing “}”.',
  emptyField: 'Empty field reference “{}”.',
  badCharacter: 'The character “{{found}}” cannot be used here.',
  unknownFunction: 'Unknown function {{name}}.',
  unknownFunctionSuggest: 'Unknown function {{name}}. Did you mean {{suggestion}}?',
  unknownField: 'No field is called “{{name}}”.',
  unknownFieldSuggest: 'No field is called “{{name}}”. Did you mean “{{suggestion}}”?',
  unknownName: 'Unknown name “{{name}}”. Field names go in braces, like {{example}}.',
  argumentCountExact: '{{name}} takes {{count}} argument(s), not {{given}}.',
  argumentCountRange: '{{name}} takes {{min}} to {{max}} arguments, not {{given}}.',
  argumentCountMin: '{{name}} takes at least {{min}} argument(s), not {{given}}.',
  argumentCountPairs: '{{name}} takes its arguments in pairs ({{given}} given).',
  typeMismatch: 'Argument {{position}} of {{name}} must be {{expected}}, but it is {{actual}}.',
  cannotPrint: 'This rule cannot be shown as formula text.',
  cycle: 'This formula would create a loop: {{cycle}}.',
  invalidRule: 'This rule is not valid: {{detail}}',
};

export function englishMessage(code: FormulaErrorCode, params: FormulaErrorParams): string {
  const text = ENGLISH[code].replace(/{{\s*(\w+)\s*}}/g, (_, name: string) => String(params[name] ?? ''));
  const count = params.count ?? params.min;
  return text.replace('argument(s)', count === 1 ? 'argument' : 'arguments');
}

export class FormulaError extends Error {
  override readonly name = 'FormulaError';

  constructor(
    readonly code: FormulaErrorCode,
    readonly start: number,
    readonly end: number,
    readonly params: FormulaErrorParams = {},
  ) {
    super(englishMessage(code, params));
  }
}

/** Type names used in `typeMismatch` params; the catalogs translate them under `formula.types.<type>`. */
export type MismatchType = 'number' | 'text' | 'boolean' | 'date' | 'list' | 'any';

/**
 * The error's message in the UI language: `translate` is i18next's `t` (or any function with its shape). Type names in
 * a type-mismatch message are translated too.
 */
export function localizeFormulaError(
  error: FormulaError,
  translate: (key: string, params: Record<string, string | number>) => string,
): string {
  const params: Record<string, string | number> = { ...error.params };
  for (const name of ['expected', 'actual'] as const) {
    const value = params[name];
    if (error.code === 'typeMismatch' && typeof value === 'string')
      params[name] = translate(`formula.types.${value}`, {});
  }
  return translate(`formula.errors.${error.code}`, params);
}
