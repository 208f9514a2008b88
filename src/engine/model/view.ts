// Saved views of a table: which fields show, in what order, filtered and sorted how.
import { z } from 'zod';
import { IdSchema, JsonValueSchema, NameSchema } from './common';

export const SortSchema = z.object({
  fieldId: IdSchema,
  direction: z.enum(['asc', 'desc']),
});

export const ViewSchema = z.object({
  id: IdSchema,
  name: NameSchema,
  kind: z.enum(['grid', 'kanban']),
  /** Field order for this view; fields missing from the list follow in table order. */
  fieldOrder: z.array(IdSchema).optional(),
  hiddenFieldIds: z.array(IdSchema).optional(),
  /** Column widths in CSS pixels, by field id. */
  columnWidths: z.record(z.string(), z.number().int().min(40).max(2000)).optional(),
  frozenFieldCount: z.number().int().min(0).max(10).optional(),
  rowHeight: z.enum(['short', 'medium', 'tall']).optional(),
  sorts: z.array(SortSchema).optional(),
  /** A JSONLogic condition over the record's fields; absent means every record. */
  filter: JsonValueSchema.optional(),
  groupByFieldId: IdSchema.optional(),
  /** Kanban only: the single-select or tier field whose values are the columns. */
  stackFieldId: IdSchema.optional(),
});
export type View = z.infer<typeof ViewSchema>;
export type Sort = z.infer<typeof SortSchema>;
