// An import plan (which file column goes to which field, what a bad value does) and the conversion of file rows into
// record values with it. Conversion runs chunk by chunk in the import worker; one ImportConversion carries what the
// chunks share (select options named so far), so a name gets one option id however many rows use it.
import { COMPUTED_FIELD_KINDS, type Field, type JsonValue, type SelectOption } from '../model';
import {
  parseCellText,
  type CellParseContext,
  type CellParseResult,
  type CellProblemCode,
  type CellValue,
} from '../values';
import { wallMs } from '../values/support';
import { MS_PER_DAY } from '../formula/time-zone';
import { fastCellParser } from './fast-parse';
import { optionColor, type FieldDraft } from './infer';

export type ImportTarget =
  | { readonly type: 'existing'; readonly fieldId: string }
  | { readonly type: 'new'; readonly field: FieldDraft }
  | { readonly type: 'skip' };

export interface ImportColumn {
  /** Position of the column in the file (0-based). */
  readonly source: number;
  readonly target: ImportTarget;
}

/** 'skipRow': a row with a bad value is not imported; 'empty': the bad value is left blank and reported. */
export type BadValuePolicy = 'skipRow' | 'empty';

export interface ImportMapping {
  readonly columns: readonly ImportColumn[];
  readonly onBadValue: BadValuePolicy;
}

/** A mapping whose new fields have ids: each imported column names the field it fills. */
export interface ResolvedMapping {
  readonly columns: readonly { readonly source: number; readonly fieldId: string }[];
  readonly onBadValue: BadValuePolicy;
}

/**
 * Why a cell or row was refused: a cell problem of parseCellText, a row whose number of cells differs from the
 * header ('columnCount', params expected/actual), a blank required field ('required'), or a row the CSV reader could
 * not split ('malformedRow', e.g. an unclosed quote).
 */
export type ImportProblemCode = CellProblemCode | 'columnCount' | 'required' | 'malformedRow';

export interface ImportProblem {
  /** The row number a person sees in the file: the header is row 1, the first data row is row 2. */
  readonly row: number;
  /** The column's header ('' for problems of a whole row). */
  readonly column: string;
  /** The name of the field the cell was meant for ('' for problems of a whole row). */
  readonly field: string;
  readonly code: ImportProblemCode;
  readonly params: Readonly<Record<string, string | number>>;
  /** The cell text as read from the file (the whole row joined by commas for row problems). */
  readonly text: string;
  /** What happened to the row: left out, or imported with this cell blank. */
  readonly action: 'skipped' | 'emptied';
}

export interface ImportConversionContext {
  /** Headers of the file, by column position, for problems. */
  readonly headers: readonly string[];
  /** Zone date-times without an offset are read in, and the zone of 'today' defaults. */
  readonly timeZone: string;
  /** The moment of the import (epoch ms), for 'today'/'now' defaults of fields not in the file. */
  readonly now: number;
  /** Id of a select option the file names that the field does not have yet. */
  readonly newOptionId: () => string;
}

export interface ConvertedRows {
  /** Values of the rows to import, in file order. */
  readonly values: Record<string, JsonValue>[];
  readonly problems: ImportProblem[];
  /** Rows left out (every problem row in 'skipRow' mode, rows with wrong column counts, blank required fields). */
  readonly skipped: number;
}

export interface ImportConversion {
  readonly convert: (rows: readonly (readonly string[])[], firstRowNumber: number) => ConvertedRows;
  /** Options added so far to each select field, by field id, in the order they were met. */
  readonly newOptions: () => { readonly fieldId: string; readonly options: readonly SelectOption[] }[];
}

type Parse = (text: string) => CellParseResult;

interface ColumnPlan {
  readonly source: number;
  readonly field: Field;
  readonly parse: Parse;
  /** Options of a select field as the conversion knows them, growing as rows name new ones. */
  readonly options?: SelectOption[];
  readonly created?: SelectOption[];
}

function isBlank(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}

function storable(value: CellValue): JsonValue {
  return typeof value === 'object' && value !== null ? [...value] : value;
}

