// Links to records of another table (a customer's orders). The value is an array of record ids. The other table has the
// inverse link field, so the link shows on both sides; `multiple: false` on one side makes it one-to-many.
import { z } from 'zod';
import { IdSchema } from '../common';
import { FieldBase } from './base';

export const LinkFieldSchema = z.object({
  ...FieldBase,
  kind: z.literal('link'),
  targetTableId: IdSchema,
  /** The link field of the target table that shows the same links from the other side. */
  inverseFieldId: IdSchema.optional(),
  /** false: at most one linked record on this side (the "one" of one-to-many). */
  multiple: z.boolean(),
});
export type LinkField = z.infer<typeof LinkFieldSchema>;
