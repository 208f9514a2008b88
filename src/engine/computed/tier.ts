// Evaluating a tier field: its rules in order, the first whose condition holds gives the label, else the fallback.
import { compileRule } from '../logic';
import type { CompileOptions } from '../logic';
import { truthy } from '../logic/truthy';
import type { TierField } from '../model';

export interface TierResult {
  readonly label: string;
  readonly color: string;
  /** The id of the rule that matched; undefined for the fallback. */
  readonly ruleId: string | undefined;
}

/**
 * Compiles the tier's conditions once (throws LogicError for a broken condition, which the designer reports) and
 * returns a function from a record's values (by field id) to its tier.
 */
export function compileTierField(
  field: Pick<TierField, 'rules' | 'fallback'>,
  options?: CompileOptions,
): (values: Readonly<Record<string, unknown>>) => TierResult {
  const rules = field.rules.map((rule) => ({
    test: compileRule(rule.condition, options).evaluate,
    result: { label: rule.label, color: rule.color, ruleId: rule.id } satisfies TierResult,
  }));
  const fallback: TierResult = {
    label: field.fallback.label,
    color: field.fallback.color,
    ruleId: undefined,
  };
  return (values) => {
    for (const rule of rules) if (truthy(rule.test(values))) return rule.result;
    return fallback;
  };
}
