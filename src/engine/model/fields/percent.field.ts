// A share, stored as a fraction (0.25) and shown as a percentage (25%).
import { z } from 'zod';
import { FieldBase } from './base';
import { PrecisionSchema } from './options';

export const PercentFieldSchema = z.object({
  ...FieldBase,
  kind: z.literal('percent'),
  defaultValue: z.number().optional(),
  precision: PrecisionSchema.optional(),
});
export type PercentField = z.infer<typeof PercentFieldSchema>;
