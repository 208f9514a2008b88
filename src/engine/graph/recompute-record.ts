// Recomputes one record's computed fields after some of its values changed: only the affected ones, in dependency
// order, each seeing the results before it. Pure: the input values are never changed; only new values come back.
import type { RecordPlanStep } from './dependency-graph';

/** Values of one record by field id. */
export type RecordValues = Readonly<Record<string, unknown>>;

/** A step of `DependencyGraph.recordPlan` with the compiled field attached. */
export interface RecordStep extends RecordPlanStep {
  /**
   * Computes the field from the record's values, already updated by the steps before it. The object has no prototype
   * and is reused between steps: read it, never keep it.
   */
  readonly evaluate: (values: RecordValues) => unknown;
}

/** Same value for change detection: identical primitives (NaN equals NaN), equal Dates, or equal arrays / plain objects. */
export function sameValue(left: unknown, right: unknown): boolean {
  const pairs: [unknown, unknown][] = [[left, right]];
  for (let pair = pairs.pop(); pair !== undefined; pair = pairs.pop()) {
    const [a, b] = pair;
    if (Object.is(a, b)) continue;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
    if (a instanceof Date || b instanceof Date) {
      if (!(a instanceof Date && b instanceof Date && Object.is(a.getTime(), b.getTime()))) return false;
      continue;
    }
    if (Array.isArray(a) || Array.isArray(b)) {
      if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
      a.forEach((item: unknown, at) => pairs.push([item, (b as unknown[])[at]]));
      continue;
    }
    const prototype = Object.getPrototypeOf(a) as unknown;
    if (prototype !== Object.getPrototypeOf(b) || (prototype !== Object.prototype && prototype !== null))
      return false;
    const aKeys = Object.keys(a);
    if (aKeys.length !== Object.keys(b).length) return false;
    for (const key of aKeys) {
      if (!Object.hasOwn(b, key)) return false;
      pairs.push([(a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]]);
    }
  }
  return true;
}

function readsAny(reads: readonly string[], changed: ReadonlySet<string>): boolean {
  for (const fieldId of reads) if (changed.has(fieldId)) return true;
  return false;
}

/**
 * Evaluates the steps (a table's `recordPlan`, in its order) that read a changed field, directly or through another
 * recomputed field, and returns the computed values that differ from `values`. A result equal to the stored value does
 * not count as a change, so fields reading it are left alone.
 *
 * @param changedFieldIds the record's changed fields, or 'all' to evaluate every step (a new record, a changed formula).
 * @param stale computed fields to evaluate even though none of their same-record inputs changed: lookups and rollups
 *   whose linked records changed (found with `DependencyGraph.crossTable`).
 */
export function recomputeRecord(
  steps: readonly RecordStep[],
  values: RecordValues,
  changedFieldIds: readonly string[] | 'all',
  stale: readonly string[] = [],
): Record<string, unknown> {
  const everything = changedFieldIds === 'all';
  const changed = new Set(everything ? [] : changedFieldIds);
  const forced = new Set(stale);
  // Without a prototype, field ids such as "constructor" or "__proto__" are plain keys for reading and writing.
  const current = Object.assign(Object.create(null) as Record<string, unknown>, values);
  const results: [string, unknown][] = [];
  for (const step of steps) {
    if (!everything && !forced.has(step.fieldId) && !readsAny(step.reads, changed)) continue;
    const value = step.evaluate(current);
    if (sameValue(value, current[step.fieldId])) continue;
    current[step.fieldId] = value;
    results.push([step.fieldId, value]);
    changed.add(step.fieldId);
  }
  return Object.fromEntries(results);
}
