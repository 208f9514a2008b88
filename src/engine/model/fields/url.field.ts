// A web address, shown as a link.
import { z } from 'zod';
import { FieldBase } from './base';

export const UrlFieldSchema = z.object({
  ...FieldBase,
  kind: z.literal('url'),
  defaultValue: z.string().optional(),
});
export type UrlField = z.infer<typeof UrlFieldSchema>;
