// A moment in time (last login, last purchase), stored as epoch milliseconds and shown in the user's time zone.
import { z } from 'zod';
import { FieldBase } from './base';

export const DateTimeFieldSchema = z.object({
  ...FieldBase,
  kind: z.literal('dateTime'),
  /** 'now' fills in the moment the record is created. */
  defaultValue: z.literal('now').optional(),
});
export type DateTimeField = z.infer<typeof DateTimeFieldSchema>;
