// A calendar date, stored as epoch milliseconds at 00:00 UTC of that day so it means the same day in every zone.
import { z } from 'zod';
import { FieldBase } from './base';

export const DateFieldSchema = z.object({
  ...FieldBase,
  kind: z.literal('date'),
  /** 'today' fills in the day the record is created. */
  defaultValue: z.literal('today').optional(),
});
export type DateField = z.infer<typeof DateFieldSchema>;
