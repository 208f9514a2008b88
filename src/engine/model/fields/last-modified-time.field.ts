// When the record last changed (read from the record envelope); read-only.
import { z } from 'zod';
import { FieldBase } from './base';

export const LastModifiedTimeFieldSchema = z.object({
  ...FieldBase,
  kind: z.literal('lastModifiedTime'),
});
export type LastModifiedTimeField = z.infer<typeof LastModifiedTimeFieldSchema>;
