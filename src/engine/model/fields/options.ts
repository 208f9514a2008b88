// Shared pieces of field options: select options with colours, and the palette they come from.
import { z } from 'zod';
import { IdSchema, NameSchema } from '../common';

/** Colour names of the option palette; the UI maps each to light and dark shades. */
export const OPTION_COLORS = [
  'gray',
  'red',
  'orange',
  'yellow',
  'green',
  'teal',
  'blue',
  'purple',
  'pink',
] as const;
export const OptionColorSchema = z.enum(OPTION_COLORS);

export const SelectOptionSchema = z.object({
  id: IdSchema,
  name: NameSchema,
  color: OptionColorSchema,
});
export type SelectOption = z.infer<typeof SelectOptionSchema>;

/** Options in display order; values store option ids, so renaming or recolouring an option changes no record. */
export const SelectOptionsSchema = z.array(SelectOptionSchema).max(1000);

/** Decimals shown for numbers (0–10); stored values keep full precision. */
export const PrecisionSchema = z.number().int().min(0).max(10);
