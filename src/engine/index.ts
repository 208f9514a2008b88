// Public entry of the engine: pure TypeScript shared by storage, stores, workers and features.
export * from './model';
export * from './formula';
export * from './graph';
export * from './values';
export { compileTierField } from './computed/tier';
export type { TierResult } from './computed/tier';
export { applyLogic, compileLogic, LogicError, truthy } from './logic';
export type { CompileOptions, LogicErrorCode, LogicLimits } from './logic';
export { computedFormulasOf, prepareComputedFields, tierExpression } from './computed/table-computed';
