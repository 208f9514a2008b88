// Whole-table evaluation of a table's formula fields, in dependency order and in chunks of records, with results
// materialized as storable JSON. Pure: the Web Worker (workers/) and the page (runtime/) drive it and share its messages.
import { err, ok, type Result } from '../shared/result';
import { keyTypeOf } from './formula/fields';
import { fieldInfo } from './formula/formula-field';
import { isValidTimeZone } from './formula/time-zone';
import { ERROR_VALUES, ErrorValue } from './formula/values';
import type { ErrorCode, FormulaEnv, KeyType, ValueType } from './formula/values';
import { buildDependencyGraph, describeCycle, fieldReferences, sameValue } from './graph';
import type { ComputedField } from './graph';
import { compileRule, LogicError } from './logic';
import type { LogicErrorCode, LogicLimits } from './logic';
import type { JsonValue } from './model/common';
import type { Field } from './model/fields';

/** A formula field to compute: the shape of a stored `FormulaField`, so a table's formula fields can be passed as is. */
export interface TableFormula {
  readonly id: string;
  /** For messages (a cycle is named by field names); the id stands in when absent. */
  readonly name?: string | undefined;
  /** JSONLogic-compatible JSON whose `var` keys are field ids of the same table. */
  readonly expression: unknown;
  /** A 'date' result is read back as a date by the formulas that use it. */
  readonly resultType?: ValueType | undefined;
}

/** A record as stored: values by field id; dates are epoch ms, computed values are materialized (see toStoredValue). */
export interface TableRecord {
  readonly id: string;
  readonly values: Readonly<Record<string, unknown>>;
}

/** The formula values of one record that differ from what it stores: only these need writing. */
export interface RecordChanges {
  readonly id: string;
  readonly changes: Readonly<Record<string, JsonValue>>;
}

/**
 * A formula that could not be computed (a LogicError), reported once per field however many records hit it.
 * 'compile': the expression itself is bad, so the field was not computed for any record. 'run': evaluating it failed
 * on some records (too much work, data nested too deeply); the others were computed. Either way the records that failed
 * keep their stored value, and formulas reading the field read that value.
 */
export interface FieldProblem {
  readonly fieldId: string;
  readonly phase: 'compile' | 'run';
  readonly code: LogicErrorCode;
  /** For developers; people read a message built from `code` and `params` through the catalogs. */
  readonly message: string;
  readonly params: Readonly<Record<string, string | number>>;
  /** How many records failed (0 for 'compile'). */
  readonly recordCount: number;
  /** The first record that failed ('run' only). */
  readonly recordId?: string;
}

/** Why a table cannot be evaluated at all: formulas that read each other in a loop, or an unknown time zone. */
export type TableEvaluationFailure =
  | {
      readonly kind: 'cycle';
      /** The loop by field id, its first field repeated at the end. */
      readonly fieldIds: readonly string[];
      /** "Score → Tier → Score", by field names. */
      readonly cycle: string;
      readonly message: string;
    }
  | { readonly kind: 'timeZone'; readonly timeZone: string; readonly message: string };

export interface TableEvaluationRequest {
  /** The formula fields to compute; fields they read that are not listed here are read as stored. */
  readonly fields: readonly TableFormula[];
  /** How the other fields the formulas read are stored: 'date' is floating epoch ms, 'instant' a moment (see keyTypesOf). */
  readonly keyTypes: Readonly<Record<string, KeyType>>;
  /** IANA time zone that TODAY() and NOW() are read in. */
  readonly timeZone: string;
  /** The instant (epoch ms) TODAY() and NOW() see, the same for every record of one evaluation. */
  readonly now: number;
  readonly records: readonly TableRecord[];
}

export interface TableEvaluationResult {
  /** Records with at least one changed formula value, in input order. */
  readonly changes: readonly RecordChanges[];
  readonly errors: readonly FieldProblem[];
}

/** A half-open range of record positions, [from, to). */
export interface RecordRange {
  readonly from: number;
  readonly to: number;
}

export interface TableEvaluation {
  /** Formula field ids in the order they are computed: every formula after the formulas it reads. */
  readonly order: readonly string[];
  /** Computes records[from, to) and returns those whose formula values changed; call chunk by chunk. */
  readonly evaluateRange: (records: readonly TableRecord[], range: RecordRange) => RecordChanges[];
  /** Problems so far: compile problems from the start, run problems as records meet them. */
  readonly problems: () => FieldProblem[];
}

export interface TableEvaluationOptions {
  readonly fields: readonly TableFormula[];
  readonly keyTypes?: Readonly<Record<string, KeyType>>;
  readonly env: FormulaEnv;
  readonly limits?: Partial<LogicLimits>;
}

