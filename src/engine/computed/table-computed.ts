// The computed fields of a table (formula and tier) as one evaluation, shared by every writer: the page's edits,
// imports and the worker's whole-table recompute. Formulas read a record as people see it: a select as its option
// names, created and modified times from the record's envelope. One place decides this, so every path agrees.
import { err, ok, type Result } from '../../shared/result';
import {
  keyTypesOf,
  prepareTableEvaluation,
  type FieldProblem,
  type RecordChanges,
  type RecordRange,
  type TableEvaluationFailure,
  type TableFormula,
} from '../evaluate-table';
import type { FormulaEnv } from '../formula/values';
import { fieldReferences } from '../graph';
import type { JsonValue } from '../model/common';
import type { Field, TierField } from '../model/fields';

/** A tier's rules as one expression: {"if": [condition₁, label₁, …, fallback]} (the first rule that holds wins). */
export function tierExpression(field: Pick<TierField, 'rules' | 'fallback'>): JsonValue {
  if (field.rules.length === 0) return field.fallback.label;
  return { if: [...field.rules.flatMap((rule) => [rule.condition, rule.label]), field.fallback.label] };
}

function formulaOf(field: Field): TableFormula | undefined {
  if (field.kind === 'formula')
    return {
      id: field.id,
      name: field.name,
      expression: field.expression,
      ...(field.resultType !== undefined && field.resultType !== 'any'
        ? { resultType: field.resultType }
        : {}),
    };
  if (field.kind === 'tier')
    return { id: field.id, name: field.name, expression: tierExpression(field), resultType: 'text' };
  return undefined;
}

/**
 * The formula and tier fields to compute: all of them, or those in `fieldIds` plus every computed field that reads
 * them (directly or through others), so nothing downstream is left stale.
 */
export function computedFormulas(fields: readonly Field[], fieldIds?: readonly string[]): TableFormula[] {
  const formulas = fields.flatMap((field) => formulaOf(field) ?? []);
  if (fieldIds === undefined) return formulas;
  const wanted = new Set(fieldIds);
  const readers = formulas.map((formula) => ({ formula, reads: fieldReferences(formula.expression) }));
  for (let grew = true; grew;) {
    grew = false;
    for (const { formula, reads } of readers)
      if (!wanted.has(formula.id) && reads.some((fieldId) => wanted.has(fieldId))) {
        wanted.add(formula.id);
        grew = true;
      }
  }
  return formulas.filter((formula) => wanted.has(formula.id));
}

/** A record to compute: its values, and (for created/modified-time fields) its envelope. */
export interface ComputedRecord {
  readonly id: string;
  readonly values: Readonly<Record<string, unknown>>;
  readonly createdAt?: number;
  readonly updatedAt?: number;
}

export interface ComputedFields {
  /** Field ids in the order they are computed. */
  readonly order: readonly string[];
  /** Computes records[from, to) and returns those whose computed values differ from what they store. */
  readonly evaluateRange: (records: readonly ComputedRecord[], range: RecordRange) => RecordChanges[];
  readonly problems: () => FieldProblem[];
}

type InputReader = (record: ComputedRecord) => ComputedRecord;

/** How formulas see a record, or undefined when they read no select and no envelope time (the values as stored). */
function inputReader(fields: readonly Field[], read: ReadonlySet<string>): InputReader | undefined {
  const names = new Map<string, ReadonlyMap<string, string>>();
  const created: string[] = [];
  const modified: string[] = [];
  for (const field of fields) {
    if (!read.has(field.id)) continue;
    if (field.kind === 'singleSelect' || field.kind === 'multiSelect')
      names.set(field.id, new Map(field.options.map((option) => [option.id, option.name])));
    else if (field.kind === 'createdTime') created.push(field.id);
    else if (field.kind === 'lastModifiedTime') modified.push(field.id);
  }
  if (names.size === 0 && created.length === 0 && modified.length === 0) return undefined;
  const nameOf = (byId: ReadonlyMap<string, string>, id: unknown) =>
    typeof id === 'string' ? (byId.get(id) ?? id) : id;
  return (record) => {
    const values: Record<string, unknown> = { ...record.values };
    for (const [fieldId, byId] of names) {
      const value = values[fieldId];
      if (value === undefined || value === null) continue;
      values[fieldId] = Array.isArray(value) ? value.map((id) => nameOf(byId, id)) : nameOf(byId, value);
    }
    for (const fieldId of created) values[fieldId] = record.createdAt ?? null;
    for (const fieldId of modified) values[fieldId] = record.updatedAt ?? record.createdAt ?? null;
    return { id: record.id, values };
  };
}

/**
 * Orders and compiles the table's computed fields (or those of `fieldIds` and their readers) once, in `env`. Fails
 * only when they cannot be computed at all: a loop, or an unknown time zone.
 */
export function prepareComputedFields(
  fields: readonly Field[],
  env: FormulaEnv,
  fieldIds?: readonly string[],
): Result<ComputedFields, TableEvaluationFailure> {
  const formulas = computedFormulas(fields, fieldIds);
  const prepared = prepareTableEvaluation({ fields: formulas, keyTypes: keyTypesOf(fields), env });
  if (!prepared.ok) return err(prepared.error);
  const evaluation = prepared.value;
  const read = new Set(formulas.flatMap((formula) => fieldReferences(formula.expression)));
  const reader = inputReader(fields, read);
  if (!reader) return ok(evaluation);
  return ok({
    order: evaluation.order,
    problems: evaluation.problems,
    evaluateRange: (records, { from, to }) => {
      const end = Math.min(to, records.length);
      const start = Math.max(0, from);
      const inputs: ComputedRecord[] = [];
      for (let at = start; at < end; at++) {
        const record = records[at];
        if (record) inputs.push(reader(record));
      }
      return evaluation.evaluateRange(inputs, { from: 0, to: inputs.length });
    },
  });
}

/** Kinds whose values depend on their definition: changing one means recomputing the table. */
const DERIVED_KINDS: ReadonlySet<Field['kind']> = new Set(['formula', 'tier', 'lookup', 'rollup']);

/**
 * Whether going from `before` to `after` changes what computed fields compute: a derived field added, removed or
 * redefined, or any field's kind changed (formulas read values by kind).
 */
export function computedDefinitionsDiffer(before: readonly Field[], after: readonly Field[]): boolean {
  const derived = (fields: readonly Field[]) =>
    JSON.stringify(fields.filter((field) => DERIVED_KINDS.has(field.kind)));
  const kinds = (fields: readonly Field[]) => JSON.stringify(fields.map((field) => [field.id, field.kind]));
  return derived(before) !== derived(after) || kinds(before) !== kinds(after);
}
