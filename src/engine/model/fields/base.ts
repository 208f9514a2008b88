// Properties every field kind shares; each kind adds its own options in its own file.
import { z } from 'zod';
import { IdSchema, NameSchema } from '../common';

export const FieldBase = {
  id: IdSchema,
  name: NameSchema,
  description: z.string().max(2000).optional(),
  required: z.boolean().optional(),
  unique: z.boolean().optional(),
};
