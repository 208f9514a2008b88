// Money: a number shown with a currency symbol, e.g. ¥12,800.00.
import { z } from 'zod';
import { FieldBase } from './base';
import { PrecisionSchema } from './options';

export const CurrencyFieldSchema = z.object({
  ...FieldBase,
  kind: z.literal('currency'),
  /** ISO 4217 code, e.g. 'CNY', 'USD'. */
  currency: z.string().regex(/^[A-Z]{3}$/),
  defaultValue: z.number().optional(),
  precision: PrecisionSchema.optional(),
});
export type CurrencyField = z.infer<typeof CurrencyFieldSchema>;
