// Default values of a new record's blank cells (the designer's "default value": fixed, "now", or a formula over the
// record's other values). Applied once, when a record is created; a person can change the value afterwards.
import { keyTypesOf, toStoredValue } from '../evaluate-table';
import { wallClock } from '../formula/time-zone';
import { compileRule, LogicError } from '../logic';
import type { JsonValue } from '../model/common';
import { defaultValueOf } from '../model/field-defaults';
import type { Field } from '../model/fields';

const MS_PER_DAY = 86_400_000;

function isBlank(value: unknown): boolean {
  return (
    value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)
  );
}

export interface DefaultsContext {
  /** The creation instant (epoch ms). */
  readonly now: number;
  readonly timeZone: string;
  /** The person creating the record, for "current user" defaults; those stay blank when absent. */
  readonly currentUserId?: string | undefined;
}

/**
 * Returns a function filling the blank cells of a new record with their fields' defaults. Fixed values and "now"
 * first, then formula defaults (which may read them). A formula that fails leaves its cell blank.
 */
export function prepareDefaults(
  fields: readonly Field[],
  context: DefaultsContext,
): (values: Readonly<Record<string, JsonValue>>) => Record<string, JsonValue> {
  const { now, timeZone } = context;
  const today = Math.floor(wallClock(now, timeZone).getTime() / MS_PER_DAY) * MS_PER_DAY;
  const plain: [string, JsonValue][] = [];
  const formulas: [string, (data: unknown) => unknown][] = [];
  const keyTypes = new Map(Object.entries(keyTypesOf(fields)));
  for (const field of fields) {
    const spec = defaultValueOf(field);
    if (!spec) continue;
    if (spec.type === 'fixed') plain.push([field.id, spec.value]);
    else if (spec.type === 'now') plain.push([field.id, field.kind === 'date' ? today : now]);
    else if (spec.type === 'currentUser') {
      if (context.currentUserId !== undefined) plain.push([field.id, context.currentUserId]);
    } else {
      try {
        const env = { now: () => now, timeZone };
        formulas.push([field.id, compileRule(spec.expression, { env, keyTypes }).evaluate]);
      } catch (error) {
        if (!(error instanceof LogicError)) throw error;
      }
    }
  }
  if (plain.length === 0 && formulas.length === 0) return (values) => ({ ...values });
  return (values) => {
    const filled: Record<string, JsonValue> = { ...values };
    for (const [fieldId, value] of plain) if (isBlank(filled[fieldId])) filled[fieldId] = value;
    for (const [fieldId, evaluate] of formulas) {
      if (!isBlank(filled[fieldId])) continue;
      try {
        const value = toStoredValue(evaluate(filled));
        if (typeof value !== 'object' || value === null) filled[fieldId] = value;
      } catch (error) {
        if (!(error instanceof LogicError)) throw error;
      }
    }
    return filled;
  };
}
