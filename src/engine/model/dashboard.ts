// A dashboard: retention metric widgets over the app's tables.
import { z } from 'zod';
import { EntityFields, IdSchema, JsonValueSchema, NameSchema } from './common';

export const WidgetSchema = z.object({
  id: IdSchema,
  title: z.string().max(200).optional(),
  kind: z.enum([
    'retentionRate',
    'churnRate',
    'cltv',
    'repeatRate',
    'purchaseFrequency',
    'nps',
    'count',
    'sum',
    'average',
    'chart',
  ]),
  tableId: IdSchema,
  /** Kind-specific settings (fields, period, chart type). */
  options: z.record(z.string(), JsonValueSchema).optional(),
});

export const DashboardSchema = z.object({
  ...EntityFields,
  name: NameSchema,
  widgets: z.array(WidgetSchema),
});
export type Dashboard = z.infer<typeof DashboardSchema>;
export type Widget = z.infer<typeof WidgetSchema>;
