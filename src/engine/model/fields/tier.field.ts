// A tier (High value / Potential / General): ordered rules, each a JSONLogic condition over the record's field ids and a
// label; the first rule whose condition holds gives the tier, otherwise the fallback. Computed by the engine.
import { z } from 'zod';
import { IdSchema, JsonValueSchema, NameSchema } from '../common';
import { FieldBase } from './base';
import { OptionColorSchema } from './options';

export const TierRuleSchema = z.object({
  id: IdSchema,
  label: NameSchema,
  color: OptionColorSchema,
  condition: JsonValueSchema,
});
export type TierRule = z.infer<typeof TierRuleSchema>;

export const TierFieldSchema = z.object({
  ...FieldBase,
  kind: z.literal('tier'),
  rules: z.array(TierRuleSchema).max(100),
  fallback: z.object({ label: NameSchema, color: OptionColorSchema }),
});
export type TierField = z.infer<typeof TierFieldSchema>;
