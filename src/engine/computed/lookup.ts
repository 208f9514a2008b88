// Lookups and rollups: values of the records a link field points at, shown on the linking record (the orders' amounts
// on the customer) or summarized into one value (order count, total spend, latest purchase). Pure: callers read the
// linked records (storage in one transaction, the table worker from whole-table scans) and pass them in.
//
// Order of computation in a record: lookups and rollups first (they read only other tables' records and this record's
// link fields), then formulas and tiers (which may read lookups and rollups). A lookup of a formula of the linked
// table reads that formula's stored value. Loops through links (A looks up B's rollup of A's lookup…) are not resolved.
import { sameValue } from '../graph';
import { isStoredError } from '../query/values';
import { compileFilter } from '../query/filter';
import { truthy } from '../logic';
import { prepareComputedFields, type ComputedRecord } from './table-computed';
import type { RecordChanges } from '../evaluate-table';
import type { JsonValue } from '../model/common';
import type { Field, LookupField, RollupField } from '../model/fields';
import type { Table } from '../model/table';
import { FilterGroupSchema } from '../model/view';

/** The clock and zones lookups need: rollup filters may say "today" or call TODAY(). */
export interface LookupEnv {
  /** Epoch ms that TODAY()/NOW() and "today" in a filter condition read. */
  readonly now: number;
  readonly timeZone: string;
  /** Orders text in filter conditions; the platform's default when absent. */
  readonly collator?: Intl.Collator;
}

/** A linked record as lookups read it: its values, and its envelope for created/modified-time fields. */
export type LinkedRecord = ComputedRecord;

/** The record ids a link field value holds (an array of ids; anything else holds none). Duplicates are dropped. */
export function linkedIds(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return [...new Set(value.filter((id): id is string => typeof id === 'string'))];
}

/** The value of `field` on a linked record: created/modified times come from its envelope, as formulas read them. */
function readValue(field: Field, record: LinkedRecord): unknown {
  if (field.kind === 'createdTime') return record.createdAt ?? null;
  if (field.kind === 'lastModifiedTime') return record.updatedAt ?? record.createdAt ?? null;
  return record.values[field.id];
}

function isBlankValue(value: unknown): boolean {
  return (
    value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
  );
}

/** Values of `field` on the records, lists spread into one list, blanks left out. */
function flatValues(field: Field, records: readonly LinkedRecord[]): JsonValue[] {
  const values: JsonValue[] = [];
  for (const record of records) {
    const value = readValue(field, record);
    if (Array.isArray(value)) {
      for (const item of value as JsonValue[]) if (!isBlankValue(item)) values.push(item);
    } else if (!isBlankValue(value)) values.push(value as JsonValue);
  }
  return values;
}

const FILTER_ERROR: JsonValue = { error: '#VALUE!' };

/** Key of the formula that stands for a rollup's formula filter; no field id can contain a NUL character. */
const FILTER_KEY = '\u0000rollupFilter';

type RecordFilter = (record: LinkedRecord) => boolean;

/**
 * Compiles a rollup's filter over the linked table: a FilterGroup (the condition builder of views) runs as a view's
 * filter does; any other JSON is a formula (JSONLogic over the linked table's field ids, as the designer stores it),
 * evaluated as the linked table's formulas are (selects read as option names) and true when truthy. Undefined: no
 * filter. 'broken': the formula does not compile, so the rollup cannot be computed.
 */
function compileRollupFilter(
  filter: JsonValue | undefined,
  target: Table,
  env: LookupEnv,
): RecordFilter | undefined | 'broken' {
  if (filter === undefined || filter === null) return undefined;
  const group = FilterGroupSchema.safeParse(filter);
  if (group.success) {
    const fieldsById = new Map(target.fields.map((field) => [field.id, field]));
    const compiled = compileFilter(group.data, fieldsById, {
      now: env.now,
      timeZone: env.timeZone,
      collator: env.collator ?? new Intl.Collator(undefined, { numeric: true }),
    });
    if (!compiled.active) return undefined;
    const envelopes = target.fields.filter(
      (field) => field.kind === 'createdTime' || field.kind === 'lastModifiedTime',
    );
    return (record) => {
      if (envelopes.length === 0) return compiled.test(record.values);
      const values: Record<string, unknown> = { ...record.values };
      for (const field of envelopes) values[field.id] = readValue(field, record);
      return compiled.test(values);
    };
  }
  // The filter as one more formula of the linked table, computed alone: the same reading of selects, dates and stored
  // errors as every formula there, without a second implementation of it.
  const formula: Field = { id: FILTER_KEY, name: 'filter', kind: 'formula', expression: filter };
  const prepared = prepareComputedFields(
    [...target.fields, formula],
    { now: () => env.now, timeZone: env.timeZone },
    [FILTER_KEY],
  );
  if (!prepared.ok) return 'broken';
  const evaluation = prepared.value;
  if (evaluation.problems().some((problem) => problem.phase === 'compile')) return 'broken';
  return (record) => {
    // Only values that differ from the stored (absent) one come back: absent means blank, which is false.
    const result = evaluation.evaluateRange([record], { from: 0, to: 1 })[0]?.changes[FILTER_KEY];
    return result !== undefined && !isStoredError(result) && truthy(result);
  };
}

