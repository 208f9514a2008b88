// Computed values of new records (imported rows) before they are stored, through the table's one computed-field
// evaluation (engine/computed/table-computed.ts). Auto numbers are assigned by storage (they need its counters);
// lookups and rollups stay empty because imported rows link to nothing.
import { err, ok, type Result } from '../../shared/result';
import { prepareComputedFields } from '../computed/table-computed';
import type { FieldProblem, TableEvaluationFailure } from '../evaluate-table';
import type { Field, JsonValue } from '../model';

/** A new record's values and the instant it is created at (also its last modification). */
export interface NewRecordDraft {
  readonly values: Record<string, JsonValue>;
  readonly createdAt: number;
}

/**
 * Fills in the formula and tier values of `drafts` (in place) as of `now` in `timeZone`. Fails only when the table's
 * formulas cannot be evaluated at all (a loop, an unknown zone); a formula that fails on a record leaves it blank and
 * is reported among the problems.
 */
export function fillComputedValues(
  fields: readonly Field[],
  drafts: readonly NewRecordDraft[],
  env: { readonly now: number; readonly timeZone: string },
): Result<readonly FieldProblem[], TableEvaluationFailure> {
  if (drafts.length === 0) return ok([]);
  const { now } = env;
  const prepared = prepareComputedFields(fields, { now: () => now, timeZone: env.timeZone });
  if (!prepared.ok) return err(prepared.error);
  if (prepared.value.order.length === 0) return ok([]);
  const records = drafts.map((draft, index) => ({
    id: String(index),
    values: draft.values,
    createdAt: draft.createdAt,
    updatedAt: draft.createdAt,
  }));
  for (const { id, changes } of prepared.value.evaluateRange(records, { from: 0, to: records.length })) {
    const draft = drafts[Number(id)];
    if (draft) Object.assign(draft.values, changes);
  }
  return ok(prepared.value.problems());
}
