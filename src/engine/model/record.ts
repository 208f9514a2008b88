// A stored record: user values by field id plus the envelope that makes records sync-ready.
import { z } from 'zod';
import { IdSchema, JsonValueSchema, TimestampSchema } from './common';

export const RecordSchema = z.object({
  id: IdSchema,
  tableId: IdSchema,
  /** Values by field id. Dates are epoch milliseconds; computed fields are materialized here too. */
  values: z.record(z.string(), JsonValueSchema),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  /** Counts saved changes, starting at 1. */
  version: z.number().int().positive(),
  /** Tombstone: a deleted record stays (values emptied) so a deletion can be synced and undone. */
  deleted: z.boolean(),
});
export type DataRecord = z.infer<typeof RecordSchema>;
