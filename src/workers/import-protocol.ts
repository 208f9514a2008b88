// The message handling of the import worker, apart from `self` so tests can drive it with a fake host. An import reads
// the file, converts its rows chunk by chunk (a turn of the event loop between chunks, so a cancel is read while it
// runs), then stores everything in ONE transaction (storage/import.ts): cancelled or failed, nothing is stored.
import { exportSheetRows, exportTextRows, type ExportRecord } from '../engine/export';
import {
  createImportConversion,
  inferFieldKind,
  INFERENCE_SAMPLE_ROWS,
  PREVIEW_ROWS,
  resolveMapping,
  type ExportJobRequest,
  type FromImportWorker,
  type ImportFailureCode,
  type ImportFileFormat,
  type ImportJobRequest,
  type ImportPreview,
  type ImportProblem,
  type ToImportWorker,
} from '../engine/import';
import type { Field, JsonValue, SelectOption } from '../engine';
import { createStorage } from '../storage';
import type { LiucunDatabase } from '../storage/database';
import { TableEditError } from '../storage/edits';
import { ImportFormulaError, ImportRepository, ImportTableMissingError } from '../storage/import';
import { StorageError } from '../storage/errors';
import { newId as uuid } from '../shared/ids';
import { csvBlob, decodeText, parseCsvText, readXlsxRows, xlsxBlob, type ReadRows } from './import-files';

/** What the protocol needs from its surroundings (the worker global in production, fakes in tests). */
export interface ImportHost {
  readonly post: (message: FromImportWorker) => void;
  /** Resolves after the event loop has had a turn, so messages that arrived meanwhile have been handled. */
  readonly yieldToEventLoop: () => Promise<void>;
  /** A monotonic clock in ms (performance.now()), only for spacing out progress messages. */
  readonly now: () => number;
  /** Ids of new fields, options and records; UUIDv7 when absent. */
  readonly newId?: () => string;
  /** Opens the app's database by name; storage's own connection when absent. */
  readonly openDatabase?: (name: string) => LiucunDatabase;
}

export interface ImportProtocolOptions {
  /** Rows converted between two looks at the message queue. */
  readonly chunkSize?: number;
  /** Least time between two progress messages, in ms. */
  readonly progressIntervalMs?: number;
}

export const DEFAULT_CHUNK_SIZE = 5_000;
export const DEFAULT_PROGRESS_INTERVAL_MS = 50;

class JobFailure extends Error {
  constructor(
    readonly code: ImportFailureCode,
    message: string,
  ) {
    super(message);
  }
}