function firstError(values: readonly JsonValue[]): JsonValue | undefined {
  return values.find((value) => isStoredError(value));
}

function numbers(values: readonly JsonValue[]): number[] {
  return values.filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
}

/**
 * A rollup's value over the linked records (already filtered). count: how many records (with a target field: how many
 * have a value there). sum/average/min/max/earliest/latest over the numbers among the values (dates are epoch ms, so
 * earliest/latest are min/max on them); a stored formula error among the values is the result, as in a spreadsheet.
 * Without values: sum 0, the others blank.
 */
function aggregate(
  field: RollupField,
  target: Field | undefined,
  records: readonly LinkedRecord[],
): JsonValue {
  if (field.aggregate === 'count') {
    if (target === undefined) return records.length;
    return records.filter((record) => !isBlankValue(readValue(target, record))).length;
  }
  if (target === undefined) return null;
  const values = flatValues(target, records);
  const error = firstError(values);
  if (error !== undefined) return error;
  const found = numbers(values);
  switch (field.aggregate) {
    case 'sum':
      return found.reduce((total, value) => total + value, 0);
    case 'average':
      return found.length === 0 ? null : found.reduce((total, value) => total + value, 0) / found.length;
    case 'min':
    case 'earliest':
      // A loop, not Math.min(...found): a record may link to more records than a call takes arguments.
      return found.length === 0 ? null : found.reduce((low, value) => (value < low ? value : low));
    case 'max':
    case 'latest':
      return found.length === 0 ? null : found.reduce((high, value) => (value > high ? value : high));
  }
}

/** One lookup or rollup, compiled: its value from the records its link points at. */
interface LookupStep {
  readonly fieldId: string;
  readonly linkFieldId: string;
  readonly compute: (linked: readonly LinkedRecord[]) => JsonValue;
}

export interface PreparedLookups {
  /** The lookup and rollup fields computed, in table order. */
  readonly fieldIds: readonly string[];
  /** The link fields they read through (each once). */
  readonly linkFieldIds: readonly string[];
  /**
   * The lookup and rollup values of one record whose stored values differ. `linked(linkFieldId)` gives the records
   * the link points at, in the link's order; ids it cannot find are simply not linked records.
   */
  readonly compute: (
    record: Pick<LinkedRecord, 'values'>,
    linked: (linkFieldId: string) => readonly LinkedRecord[],
  ) => Record<string, JsonValue>;
}

function lookupStep(field: LookupField, target: Table): LookupStep | undefined {
  const targetField = target.fields.find((candidate) => candidate.id === field.targetFieldId);
  if (targetField === undefined) return undefined;
  return {
    fieldId: field.id,
    linkFieldId: field.linkFieldId,
    compute: (linked) => {
      const values = flatValues(targetField, linked);
      return values.length === 0 ? null : values;
    },
  };
}

function rollupStep(field: RollupField, target: Table, env: LookupEnv): LookupStep {
  const targetField =
    field.targetFieldId === undefined
      ? undefined
      : target.fields.find((candidate) => candidate.id === field.targetFieldId);
  const filter = compileRollupFilter(field.filter, target, env);
  const missingTarget = field.aggregate !== 'count' && targetField === undefined;
  return {
    fieldId: field.id,
    linkFieldId: field.linkFieldId,
    compute: (linked) => {
      if (filter === 'broken' || missingTarget) return FILTER_ERROR;
      return aggregate(field, targetField, filter === undefined ? linked : linked.filter(filter));
    },
  };
}

