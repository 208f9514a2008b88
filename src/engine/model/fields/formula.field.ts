// A computed field: its value is an expression over the other fields of the same record, recomputed when they change.
import { z } from 'zod';
import { JsonValueSchema } from '../common';
import { FieldBase } from './base';

export const FormulaFieldSchema = z.object({
  ...FieldBase,
  kind: z.literal('formula'),
  /** The compiled formula: JSONLogic-compatible JSON whose {"var": id} nodes read fields of the same table by id. */
  expression: JsonValueSchema,
  /** What the formula yields, for display, sorting and checks; 'any' (or absent) when it is only known at run time. */
  resultType: z.enum(['number', 'text', 'boolean', 'date', 'list', 'any']).optional(),
  /** Decimals shown for a number result (0–10); the stored value keeps full precision. */
  precision: z.number().int().min(0).max(10).optional(),
});
export type FormulaField = z.infer<typeof FormulaFieldSchema>;