class Cancelled extends Error {}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isFormat(value: unknown): value is ImportFileFormat {
  return value === 'csv' || value === 'xlsx';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function failureOf(error: unknown): {
  code: ImportFailureCode;
  message: string;
  params?: Readonly<Record<string, string | number>>;
} {
  if (error instanceof TableEditError)
    return { code: 'notUnique', message: error.message, params: error.params };
  if (error instanceof JobFailure) return { code: error.code, message: error.message };
  if (error instanceof ImportTableMissingError) return { code: 'tableMissing', message: error.message };
  if (error instanceof ImportFormulaError) return { code: 'formulas', message: error.message };
  if (error instanceof StorageError)
    return { code: error.kind === 'quota' ? 'quota' : 'storage', message: messageOf(error) };
  return { code: 'unknown', message: messageOf(error) };
}

async function readRows(file: Blob, format: ImportFileFormat, limit?: number): Promise<ReadRows> {
  try {
    return format === 'csv' ? parseCsvText(await decodeText(file), limit) : await readXlsxRows(file);
  } catch (error) {
    throw new JobFailure('unreadable', messageOf(error));
  }
}

/** The preview of a file: header, first rows, a proposed field per column and the number of data rows. */
export async function previewFile(file: Blob, format: ImportFileFormat): Promise<ImportPreview> {
  const read = await readRows(file, format, INFERENCE_SAMPLE_ROWS + 1);
  const [header, ...data] = read.rows;
  if (!header || header.every((text) => text.trim() === ''))
    throw new JobFailure('empty', 'The file has no header row.');
  const filled = data.filter((row) => row.some((text) => text.trim() !== ''));
  const fields = header.map((name, column) =>
    inferFieldKind(
      name,
      filled.map((row) => row[column] ?? ''),
      columnLetter(column),
    ),
  );
  return {
    headers: header,
    rows: filled.slice(0, PREVIEW_ROWS),
    fields,
    rowCount: read.complete ? filled.length : Math.round(filled.length / read.fractionRead),
    rowCountExact: read.complete,
  };
}

/** The spreadsheet letter of a column (0 → A, 26 → AA): the name of a column without a header. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\ . */
function sheetName(name: string): string {
  const cleaned = name
    .replace(/[[\]:*?/\\]/g, '_')
    .slice(0, 31)
    .trim();
  return cleaned === '' ? 'Sheet1' : cleaned;
}

function openDatabase(host: ImportHost, name: string): LiucunDatabase {
  return host.openDatabase ? host.openDatabase(name) : createStorage({ name }).connection.db;
}

/**
 * Returns the handler for messages arriving at the worker. Jobs may run side by side; a cancel for a job that is not
 * running is ignored. Only imports can be cancelled (previews and exports are short).
 */
export function createImportProtocol(
  host: ImportHost,
  options: ImportProtocolOptions = {},
): (message: unknown) => void {
  const chunkSize = Math.max(1, Math.floor(options.chunkSize ?? DEFAULT_CHUNK_SIZE));
  const progressInterval = options.progressIntervalMs ?? DEFAULT_PROGRESS_INTERVAL_MS;
  const newId = host.newId ?? uuid;
  const running = new Map<number, AbortController>();

  const runImport = async (jobId: number, request: ImportJobRequest, signal: AbortSignal): Promise<void> => {
    const checkCancelled = (): void => {
      if (signal.aborted) throw new Cancelled();
    };
    host.post({ type: 'progress', jobId, phase: 'reading', done: 0, total: 0 });
    const read = await readRows(request.file, request.format);
    checkCancelled();
    const [header, ...data] = read.rows;
    if (!header || header.every((text) => text.trim() === ''))
      throw new JobFailure('empty', 'The file has no header row.');

    const db = openDatabase(host, request.dbName);
    try {
      const repository = new ImportRepository(db, { now: () => request.now, newId });
      const table = await repository.readTable(request.tableId);
      if (!table) throw new JobFailure('tableMissing', `Not found: table ${request.tableId}`);
      const { mapping, newFields } = resolveMapping(request.mapping, table.fields, newId);
      const fieldsById = new Map<string, Field>(
        [...table.fields, ...newFields].map((field) => [field.id, field]),
      );
      const conversion = createImportConversion(fieldsById, mapping, {
        headers: header,
        timeZone: request.timeZone,
        now: request.now,
        newOptionId: newId,
      });

      const total = data.length;
      const values: Record<string, JsonValue>[] = [];
      const problems: ImportProblem[] = [];
      let skipped = 0;
      host.post({ type: 'progress', jobId, phase: 'converting', done: 0, total });
      let lastProgress = host.now();
      for (let from = 0; from < total; from += chunkSize) {
        await host.yieldToEventLoop();
        checkCancelled();
        const to = Math.min(total, from + chunkSize);
        const chunk = data.slice(from, to);
        // A row the CSV reader could not split is reported whole and converted as a blank row (which is ignored).
        for (let index = from; index < to; index++) {
          if (!read.malformed.has(index + 1)) continue;
          problems.push({
            row: index + 2,
            column: '',
            field: '',
            code: 'malformedRow',
            params: {},
            text: (data[index] ?? []).join(',').slice(0, 1000),
            action: 'skipped',
          });
          skipped++;
          chunk[index - from] = [];
        }
        const converted = conversion.convert(chunk, from + 2);
        for (const record of converted.values) values.push(record);
        for (const problem of converted.problems) problems.push(problem);
        skipped += converted.skipped;
        const time = host.now();
        if (to < total && time - lastProgress >= progressInterval) {
          host.post({ type: 'progress', jobId, phase: 'converting', done: to, total });
          lastProgress = time;
        }
      }
      await host.yieldToEventLoop();
      checkCancelled();

      // New options of new fields belong to their definitions; those of existing fields are added to them.
      const discovered = new Map(conversion.newOptions().map((entry) => [entry.fieldId, entry.options]));
      const completeFields = newFields.map((field) => withAddedOptions(field, discovered.get(field.id)));
      const newFieldIds = new Set(newFields.map((field) => field.id));
      const newOptions = [...discovered]
        .filter(([fieldId]) => !newFieldIds.has(fieldId))
        .map(([fieldId, added]) => ({ fieldId, options: added }));

      host.post({ type: 'progress', jobId, phase: 'writing', done: 0, total: values.length });
      await repository.importRecords(request.tableId, { newFields: completeFields, newOptions }, values, {
        signal,
        timeZone: request.timeZone,
      });
      problems.sort((a, b) => a.row - b.row);
      host.post({
        type: 'done',
        jobId,
        result: {
          imported: values.length,
          skipped,
          problems,
          createdFieldIds: completeFields.map((field) => field.id),
        },
      });
    } finally {
      db.close();
    }
  };

  const runExport = async (jobId: number, request: ExportJobRequest): Promise<void> => {
    const db = openDatabase(host, request.dbName);
    try {
      const repository = new ImportRepository(db, { now: () => 0, newId });
      const table = await repository.readTable(request.tableId);
      if (!table) throw new JobFailure('tableMissing', `Not found: table ${request.tableId}`);
      const byId = new Map(table.fields.map((field) => [field.id, field]));
      const fields = request.fieldIds.flatMap((id) => byId.get(id) ?? []);
      const records: ExportRecord[] = await repository.readRecords(request.tableId, request.recordIds);
      const context = { timeZone: request.timeZone };
      const blob =
        request.format === 'csv'
          ? csvBlob(exportTextRows(fields, records, context))
          : await xlsxBlob(exportSheetRows(fields, records, context), sheetName(table.name));
      host.post({ type: 'exported', jobId, blob });
    } finally {
      db.close();
    }
  };

  const start = (jobId: number, work: (signal: AbortSignal) => Promise<void>): void => {
    const controller = new AbortController();
    running.set(jobId, controller);
    work(controller.signal)
      .catch((error: unknown) => {
        if (controller.signal.aborted) {
          host.post({ type: 'cancelled', jobId });
          return;
        }
        host.post({ type: 'failed', jobId, ...failureOf(error) });
      })
      .finally(() => {
        running.delete(jobId);
      });
  };

  return (message) => {
    if (!isObject(message) || typeof message.jobId !== 'number') return;
    const { jobId } = message;
    const type = message.type as ToImportWorker['type'] | undefined;
    if (type === 'cancel') {
      running.get(jobId)?.abort();
      return;
    }
    if (running.has(jobId)) {
      host.post({ type: 'failed', jobId, code: 'unknown', message: `Job ${jobId} is already running` });
      return;
    }
    const problem = requestProblem(message);
    if (problem !== undefined) {
      host.post({ type: 'failed', jobId, code: 'unknown', message: `Invalid request: ${problem}` });
      return;
    }
    if (type === 'preview') {
      const { file, format } = message as unknown as { file: Blob; format: ImportFileFormat };
      start(jobId, async () => {
        host.post({ type: 'preview', jobId, preview: await previewFile(file, format) });
      });
    } else if (type === 'import') {
      const request = message as unknown as ImportJobRequest;
      start(jobId, (signal) => runImport(jobId, request, signal));
    } else if (type === 'export') {
      const request = message as unknown as ExportJobRequest;
      start(jobId, () => runExport(jobId, request));
    }
  };
}

function withAddedOptions(field: Field, added: readonly SelectOption[] | undefined): Field {
  if (!added || (field.kind !== 'singleSelect' && field.kind !== 'multiSelect')) return field;
  return { ...field, options: [...field.options, ...added] };
}

/** What is wrong with a message's shape, or undefined when it can be run. */
function requestProblem(message: Record<string, unknown>): string | undefined {
  const { type } = message;
  if (type !== 'preview' && type !== 'import' && type !== 'export')
    return `unknown message type ${String(type)}`;
  if (!isFormat(message.format)) return 'format must be csv or xlsx';
  if (type === 'preview' || type === 'import')
    if (!(message.file instanceof Blob)) return 'file must be a Blob';
  if (type === 'preview') return undefined;
  if (typeof message.dbName !== 'string') return 'dbName must be a string';
  if (typeof message.tableId !== 'string') return 'tableId must be a string';
  if (typeof message.timeZone !== 'string') return 'timeZone must be a string';
  if (type === 'export') {
    if (!Array.isArray(message.recordIds)) return 'recordIds must be a list';
    if (!Array.isArray(message.fieldIds)) return 'fieldIds must be a list';
    return undefined;
  }
  if (typeof message.now !== 'number' || !Number.isFinite(message.now)) return 'now must be epoch ms';
  const mapping = message.mapping;
  if (!isObject(mapping) || !Array.isArray(mapping.columns)) return 'mapping.columns must be a list';
  if (mapping.onBadValue !== 'skipRow' && mapping.onBadValue !== 'empty')
    return 'mapping.onBadValue must be skipRow or empty';
  return undefined;
}
