// A field of the linked records, shown here (the orders' amounts on the customer); computed, read-only.
import { z } from 'zod';
import { IdSchema } from '../common';
import { FieldBase } from './base';

export const LookupFieldSchema = z.object({
  ...FieldBase,
  kind: z.literal('lookup'),
  /** A link field of this table. */
  linkFieldId: IdSchema,
  /** The field of the linked table to show. */
  targetFieldId: IdSchema,
});
export type LookupField = z.infer<typeof LookupFieldSchema>;
