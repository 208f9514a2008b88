// Plain numbers, with a fixed number of decimals for display.
import { z } from 'zod';
import { FieldBase } from './base';

export const NumberFieldSchema = z.object({
  ...FieldBase,
  kind: z.literal('number'),
  defaultValue: z.number().optional(),
  /** Decimals shown in the grid (0–10); the stored value keeps full precision. */
  precision: z.number().int().min(0).max(10).optional(),
});
export type NumberField = z.infer<typeof NumberFieldSchema>;
