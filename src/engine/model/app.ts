// An app groups the tables, forms, automations and dashboards of one piece of retention work.
import { z } from 'zod';
import { AutomationSchema } from './automation';
import { EntityFields, NameSchema } from './common';
import { DashboardSchema } from './dashboard';
import { FormSchema } from './form';
import { TableSchema } from './table';

export const AppSchema = z.object({
  ...EntityFields,
  name: NameSchema,
  description: z.string().max(5000).optional(),
  /** One emoji or short symbol shown in the navigation. */
  icon: z.string().max(16).optional(),
  tables: z.array(TableSchema),
  forms: z.array(FormSchema),
  automations: z.array(AutomationSchema),
  dashboards: z.array(DashboardSchema),
});
export type App = z.infer<typeof AppSchema>;
