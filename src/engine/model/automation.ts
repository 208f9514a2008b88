// An automation: trigger → condition → actions, run by the in-browser rule interpreter.
import { z } from 'zod';
import { EntityFields, IdSchema, JsonValueSchema, NameSchema } from './common';

export const TriggerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('recordCreated'), tableId: IdSchema }),
  z.object({ kind: z.literal('recordUpdated'), tableId: IdSchema, fieldIds: z.array(IdSchema).optional() }),
  z.object({ kind: z.literal('formSubmitted'), formId: IdSchema }),
  z.object({
    kind: z.literal('schedule'),
    tableId: IdSchema,
    /** Minutes between scans of the table (at least 5). */
    everyMinutes: z
      .number()
      .int()
      .min(5)
      .max(60 * 24 * 7),
  }),
]);

export const ActionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('createReminder'),
    title: z.string().min(1).max(500),
    /** Person id, or a person field id (prefixed "field:") whose value names the owner. */
    assignee: z.string().max(200).optional(),
    dueInHours: z
      .number()
      .min(0)
      .max(24 * 365)
      .optional(),
  }),
  z.object({ kind: z.literal('updateRecord'), values: z.record(z.string(), JsonValueSchema) }),
  z.object({ kind: z.literal('notify'), message: z.string().min(1).max(1000) }),
]);

export const AutomationSchema = z.object({
  ...EntityFields,
  name: NameSchema,
  enabled: z.boolean(),
  trigger: TriggerSchema,
  /** JSONLogic condition over the record; absent means always. */
  condition: JsonValueSchema.optional(),
  actions: z.array(ActionSchema),
});
export type Automation = z.infer<typeof AutomationSchema>;
export type Trigger = z.infer<typeof TriggerSchema>;
export type Action = z.infer<typeof ActionSchema>;
