// Reading CSV and Excel files into rows of cell text, and writing a view's rows back as CSV or Excel. Used by the
// import worker (import-protocol.ts); runs in a worker in the app and under Node in tests.
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/universal';
import writeXlsxFile, { type Cell, type SheetData } from 'write-excel-file/universal';
import { csvText, UTF8_BOM, type ExportTable, type SheetCell } from '../engine/export';

export interface ReadRows {
  /** Every row of the file (header first), each cell as text. */
  readonly rows: string[][];
  /** Positions (in `rows`) of rows the CSV reader could not split cleanly, e.g. an unclosed quote. */
  readonly malformed: ReadonlySet<number>;
  /** False when reading stopped at `limit` rows before the end of the file. */
  readonly complete: boolean;
  /** For an incomplete read, the share of the file read (0..1), to estimate the row count. */
  readonly fractionRead: number;
}

/** File bytes as text: UTF-8 (a byte-order mark dropped), or GB 18030 when the bytes are no UTF-8 (Excel in China). */
export async function decodeText(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * CSV text → rows: the delimiter (comma, tab, semicolon, |) is detected, quoted fields may hold delimiters, quotes and
 * line breaks. Blank lines stay as rows so row numbers match the file; callers ignore blank rows.
 */
export function parseCsvText(text: string, limit?: number): ReadRows {
  // Papaparse guesses the delimiter from consistent field counts; blank lines (a trailing newline) would spoil the
  // guess, but must stay in the real parse so row numbers match the file. So: guess on a sample without them first.
  const { delimiter } = Papa.parse<string[]>(text.slice(0, 64 * 1024), {
    delimiter: '',
    skipEmptyLines: 'greedy',
    preview: 50,
  }).meta;
  const result = Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    ...(limit === undefined ? {} : { preview: limit }),
  });
  const malformed = new Set<number>();
  for (const error of result.errors)
    if (error.type === 'Quotes' && error.row !== undefined) malformed.add(error.row);
  const complete = limit === undefined || !result.meta.truncated;
  return {
    rows: result.data,
    malformed,
    complete,
    fractionRead: complete || text.length === 0 ? 1 : Math.min(1, result.meta.cursor / text.length),
  };
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** An Excel cell value as the text a person sees: numbers to Excel's 15 digits, dates as ISO day (and time). */
export function sheetValueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(Number(value.toPrecision(15))) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    // Excel dates carry no zone: their UTC fields are the wall-clock fields shown in the sheet.
    const day = `${pad(value.getUTCFullYear(), 4)}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    const h = value.getUTCHours();
    const m = value.getUTCMinutes();
    const s = value.getUTCSeconds();
    if (h === 0 && m === 0 && s === 0) return day;
    return `${day} ${pad(h)}:${pad(m)}${s === 0 ? '' : `:${pad(s)}`}`;
  }
  return '';
}

/** The first sheet of an .xlsx file as rows of text, trimmed to the columns that hold anything. */
export async function readXlsxRows(file: Blob): Promise<ReadRows> {
  const data = await readSheet(file, 1, { trim: false });
  const rows = data.map((row) => row.map(sheetValueText));
  let width = 0;
  for (const row of rows) {
    for (let column = row.length - 1; column >= width; column--) {
      if ((row[column] ?? '').trim() !== '') {
        width = column + 1;
        break;
      }
    }
  }
  const shaped = rows.map((row) =>
    row.length === width
      ? row
      : [...row.slice(0, width), ...Array<string>(Math.max(0, width - row.length)).fill('')],
  );
  return { rows: shaped, malformed: new Set(), complete: true, fractionRead: 1 };
}

/** A view's rows as a CSV file Excel opens as UTF-8. */
export function csvBlob(table: ExportTable<string>): Blob {
  return new Blob([UTF8_BOM, csvText([table.header, ...table.rows])], { type: 'text/csv;charset=utf-8' });
}

function excelCell(cell: SheetCell): Cell {
  if (cell === null || typeof cell !== 'object') return cell;
  return cell.kind === 'date'
    ? { value: new Date(cell.wall), type: Date, format: 'yyyy-mm-dd' }
    : { value: new Date(cell.wall), type: Date, format: 'yyyy-mm-dd hh:mm:ss' };
}

/** A view's rows as an .xlsx file with one sheet: header in bold, values typed. */
export async function xlsxBlob(table: ExportTable<SheetCell>, sheetName: string): Promise<Blob> {
  const data: SheetData = [
    table.header.map((name) => ({ value: name, fontWeight: 'bold' as const })),
    ...table.rows.map((row) => row.map(excelCell)),
  ];
  const blob = await writeXlsxFile(data, {
    sheet: sheetName,
    columns: table.header.map((name) => ({ width: Math.min(40, Math.max(10, name.length + 4)) })),
    stickyRowsCount: 1,
  }).toBlob();
  return blob;
}