/**
 * Compiles the lookup and rollup fields of `table` once. `targetTables` are the tables its links point at (the table
 * itself for a link to its own records); a field whose link or target table is unknown is left out (not computed).
 */
export function prepareLookups(table: Table, targetTables: Iterable<Table>, env: LookupEnv): PreparedLookups {
  const tables = new Map<string, Table>([[table.id, table]]);
  for (const target of targetTables) tables.set(target.id, target);
  const steps: LookupStep[] = [];
  for (const field of table.fields) {
    if (field.kind !== 'lookup' && field.kind !== 'rollup') continue;
    const link = table.fields.find((candidate) => candidate.id === field.linkFieldId);
    if (link?.kind !== 'link') continue;
    const target = tables.get(link.targetTableId);
    if (target === undefined) continue;
    const step = field.kind === 'lookup' ? lookupStep(field, target) : rollupStep(field, target, env);
    if (step) steps.push(step);
  }
  return {
    fieldIds: steps.map((step) => step.fieldId),
    linkFieldIds: [...new Set(steps.map((step) => step.linkFieldId))],
    compute: (record, linked) => {
      const changes: Record<string, JsonValue> = {};
      for (const step of steps) {
        const value = step.compute(linked(step.linkFieldId));
        // A blank result and an absent value are the same: nothing to write.
        if (sameValue(value, record.values[step.fieldId] ?? null)) continue;
        changes[step.fieldId] = value;
      }
      return changes;
    },
  };
}

/** The ids a record's link field holds, as records found in `byId` (ids not found are skipped). */
export function resolveLinked(
  ids: unknown,
  byId: ReadonlyMap<string, LinkedRecord> | undefined,
): LinkedRecord[] {
  if (byId === undefined) return [];
  return linkedIds(ids).flatMap((id) => {
    const found = byId.get(id);
    return found ? [found] : [];
  });
}

/**
 * The lookup and rollup values of one record that differ from what it stores. `linkedRecordsByField` gives, per link
 * field id, the records it points at (a link field absent from the map links nothing).
 */
export function computeLookups(
  table: Table,
  record: Pick<LinkedRecord, 'values'>,
  linkedRecordsByField: ReadonlyMap<string, readonly LinkedRecord[]>,
  targetTables: Iterable<Table>,
  env: LookupEnv,
): Record<string, JsonValue> {
  return prepareLookups(table, targetTables, env).compute(
    record,
    (linkFieldId) => linkedRecordsByField.get(linkFieldId) ?? [],
  );
}

/**
 * Lookups and rollups over every record of a table (the table worker's recompute). `targetRecordsById` holds, per
 * target table id, its live records by id. Returns the records whose values changed, in input order.
 */
export function recomputeLookupColumn(
  table: Table,
  records: readonly Pick<LinkedRecord, 'id' | 'values'>[],
  targetRecordsById: ReadonlyMap<string, ReadonlyMap<string, LinkedRecord>>,
  targetTables: Iterable<Table>,
  env: LookupEnv,
): RecordChanges[] {
  const prepared = prepareLookups(table, targetTables, env);
  if (prepared.fieldIds.length === 0) return [];
  const targetOf = new Map<string, string>();
  for (const field of table.fields) if (field.kind === 'link') targetOf.set(field.id, field.targetTableId);
  const changes: RecordChanges[] = [];
  for (const record of records) {
    const changed = prepared.compute(record, (linkFieldId) => {
      const targetTableId = targetOf.get(linkFieldId);
      return resolveLinked(
        record.values[linkFieldId],
        targetTableId === undefined ? undefined : targetRecordsById.get(targetTableId),
      );
    });
    if (Object.keys(changed).length > 0) changes.push({ id: record.id, changes: changed });
  }
  return changes;
}

/** The lookup and rollup fields of a table. */
export function lookupFieldsOf(table: Pick<Table, 'fields'>): (LookupField | RollupField)[] {
  return table.fields.filter(
    (field): field is LookupField | RollupField => field.kind === 'lookup' || field.kind === 'rollup',
  );
}

/** The tables the lookups and rollups of `table` read (through their link fields), each once. */
export function lookupTargetTableIds(table: Pick<Table, 'fields'>): string[] {
  const ids = new Set<string>();
  for (const field of lookupFieldsOf(table)) {
    const link = table.fields.find((candidate) => candidate.id === field.linkFieldId);
    if (link?.kind === 'link') ids.add(link.targetTableId);
  }
  return [...ids];
}
