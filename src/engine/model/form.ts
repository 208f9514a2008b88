// A form: a layout over a table's fields that people fill in, also offline.
import { z } from 'zod';
import { EntityFields, IdSchema, JsonValueSchema, NameSchema } from './common';

export const FormItemSchema = z.object({
  id: IdSchema,
  fieldId: IdSchema,
  label: z.string().max(500).optional(),
  help: z.string().max(2000).optional(),
  required: z.boolean().optional(),
  /** JSONLogic condition over the answers so far; the item shows only when it holds. */
  showWhen: JsonValueSchema.optional(),
});

export const FormSchema = z.object({
  ...EntityFields,
  name: NameSchema,
  description: z.string().max(5000).optional(),
  tableId: IdSchema,
  items: z.array(FormItemSchema),
  submitLabel: z.string().max(100).optional(),
  thankYouMessage: z.string().max(2000).optional(),
});
export type Form = z.infer<typeof FormSchema>;
export type FormItem = z.infer<typeof FormItemSchema>;
