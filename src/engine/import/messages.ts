// Messages between the page (runtime/importer.ts) and the import worker (workers/import.worker.ts). They live in the
// engine because runtime/ may not import workers/; both import these types.
import type { FieldDraft } from './infer';
import type { ImportMapping, ImportProblem } from './plan';

export type ImportFileFormat = 'csv' | 'xlsx';

/** What the import dialog shows before anything is imported. */
export interface ImportPreview {
  /** The header row (row 1), blank headers as ''. */
  readonly headers: readonly string[];
  /** The first data rows (at most PREVIEW_ROWS), as text. */
  readonly rows: readonly (readonly string[])[];
  /** A proposed new field per column, from the column's header and a sample of its cells. */
  readonly fields: readonly FieldDraft[];
  /** Data rows in the file (estimated from the file size for big CSV files, see rowCountExact). */
  readonly rowCount: number;
  readonly rowCountExact: boolean;
}

export const PREVIEW_ROWS = 20;
/** Cells per column that field kinds are inferred from. */
export const INFERENCE_SAMPLE_ROWS = 1000;

export interface ImportResult {
  /** Records stored. */
  readonly imported: number;
  /** Rows left out (each has at least one problem with action 'skipped'). */
  readonly skipped: number;
  /** Every problem, in row order: rows left out and cells left blank. */
  readonly problems: readonly ImportProblem[];
  /** Fields the import added to the table, in column order. */
  readonly createdFieldIds: readonly string[];
}

/**
 * Why an import or export failed, a catalog key under import.failures: the file cannot be read or has no header row,
 * the table is gone, the disk is full, the table's formulas cannot be computed, another storage failure, or the
 * worker crashed. Nothing was stored in any case.
 */
export type ImportFailureCode =
  | 'unreadable'
  | 'empty'
  | 'tableMissing'
  | 'quota'
  | 'formulas'
  | 'notUnique'
  | 'storage'
  | 'crashed'
  | 'unknown';

export interface ImportJobRequest {
  readonly dbName: string;
  readonly tableId: string;
  readonly mapping: ImportMapping;
  readonly file: Blob;
  readonly format: ImportFileFormat;
  /** The moment the import happens (epoch ms): createdAt of the records, TODAY() of their formulas. */
  readonly now: number;
  /** IANA zone date-times without an offset are read in. */
  readonly timeZone: string;
}

export interface ExportJobRequest {
  readonly dbName: string;
  readonly tableId: string;
  /** Records in view order (filtered and sorted by the view). */
  readonly recordIds: readonly string[];
  /** Visible fields in view order. */
  readonly fieldIds: readonly string[];
  readonly format: ImportFileFormat;
  readonly timeZone: string;
  /** The reader's language (BCP 47), for the sheet's metadata; values are written locale-free so they read back. */
  readonly locale?: string;
}

export type ToImportWorker =
  | {
      readonly type: 'preview';
      readonly jobId: number;
      readonly file: Blob;
      readonly format: ImportFileFormat;
    }
  | ({ readonly type: 'import'; readonly jobId: number } & ImportJobRequest)
  | ({ readonly type: 'export'; readonly jobId: number } & ExportJobRequest)
  | { readonly type: 'cancel'; readonly jobId: number };

export type ImportPhase = 'reading' | 'converting' | 'writing';

export type FromImportWorker =
  | { readonly type: 'preview'; readonly jobId: number; readonly preview: ImportPreview }
  | {
      readonly type: 'progress';
      readonly jobId: number;
      readonly phase: ImportPhase;
      readonly done: number;
      readonly total: number;
    }
  | { readonly type: 'done'; readonly jobId: number; readonly result: ImportResult }
  | { readonly type: 'exported'; readonly jobId: number; readonly blob: Blob }
  | { readonly type: 'cancelled'; readonly jobId: number }
  | {
      readonly type: 'failed';
      readonly jobId: number;
      readonly code: ImportFailureCode;
      /** For developers (the console); people read import.failures.<code>. */
      readonly message: string;
      /** Details for the message (the field and value of a duplicate). */
      readonly params?: Readonly<Record<string, string | number>>;
    };
