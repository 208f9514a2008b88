// Cell values per field kind: parsing typed or pasted text, printing values as text, and converting between kinds.
export { CELL_PROBLEM_CODES, parseCellText, parseNumberCell, pendingOptionId } from './parse-cell';
export type {
  CellParseContext,
  CellParseResult,
  CellProblem,
  CellProblemCode,
  CellValue,
  NewOption,
} from './parse-cell';
export { cellText } from './cell-text';
export { convertValue, MAX_PREVIEW_FAILURES, previewConversion } from './convert';
export type { ConversionFailure, ConversionPreview } from './convert';
export { autoNumberKey, autoNumberPeriod, formatAutoNumber } from './auto-number';
