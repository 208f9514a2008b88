// A serial number given to each new record, like Jiandaoyun's 流水号: prefix + date + zero-padded sequence
// (KH-20261122-0007). Assigned once, never reused.
import { z } from 'zod';
import { FieldBase } from './base';

export const AutoNumberFieldSchema = z.object({
  ...FieldBase,
  kind: z.literal('autoNumber'),
  prefix: z.string().max(20).optional(),
  /** The date part, in the creation day of the record; 'none' leaves it out. */
  dateFormat: z.enum(['none', 'yyyy', 'yyyyMM', 'yyyyMMdd']),
  /** Sequence digits (zero-padded). */
  digits: z.number().int().min(1).max(10),
  /** Restart the sequence when the date part changes (each day, month or year), as Jiandaoyun can. */
  resetWithDate: z.boolean().optional(),
});
export type AutoNumberField = z.infer<typeof AutoNumberFieldSchema>;
