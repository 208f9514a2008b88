// Converts between the normalized rows and the nested definition documents of the engine.
import {
  CURRENT_SCHEMA_VERSION,
  type App,
  type Automation,
  type Dashboard,
  type Form,
  type Table,
} from '../engine';
import type { AppRow, AutomationRow, DashboardRow, FormRow, TableRow } from './rows';

export interface AppRows {
  readonly app: AppRow;
  readonly tables: TableRow[];
  readonly forms: FormRow[];
  readonly automations: AutomationRow[];
  readonly dashboards: DashboardRow[];
}

function withoutStorageKeys<T extends { schemaVersion: number }>(
  row: T,
): Omit<T, 'schemaVersion' | 'appId' | 'order'> {
  const {
    schemaVersion: _version,
    appId: _app,
    order: _order,
    ...rest
  } = row as T & { appId?: string; order?: number };
  return rest;
}

export function assembleApp(rows: AppRows): App {
  const byOrder = (a: { order: number }, b: { order: number }) => a.order - b.order;
  return {
    ...withoutStorageKeys(rows.app),
    tables: [...rows.tables].sort(byOrder).map((row) => withoutStorageKeys(row) as Table),
    forms: [...rows.forms].sort(byOrder).map((row) => withoutStorageKeys(row) as Form),
    automations: [...rows.automations].sort(byOrder).map((row) => withoutStorageKeys(row) as Automation),
    dashboards: [...rows.dashboards].sort(byOrder).map((row) => withoutStorageKeys(row) as Dashboard),
  };
}

export function splitApp(app: App, order: number): AppRows {
  const { tables, forms, automations, dashboards, ...appFields } = app;
  const schemaVersion = CURRENT_SCHEMA_VERSION;
  return {
    app: { ...appFields, schemaVersion, order },
    tables: tables.map((table, index) => ({ ...table, appId: app.id, order: index, schemaVersion })),
    forms: forms.map((form, index) => ({ ...form, appId: app.id, order: index, schemaVersion })),
    automations: automations.map((automation, index) => ({
      ...automation,
      appId: app.id,
      order: index,
      schemaVersion,
    })),
    dashboards: dashboards.map((dashboard, index) => ({
      ...dashboard,
      appId: app.id,
      order: index,
      schemaVersion,
    })),
  };
}