// Messages between the page (runtime/table-evaluator.ts) and the worker (workers/evaluate.worker.ts). They live here
// because runtime/ may not import workers/; both import the engine.

export type ToEvaluateWorker =
  | ({ readonly type: 'evaluate'; readonly jobId: number } & TableEvaluationRequest)
  | { readonly type: 'cancel'; readonly jobId: number };

export type FromEvaluateWorker =
  | { readonly type: 'progress'; readonly jobId: number; readonly done: number; readonly total: number }
  | ({ readonly type: 'result'; readonly jobId: number } & TableEvaluationResult)
  | { readonly type: 'cancelled'; readonly jobId: number }
  | {
      readonly type: 'failed';
      readonly jobId: number;
      readonly message: string;
      /** Present when the table cannot be evaluated as defined (rather than the worker failing). */
      readonly reason?: TableEvaluationFailure;
    };

/** Deeper arrays and objects in a result are stored as #VALUE! instead of being copied (formulas build no such thing). */
const MAX_STORED_DEPTH = 64;

const ERROR_BY_CODE: ReadonlyMap<string, ErrorValue> = new Map(
  ERROR_VALUES.map((value) => [value.code, value]),
);

function storedError(code: ErrorCode): JsonValue {
  return { error: code };
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

function toStored(value: unknown, depth: number): JsonValue {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      // JSON has no NaN or ±Infinity; +0 also replaces −0, which JSON would print as 0 anyway.
      return Number.isFinite(value) ? value + 0 : storedError('#NUM!');
    case 'undefined':
      return null;
    case 'object': {
      if (value === null) return null;
      if (value instanceof ErrorValue) return storedError(value.code);
      if (value instanceof Date) {
        const time = value.getTime();
        return Number.isFinite(time) ? time : storedError('#VALUE!');
      }
      if (depth >= MAX_STORED_DEPTH) return storedError('#VALUE!');
      if (Array.isArray(value))
        return Array.from(value as readonly unknown[], (item) => toStored(item, depth + 1));
      if (!isPlainObject(value)) return storedError('#VALUE!');
      // fromEntries defines own properties, so a key "__proto__" stays a plain key.
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toStored(item, depth + 1)]));
    }
    default:
      return storedError('#VALUE!'); // bigint, symbol, function: nothing a formula returns
  }
}

/**
 * A formula result as it is stored: Dates become epoch ms (their floating wall-clock time, see values.ts),
 * ErrorValues become `{ "error": "#DIV/0!" }`, NaN and ±Infinity become #NUM!, undefined becomes null.
 */
export function toStoredValue(value: unknown): JsonValue {
  return toStored(value, 0);
}

/** The ErrorValue a stored `{ "error": code }` stands for, or undefined for any other value. */
export function storedErrorValue(value: unknown): ErrorValue | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !isPlainObject(value))
    return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1 || keys[0] !== 'error') return undefined;
  const code = value.error;
  return typeof code === 'string' ? ERROR_BY_CODE.get(code) : undefined;
}

/** The static type of each field's stored value, for `TableEvaluationRequest.keyTypes`. */
export function keyTypesOf(fields: readonly Field[]): Record<string, KeyType> {
  return Object.fromEntries(fields.map((field) => [field.id, keyTypeOf(fieldInfo(field))]));
}

interface Step {
  readonly fieldId: string;
  /** Undefined when the expression did not compile: the stored value stands. */
  readonly evaluate: ((data: unknown) => unknown) | undefined;
}

interface RunProblem {
  readonly error: LogicError;
  readonly recordId: string;
  recordCount: number;
}

function problemOf(fieldId: string, error: LogicError, run?: RunProblem): FieldProblem {
  const base = { fieldId, code: error.code, message: error.message, params: error.params };
  return run
    ? { ...base, phase: 'run', recordCount: run.recordCount, recordId: run.recordId }
    : { ...base, phase: 'compile', recordCount: 0 };
}

/**
 * Orders and compiles the formulas once. A loop among them, or an unknown time zone, is returned as a failure; a
 * formula that does not compile becomes a 'compile' problem and the others are still computed.
 */
