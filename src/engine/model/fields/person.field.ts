// Someone from the workspace's people list (a customer's owner); the value is a person id, or an array of them.
import { z } from 'zod';
import { FieldBase } from './base';

export const PersonFieldSchema = z.object({
  ...FieldBase,
  kind: z.literal('person'),
  multiple: z.boolean().optional(),
  /** 'currentUser' fills in the person using the app when the record is created. */
  defaultValue: z.literal('currentUser').optional(),
});
export type PersonField = z.infer<typeof PersonFieldSchema>;
