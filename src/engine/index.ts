// Public entry of the engine: pure TypeScript shared by storage, stores, workers and features.
export * from './model';
export * from './formula';
export * from './graph';
export * from './values';
export { compileTierField } from './computed/tier';
export type { TierResult } from './computed/tier';
export { applyLogic, compileLogic, LogicError, truthy } from './logic';
export type { CompileOptions, LogicErrorCode, LogicLimits } from './logic';
export { toStoredValue } from './evaluate-table';
export {
  computedDefinitionsDiffer,
  computedFormulas,
  prepareComputedFields,
  tierExpression,
} from './computed/table-computed';
export type { ComputedFields, ComputedRecord } from './computed/table-computed';
export { sampleCustomers, sampleRecordValues, seededRandom, SAMPLE_REGIONS } from './sample/customers';
export type { SampleCustomer, SampleFieldIds } from './sample/customers';
export {
  choicesOf,
  compileFilter,
  editorFor,
  operatorFits,
  operatorsFor,
  runQuery,
  summableFields,
  TIER_FALLBACK_ID,
  valueClassOf,
} from './query';
export type {
  Choice,
  FilterProblem,
  GroupSummary,
  NumberSummary,
  QueryProblem,
  QueryResult,
  TableQuery,
  ValueClass,
  ValueEditor,
} from './query';
export { prepareDefaults } from './computed/defaults';
export type { DefaultsContext } from './computed/defaults';
