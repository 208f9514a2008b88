// Queries over a table's records in memory (the table worker runs them): filter, quick search, sort, group.
export {
  choicesOf,
  editorFor,
  operatorFits,
  operatorsFor,
  TIER_FALLBACK_ID,
  valueClassOf,
} from './operators';
export type { Choice, ValueClass, ValueEditor } from './operators';
export { compileFilter } from './filter';
export type { CompiledFilter, FilterProblem, FilterProblemCode, RecordTest, RecordValues } from './filter';
export { compareRows, sortColumn, sortRows } from './sort';
export type { SortColumn, SortProblem, SortResult } from './sort';
export { compileSearch, searchableFields } from './search';
export { groupRows, summableFields } from './group';
export type { GroupedRows, GroupSummary, NumberSummary } from './group';
export { runQuery } from './run-query';
export type { QueryProblem, QueryRecord, QueryResult, TableQuery } from './run-query';
export { CollationRanks, foldText, QueryCache, TextFolder } from './text';
export type { QueryEnv } from './values';
export { dayOfInstant, dayStartInstant, isBlank, isStoredError } from './values';
export * from './messages';
