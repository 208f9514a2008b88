// Multi-line text (notes, feedback comments).
import { z } from 'zod';
import { FieldBase } from './base';

export const LongTextFieldSchema = z.object({
  ...FieldBase,
  kind: z.literal('longText'),
  defaultValue: z.string().optional(),
});
export type LongTextField = z.infer<typeof LongTextFieldSchema>;
