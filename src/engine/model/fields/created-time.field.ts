// When the record was created (read from the record envelope); read-only.
import { z } from 'zod';
import { FieldBase } from './base';

export const CreatedTimeFieldSchema = z.object({
  ...FieldBase,
  kind: z.literal('createdTime'),
});
export type CreatedTimeField = z.infer<typeof CreatedTimeFieldSchema>;