export function prepareTableEvaluation(
  options: TableEvaluationOptions,
): Result<TableEvaluation, TableEvaluationFailure> {
  const { fields, env } = options;
  if (!isValidTimeZone(env.timeZone))
    return err({
      kind: 'timeZone',
      timeZone: env.timeZone,
      message: `Unknown time zone "${env.timeZone}"`,
    });

  const TABLE = 'table'; // The graph names fields by table; everything here is one table.
  const computed: ComputedField[] = fields.map((field) => ({
    tableId: TABLE,
    fieldId: field.id,
    name: field.name ?? field.id,
    dependsOn: fieldReferences(field.expression).map((fieldId) => ({ tableId: TABLE, fieldId })),
  }));
  const graph = buildDependencyGraph(computed);
  if (!graph.ok) {
    const cycle = describeCycle(graph.error);
    return err({
      kind: 'cycle',
      fieldIds: graph.error.fields.map((field) => field.fieldId),
      cycle,
      message: `These formulas read each other in a loop: ${cycle}`,
    });
  }

  const keyTypes = new Map<string, KeyType>(Object.entries(options.keyTypes ?? {}));
  const byId = new Map<string, TableFormula>();
  for (const field of fields) {
    if (byId.has(field.id)) continue; // As in the graph, the first definition of an id wins.
    byId.set(field.id, field);
    if (field.resultType !== undefined) keyTypes.set(field.id, field.resultType);
  }

  const compileProblems: FieldProblem[] = [];
  const steps: Step[] = graph.value.order.map(({ fieldId }) => {
    const field = byId.get(fieldId);
    try {
      const compiled = compileRule(field?.expression ?? null, {
        env,
        keyTypes,
        ...(options.limits ? { limits: options.limits } : {}),
      });
      return { fieldId, evaluate: compiled.evaluate };
    } catch (error) {
      if (!(error instanceof LogicError)) throw error;
      compileProblems.push(problemOf(fieldId, error));
      return { fieldId, evaluate: undefined };
    }
  });

  // Stored values read as input may be materialized errors; formulas must see them as ErrorValues again. A formula
  // that computes is evaluated before its readers, so only the fields it does not compute need reviving.
  const computedIds = new Set(
    steps.filter((step) => step.evaluate !== undefined).map((step) => step.fieldId),
  );
  const revived = [...new Set(computed.flatMap((field) => field.dependsOn.map((dep) => dep.fieldId)))].filter(
    (fieldId) => !computedIds.has(fieldId),
  );

  const runProblems = new Map<string, RunProblem>();

  const evaluateRecord = (record: TableRecord): RecordChanges | undefined => {
    const stored = record.values;
    // No prototype: field ids such as "__proto__" are plain keys for reading and writing.
    const current = Object.assign(Object.create(null) as Record<string, unknown>, stored);
    for (const fieldId of revived) {
      const error = storedErrorValue(current[fieldId]);
      if (error) current[fieldId] = error;
    }
    let changes: Record<string, JsonValue> | undefined;
    for (const { fieldId, evaluate } of steps) {
      if (evaluate === undefined) continue;
      let value: unknown;
      try {
        value = evaluate(current);
      } catch (error) {
        if (!(error instanceof LogicError)) throw error;
        const seen = runProblems.get(fieldId);
        if (seen) seen.recordCount++;
        else runProblems.set(fieldId, { error, recordId: record.id, recordCount: 1 });
        const kept = current[fieldId];
        current[fieldId] = storedErrorValue(kept) ?? kept;
        continue;
      }
      current[fieldId] = value;
      const materialized = toStoredValue(value);
      // A blank result and an absent value are the same: nothing to write.
      if (sameValue(materialized, stored[fieldId] ?? null)) continue;
      changes ??= Object.create(null) as Record<string, JsonValue>;
      changes[fieldId] = materialized;
    }
    // A plain object again, so the changes survive structured cloning and JSON with every key.
    return changes ? { id: record.id, changes: Object.fromEntries(Object.entries(changes)) } : undefined;
  };

  return ok({
    order: steps.map((step) => step.fieldId),
    evaluateRange: (records, { from, to }) => {
      const results: RecordChanges[] = [];
      const end = Math.min(to, records.length);
      for (let at = Math.max(0, from); at < end; at++) {
        const record = records[at];
        if (record === undefined) continue;
        const changed = evaluateRecord(record);
        if (changed) results.push(changed);
      }
      return results;
    },
    problems: () => [
      ...compileProblems,
      ...[...runProblems].map(([fieldId, run]) => problemOf(fieldId, run.error, run)),
    ],
  });
}

/** The clock and zone of a request: one fixed instant for the whole evaluation. */
export function requestEnv(request: Pick<TableEvaluationRequest, 'now' | 'timeZone'>): FormulaEnv {
  const now = request.now;
  return { now: () => now, timeZone: request.timeZone };
}

/** Evaluates a whole table at once: for tests and small tables; big ones go chunk by chunk through the worker. */
export function evaluateTable(
  request: TableEvaluationRequest,
  limits?: Partial<LogicLimits>,
): Result<TableEvaluationResult, TableEvaluationFailure> {
  const prepared = prepareTableEvaluation({
    fields: request.fields,
    keyTypes: request.keyTypes,
    env: requestEnv(request),
    ...(limits ? { limits } : {}),
  });
  if (!prepared.ok) return prepared;
  const changes = prepared.value.evaluateRange(request.records, { from: 0, to: request.records.length });
  return ok({ changes, errors: prepared.value.problems() });
}
