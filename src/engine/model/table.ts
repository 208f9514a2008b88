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
  fields: z.array(FieldSchema),
  views: z.array(ViewSchema),
});
export type Table = z.infer<typeof TableSchema>;
