// Saving a formula field: compile its text against the table's fields and refuse it when it would close a loop of
// formulas (Score → Tier → Score), naming the loop. What the table designer calls before it stores a definition.
import { checkComputedField, describeCycle, fieldReferences } from '../graph';
import type { ComputedField } from '../graph';
import type { Field, Table } from '../model';
import { compileFormula } from './compile-formula';
import type { CompiledFormula, FormulaOptions } from './compile-formula';
import type { FieldInfo } from './fields';
import { FormulaError } from './formula-error';

function computedField(table: Table, field: Field): ComputedField | undefined {
  if (field.kind !== 'formula') return undefined;
  return {
    tableId: table.id,
    fieldId: field.id,
    name: field.name,
    dependsOn: fieldReferences(field.expression).map((fieldId) => ({ tableId: table.id, fieldId })),
  };
}

/** A field as the formula compiler sees it: its name, kind and, for computed kinds, what they yield. */
export function fieldInfo(field: Field): FieldInfo {
  const info = { id: field.id, name: field.name, kind: field.kind };
  if (field.kind === 'formula' && field.resultType) return { ...info, resultType: field.resultType };
  if (field.kind === 'rollup') return { ...info, aggregate: field.aggregate };
  return info;
}

/** The table's fields as the formula compiler sees them. */
export function fieldInfos(table: Table): FieldInfo[] {
  return table.fields.map(fieldInfo);
}

/**
 * Compiles `source` as the formula of field `fieldId` (existing or about to be added under `name`) of `table`.
 * Throws FormulaError: the compiler's errors, or 'cycle' with `{ cycle: "Score → Tier → Score" }`.
 */
export function compileFormulaField(
  table: Table,
  field: { readonly id: string; readonly name: string },
  source: string,
  options?: FormulaOptions,
): CompiledFormula {
  const infos = fieldInfos(table);
  if (!infos.some((info) => info.id === field.id))
    infos.push({ id: field.id, name: field.name, kind: 'formula' });
  const compiled = compileFormula(source, infos, options);
  const existing = table.fields.flatMap((candidate) => computedField(table, candidate) ?? []);
  const cycle = checkComputedField(existing, {
    tableId: table.id,
    fieldId: field.id,
    name: field.name,
    dependsOn: compiled.dependencies.map((fieldId) => ({ tableId: table.id, fieldId })),
  });
  if (cycle) throw new FormulaError('cycle', 0, source.length, { cycle: describeCycle(cycle) });
  return compiled;
}
