// Single-line text.
import { z } from 'zod';
import { FieldBase } from './base';

export const TextFieldSchema = z.object({
  ...FieldBase,
  kind: z.literal('text'),
  defaultValue: z.string().optional(),
  maxLength: z.number().int().positive().optional(),
});
export type TextField = z.infer<typeof TextFieldSchema>;
