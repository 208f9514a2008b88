// Properties every field kind shares; each kind adds its own options in its own file.
//
// Defaults. A new record's blank cell can be filled in four ways; the stored form keeps each where it already lived:
// - fixed value: the kind's own `defaultValue` (a string, number, boolean or option id(s), typed per kind), for text,
//   long text, number, currency, percent, checkbox, single and multi select, email, phone, URL and rating;
// - "now": the kind's own `defaultValue` 'today' (date) or 'now' (date-time);
// - "current user": the kind's own `defaultValue` 'currentUser' (person);
// - formula: `defaultFormula` below, for the kinds a value can be typed into (not computed kinds, person, link,
//   attachment). The designer edits the four as one choice (DefaultValueSpec in field-defaults.ts), so a field never
//   carries both a fixed default and a default formula.
import { z } from 'zod';
import { IdSchema, JsonValueSchema, NameSchema } from '../common';

export const FieldBase = {
  id: IdSchema,
  name: NameSchema,
  description: z.string().max(2000).optional(),
  required: z.boolean().optional(),
  unique: z.boolean().optional(),
  /**
   * A formula (JSONLogic-compatible JSON over the record's field ids) evaluated once when a record is created, giving
   * the value of this field when the record leaves it blank. Not used by computed kinds, person, link or attachment.
   */
  defaultFormula: JsonValueSchema.optional(),
};
