// A rating from 1 to `max` stars (satisfaction, priority); blank means not rated.
import { z } from 'zod';
import { FieldBase } from './base';

export const RatingFieldSchema = z.object({
  ...FieldBase,
  kind: z.literal('rating'),
  /** Number of stars, 1–10 (5 by default in the designer). */
  max: z.number().int().min(1).max(10),
  defaultValue: z.number().int().min(1).max(10).optional(),
});
export type RatingField = z.infer<typeof RatingFieldSchema>;
