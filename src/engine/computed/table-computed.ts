// The computed fields of a table as one list of expressions for whole-table and per-record evaluation: formula fields
// as stored, tier fields as the if-chain their rules stand for (first matching rule's label, else the fallback).
import { keyTypesOf, prepareTableEvaluation, type TableEvaluation, type TableEvaluationFailure } from '../evaluate-table';
import type { TableFormula } from '../evaluate-table';
import type { FormulaEnv } from '../formula/values';
import type { JsonValue } from '../model/common';
import type { Field, TierField } from '../model/fields';
import type { Result } from '../../shared/result';

/** A tier's rules as one expression: {"if": [condition₁, label₁, condition₂, label₂, …, fallback]}. */
export function tierExpression(field: Pick<TierField, 'rules' | 'fallback'>): JsonValue {
  if (field.rules.length === 0) return field.fallback.label;
  return { if: [...field.rules.flatMap((rule) => [rule.condition, rule.label]), field.fallback.label] };
}

/** The table's formula and tier fields as expressions over its field ids. */
export function computedFormulasOf(fields: readonly Field[]): TableFormula[] {
  const formulas: TableFormula[] = [];
  for (const field of fields) {
    if (field.kind === 'formula')
      formulas.push({
        id: field.id,
        name: field.name,
        expression: field.expression,
        resultType: field.resultType === 'any' ? undefined : field.resultType,
      });
    else if (field.kind === 'tier')
      formulas.push({ id: field.id, name: field.name, expression: tierExpression(field), resultType: 'text' });
  }
  return formulas;
}

/** Prepares the evaluation of a table's formula and tier fields (ordered, compiled once) in `env`. */
export function prepareComputedFields(
  fields: readonly Field[],
  env: FormulaEnv,
): Result<TableEvaluation, TableEvaluationFailure> {
  return prepareTableEvaluation({ fields: computedFormulasOf(fields), keyTypes: keyTypesOf(fields), env });
}
