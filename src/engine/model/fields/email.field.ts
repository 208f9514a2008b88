// An e-mail address, checked for a plausible shape and shown as a mailto link.
import { z } from 'zod';
import { FieldBase } from './base';

export const EmailFieldSchema = z.object({
  ...FieldBase,
  kind: z.literal('email'),
  defaultValue: z.string().optional(),
});
export type EmailField = z.infer<typeof EmailFieldSchema>;
