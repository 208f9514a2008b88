// A phone number, kept as typed (leading zeros and + included) and shown as a tel link.
import { z } from 'zod';
import { FieldBase } from './base';

export const PhoneFieldSchema = z.object({
  ...FieldBase,
  kind: z.literal('phone'),
  defaultValue: z.string().optional(),
});
export type PhoneField = z.infer<typeof PhoneFieldSchema>;
