// One choice from a list of coloured options; the value is the option's id.
import { z } from 'zod';
import { IdSchema } from '../common';
import { FieldBase } from './base';
import { SelectOptionsSchema } from './options';

export const SingleSelectFieldSchema = z.object({
  ...FieldBase,
  kind: z.literal('singleSelect'),
  options: SelectOptionsSchema,
  /** An option id. */
  defaultValue: IdSchema.optional(),
});
export type SingleSelectField = z.infer<typeof SingleSelectFieldSchema>;
