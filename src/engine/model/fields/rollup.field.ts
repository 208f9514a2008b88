// One number or date summarizing the linked records (order count, total spend, latest purchase); computed, read-only.
import { z } from 'zod';
import { IdSchema, JsonValueSchema } from '../common';
import { FieldBase } from './base';
import { PrecisionSchema } from './options';

export const ROLLUP_AGGREGATES = ['count', 'sum', 'average', 'min', 'max', 'earliest', 'latest'] as const;

export const RollupFieldSchema = z.object({
  ...FieldBase,
  kind: z.literal('rollup'),
  linkFieldId: IdSchema,
  /** The field of the linked table to aggregate; 'count' ignores it. */
  targetFieldId: IdSchema.optional(),
  aggregate: z.enum(ROLLUP_AGGREGATES),
  /** Only linked records for which this JSONLogic condition (over the linked table's field ids) is true. */
  filter: JsonValueSchema.optional(),
  precision: PrecisionSchema.optional(),
});
export type RollupField = z.infer<typeof RollupFieldSchema>;
