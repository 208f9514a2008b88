// Import and export of records: pure pieces (kind inference, conversion plan, report, auto numbers, messages).
export {
  fieldDraftOfKind,
  fieldNameOf,
  inferFieldKind,
  IMPORTABLE_KINDS,
  isImportableKind,
  MAX_INFERRED_OPTIONS,
  optionColor,
  optionsFromSamples,
} from './infer';
export type { FieldDraft, ImportableKind } from './infer';
export { convertImportRows, createImportConversion, resolveMapping, uniqueFieldName } from './plan';
export type {
  BadValuePolicy,
  ConvertedRows,
  ImportColumn,
  ImportConversion,
  ImportConversionContext,
  ImportMapping,
  ImportProblem,
  ImportProblemCode,
  ImportTarget,
  ResolvedMapping,
} from './plan';
export { importProblemKey, importProblemMessage, importReportCsv, REPORT_COLUMN_KEYS } from './report';
export type { Translate } from './report';
export { fillComputedValues } from './computed';
export type { NewRecordDraft } from './computed';
export { INFERENCE_SAMPLE_ROWS, PREVIEW_ROWS } from './messages';
export type {
  ExportJobRequest,
  FromImportWorker,
  ImportFailureCode,
  ImportFileFormat,
  ImportJobRequest,
  ImportPhase,
  ImportPreview,
  ImportResult,
  ToImportWorker,
} from './messages';
