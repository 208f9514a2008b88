// Export of a view's records to CSV and Excel: pure row building and CSV text.
export { exportFileName, exportSheetRows, exportTextRows, exportValue } from './export-rows';
export type { ExportContext, ExportRecord, ExportTable, SheetCell } from './export-rows';
export { csvField, csvText, UTF8_BOM } from './csv';