/** The value of a field the file does not fill: its default, with 'today'/'now' read at `now` in `timeZone`. */
function defaultOf(field: Field, now: number, timeZone: string): JsonValue | undefined {
  if (!('defaultValue' in field) || field.defaultValue === undefined) return undefined;
  if (field.kind === 'date') {
    const wall = wallMs(now, timeZone);
    return wall - (((wall % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY);
  }
  if (field.kind === 'dateTime') return now;
  const value = field.defaultValue;
  return Array.isArray(value) ? [...(value as readonly string[])] : value;
}

function planColumn(source: number, field: Field, context: ImportConversionContext): ColumnPlan {
  const parseContext: CellParseContext = { timeZone: context.timeZone };
  if (field.kind === 'text' && field.maxLength === undefined)
    return { source, field, parse: (text) => ({ ok: true, value: text.trim() === '' ? null : text }) };
  if (field.kind !== 'singleSelect' && field.kind !== 'multiSelect') {
    const fast = fastCellParser(field, context.timeZone);
    const parse: Parse = fast
      ? (text) => fast(text) ?? parseCellText(field, text, parseContext)
      : (text) => parseCellText(field, text, parseContext);
    return { source, field, parse };
  }
  const options = [...field.options];
  const pendingIds = new Map<string, string>();
  const working = { ...field, options };
  const selectContext: CellParseContext = {
    ...parseContext,
    createOptions: true,
    // One id per new name for the whole import, also when the row that named it first was skipped.
    newOptionId: (name) => {
      let id = pendingIds.get(name.toLowerCase());
      if (id === undefined) {
        id = context.newOptionId();
        pendingIds.set(name.toLowerCase(), id);
      }
      return id;
    },
  };
  return {
    source,
    field,
    options,
    created: [],
    parse: (text) => parseCellText(working, text, selectContext),
  };
}

/**
 * Starts converting file rows for the fields of `mapping`. `fieldsById` holds the table's fields and the new ones
 * (with their ids). Columns mapped to a missing or computed field, or skipped, are ignored.
 */
export function createImportConversion(
  fieldsById: ReadonlyMap<string, Field>,
  mapping: ResolvedMapping,
  context: ImportConversionContext,
): ImportConversion {
  const mapped = new Set<string>();
  const plans: ColumnPlan[] = [];
  for (const column of mapping.columns) {
    const field = fieldsById.get(column.fieldId);
    if (!field || COMPUTED_FIELD_KINDS.includes(field.kind)) continue;
    mapped.add(field.id);
    plans.push(planColumn(column.source, field, context));
  }
  const defaults: [string, JsonValue][] = [];
  for (const field of fieldsById.values()) {
    if (mapped.has(field.id) || COMPUTED_FIELD_KINDS.includes(field.kind)) continue;
    const value = defaultOf(field, context.now, context.timeZone);
    if (value !== undefined && value !== null) defaults.push([field.id, value]);
  }
  const expected = context.headers.length;
  const placeOf = (plan: ColumnPlan, row: number, text: string) => ({
    row,
    column: context.headers[plan.source] ?? '',
    field: plan.field.name,
    text,
  });

  const convert = (rows: readonly (readonly string[])[], firstRowNumber: number): ConvertedRows => {
    const values: Record<string, JsonValue>[] = [];
    const problems: ImportProblem[] = [];
    let skipped = 0;
    for (let index = 0; index < rows.length; index++) {
      const row = rows[index] ?? [];
      const rowNumber = firstRowNumber + index;
      if (row.every(isBlank)) continue; // Blank lines (a trailing newline) are no rows.
      const extra = row.length > expected && row.slice(expected).some((text) => !isBlank(text));
      if (row.length < expected || extra) {
        skipped++;
        problems.push({
          row: rowNumber,
          column: '',
          field: '',
          code: 'columnCount',
          params: { expected, actual: row.length },
          text: row.join(','),
          action: 'skipped',
        });
        continue;
      }
      const record: Record<string, JsonValue> = {};
      let rowProblems: Omit<ImportProblem, 'action'>[] | undefined;
      let skip = false;
      let named: { plan: ColumnPlan; options: readonly { id: string; name: string }[] }[] | undefined;
      for (const plan of plans) {
        const text = row[plan.source] ?? '';
        const result = plan.parse(text);
        if (!result.ok) {
          const { code, params } = result.problem;
          (rowProblems ??= []).push({ ...placeOf(plan, rowNumber, text), code, params });
          if (mapping.onBadValue === 'skipRow' || plan.field.required === true) skip = true;
          continue;
        }
        if (result.value === null) {
          if (plan.field.required === true) {
            (rowProblems ??= []).push({ ...placeOf(plan, rowNumber, text), code: 'required', params: {} });
            skip = true;
          }
          continue;
        }
        record[plan.field.id] = storable(result.value);
        if (result.newOptions) (named ??= []).push({ plan, options: result.newOptions });
      }
      const action = skip ? 'skipped' : 'emptied';
      for (const problem of rowProblems ?? []) problems.push({ ...problem, action });
      if (skip) {
        skipped++;
        continue;
      }
      // Options count as added only once a row that names them is imported.
      for (const { plan, options } of named ?? []) {
        for (const option of options) {
          if (!plan.options || plan.options.some((known) => known.id === option.id)) continue;
          const added: SelectOption = {
            id: option.id,
            name: option.name.slice(0, 200),
            color: optionColor(plan.options.length),
          };
          plan.options.push(added);
          plan.created?.push(added);
        }
      }
      for (const [fieldId, value] of defaults) record[fieldId] = value;
      values.push(record);
    }
    return { values, problems, skipped };
  };

  return {
    convert,
    newOptions: () =>
      plans.flatMap((plan) =>
        plan.created && plan.created.length > 0
          ? [{ fieldId: plan.field.id, options: [...plan.created] }]
          : [],
      ),
  };
}

/**
 * Converts `rows` (the file's data rows, the first of them at `firstRowNumber`) in one go: what
 * createImportConversion does chunk by chunk.
 */
export function convertImportRows(
  fieldsById: ReadonlyMap<string, Field>,
  mapping: ResolvedMapping,
  rows: readonly (readonly string[])[],
  firstRowNumber: number,
  context: ImportConversionContext,
): ConvertedRows & { readonly newOptions: ReturnType<ImportConversion['newOptions']> } {
  const conversion = createImportConversion(fieldsById, mapping, context);
  const converted = conversion.convert(rows, firstRowNumber);
  return { ...converted, newOptions: conversion.newOptions() };
}

/** Makes `name` differ from every name in `taken` by appending " 2", " 3"… (case-insensitive). */
export function uniqueFieldName(name: string, taken: Iterable<string>): string {
  const names = new Set([...taken].map((candidate) => candidate.toLowerCase()));
  if (!names.has(name.toLowerCase())) return name;
  for (let suffix = 2; ; suffix++) {
    const candidate = `${name.slice(0, 195)} ${suffix}`;
    if (!names.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * Gives the new fields of `mapping` ids (and fresh option ids, and names no existing field has) and returns the
 * mapping by field id. Columns mapped to a field that does not exist, or twice to one field, are left out.
 */
export function resolveMapping(
  mapping: ImportMapping,
  existing: readonly Field[],
  newId: () => string,
): { readonly mapping: ResolvedMapping; readonly newFields: Field[] } {
  const known = new Set(existing.map((field) => field.id));
  const names = existing.map((field) => field.name);
  const used = new Set<string>();
  const newFields: Field[] = [];
  const columns: { source: number; fieldId: string }[] = [];
  for (const column of mapping.columns) {
    const { target } = column;
    if (target.type === 'skip') continue;
    if (target.type === 'existing') {
      if (!known.has(target.fieldId) || used.has(target.fieldId)) continue;
      used.add(target.fieldId);
      columns.push({ source: column.source, fieldId: target.fieldId });
      continue;
    }
    const draft = target.field;
    const name = uniqueFieldName(draft.name, names);
    names.push(name);
    const field = {
      ...draft,
      id: newId(),
      name,
      ...('options' in draft ? { options: draft.options.map((option) => ({ ...option, id: newId() })) } : {}),
    } as Field;
    // A default naming a draft option id would point nowhere once options have fresh ids.
    if ('options' in field && 'defaultValue' in field)
      delete (field as { defaultValue?: unknown }).defaultValue;
    newFields.push(field);
    columns.push({ source: column.source, fieldId: field.id });
  }
  return { mapping: { columns, onBadValue: mapping.onBadValue }, newFields };
}
