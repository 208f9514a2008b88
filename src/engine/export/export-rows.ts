// Exporting a view: its visible fields in order and its records in view order → a header and one row per record.
// Text cells (CSV) come from cellText, so a file exported and imported again gives back the same values; sheet cells
// (Excel) keep numbers, yes/no and dates typed so a spreadsheet can compute with them.
import { storedErrorValue } from '../evaluate-table';
import type { Field } from '../model';
import { cellText } from '../values';
import { wallMs } from '../values/support';
import { MS_PER_DAY } from '../formula/time-zone';

/** The part of a stored record an export reads: values by field id, and the envelope's times. */
export interface ExportRecord {
  readonly values: Readonly<Record<string, unknown>>;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export interface ExportContext {
  /** IANA zone date-times are written in. */
  readonly timeZone: string;
}

export interface ExportTable<Cell> {
  readonly header: string[];
  readonly rows: Cell[][];
}

/** A typed spreadsheet cell. Dates are wall-clock times as ms whose UTC fields are the fields to show. */
export type SheetCell =
  | string
  | number
  | boolean
  | null
  | { readonly kind: 'date'; readonly wall: number }
  | { readonly kind: 'dateTime'; readonly wall: number };

/** The value of `field` in `record`: created/modified times come from the envelope, the rest from the values. */
export function exportValue(field: Field, record: ExportRecord): unknown {
  if (field.kind === 'createdTime') return record.createdAt;
  if (field.kind === 'lastModifiedTime') return record.updatedAt;
  return record.values[field.id];
}

/** Header and text rows for a CSV file. */
export function exportTextRows(
  fields: readonly Field[],
  records: readonly ExportRecord[],
  context: ExportContext,
): ExportTable<string> {
  const parse = { timeZone: context.timeZone };
  return {
    header: fields.map((field) => field.name),
    rows: records.map((record) =>
      fields.map((field) => {
        const value = exportValue(field, record);
        return storedErrorValue(value)?.code ?? cellText(field, value, parse);
      }),
    ),
  };
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function sheetCell(field: Field, value: unknown, context: ExportContext): SheetCell {
  if (value === null || value === undefined) return null;
  const error = storedErrorValue(value);
  if (error) return error.code;
  switch (field.kind) {
    case 'number':
    case 'currency':
    case 'percent':
    case 'rating':
      if (isNumber(value)) return value;
      break;
    case 'checkbox':
      if (typeof value === 'boolean') return value;
      break;
    case 'date':
      if (isNumber(value))
        return { kind: 'date', wall: value - (((value % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY) };
      break;
    case 'dateTime':
    case 'createdTime':
    case 'lastModifiedTime':
      if (isNumber(value)) return { kind: 'dateTime', wall: wallMs(value, context.timeZone) };
      break;
    case 'formula':
      if (isNumber(value) && field.resultType === 'number') return value;
      if (typeof value === 'boolean') return value;
      if (isNumber(value) && field.resultType === 'date')
        return { kind: value % MS_PER_DAY === 0 ? 'date' : 'dateTime', wall: value };
      break;
    default:
      break;
  }
  const text = cellText(field, value, { timeZone: context.timeZone });
  return text === '' ? null : text;
}

/** Header and typed rows for an Excel sheet. */
export function exportSheetRows(
  fields: readonly Field[],
  records: readonly ExportRecord[],
  context: ExportContext,
): ExportTable<SheetCell> {
  return {
    header: fields.map((field) => field.name),
    rows: records.map((record) =>
      fields.map((field) => sheetCell(field, exportValue(field, record), context)),
    ),
  };
}

/** A file name from a table name: characters file systems refuse become "_", never empty. */
export function exportFileName(tableName: string, extension: 'csv' | 'xlsx'): string {
  const printable = Array.from(tableName, (char) => (char.charCodeAt(0) < 32 ? '_' : char)).join('');
  const base = printable
    .replace(/[\\/:*?"<>|]+/g, '_')
    .trim()
    .slice(0, 120);
  return `${base === '' ? 'export' : base}.${extension}`;
}
