// Yes / no.
import { z } from 'zod';
import { FieldBase } from './base';

export const CheckboxFieldSchema = z.object({
  ...FieldBase,
  kind: z.literal('checkbox'),
  defaultValue: z.boolean().optional(),
});
export type CheckboxField = z.infer<typeof CheckboxFieldSchema>;
