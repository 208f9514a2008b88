// The formula language: Excel / Jiandaoyun-style text compiled to JSONLogic-compatible JSON and evaluated by the logic core.
export { compileFormula, evaluateFormula } from './compile-formula';
export type { CompiledFormula, FormulaOptions } from './compile-formula';
export { fieldValueType, keyTypeOf } from './fields';
export type { FieldInfo } from './fields';
export { FORMULA_ERROR_CODES, FormulaError, localizeFormulaError } from './formula-error';
export type { FormulaErrorCode, FormulaErrorParams } from './formula-error';
export { ALL_FUNCTIONS, findFunction } from './functions';
export type { FunctionCategory, FunctionSpec } from './functions';
export { compileFormulaField, fieldInfo, fieldInfos } from './formula-field';
export { parseFormula } from './parser';
export type { Expr } from './parser';
export { formulaToText } from './print';
export { dateToSerial, serialToDate, toText } from './coerce';
export { isValidTimeZone, wallClock } from './time-zone';
export { DIV0, ERROR_VALUES, ErrorValue, isError, NA, NAME, NUM, REF, VALUE } from './values';
export type { ErrorCode, FormulaEnv, KeyType, ValueType } from './values';
