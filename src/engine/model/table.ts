// A table definition: its fields and its saved views. Records live apart from the definition.
import { z } from 'zod';
import { EntityFields, IdSchema, NameSchema } from './common';
import { FieldSchema } from './fields';
import { ViewSchema } from './view';

export const TableSchema = z.object({
  ...EntityFields,
  name: NameSchema,
  description: z.string().max(5000).optional(),
  /** The field shown as the record's title; the first field when absent. */
  primaryFieldId: IdSchema.optional(),
  /**
   * Set when a formula, tier, lookup or rollup definition changed and the stored values are not recomputed yet;
   * cleared in the transaction that stores the recomputed values. A recompute cut short (a closed tab) resumes
   * from it the next time the table opens.
   */
  recomputePending: z.boolean().optional(),
  fields: z.array(FieldSchema),
  views: z.array(ViewSchema),
});
export type Table = z.infer<typeof TableSchema>;
