// Several choices from a list of coloured options (tags); the value is an array of option ids.
import { z } from 'zod';
import { IdSchema } from '../common';
import { FieldBase } from './base';
import { SelectOptionsSchema } from './options';

export const MultiSelectFieldSchema = z.object({
  ...FieldBase,
  kind: z.literal('multiSelect'),
  options: SelectOptionsSchema,
  defaultValue: z.array(IdSchema).optional(),
});
export type MultiSelectField = z.infer<typeof MultiSelectFieldSchema>;
