// Copies apps (with their tables, forms, automations, dashboards and records) under fresh ids, keeping every
// reference between them intact. Used to install a template and to duplicate an app. Pure: ids and time come in.
import type { App } from './app';
import type { Automation } from './automation';
import type { DataRecord } from './record';

export interface CloneContext {
  readonly newId: () => string;
  readonly now: number;
}

export interface ClonedApps {
  readonly apps: App[];
  readonly records: DataRecord[];
}

export function cloneAppsWithFreshIds(
  apps: readonly App[],
  records: readonly DataRecord[],
  { newId, now }: CloneContext,
): ClonedApps {
  const ids = new Map<string, string>();
  const fresh = (oldId: string): string => {
    let id = ids.get(oldId);
    if (id === undefined) {
      id = newId();
      ids.set(oldId, id);
    }
    return id;
  };
  const mapped = (oldId: string): string => ids.get(oldId) ?? oldId;
  const stamp = { createdAt: now, updatedAt: now, version: 1 };

  // First pass gives every table and form its new id, so references can be rewritten in any order.
  for (const app of apps) {
    for (const table of app.tables) fresh(table.id);
    for (const form of app.forms) fresh(form.id);
  }
  const cloneTrigger = (trigger: Automation['trigger']): Automation['trigger'] =>
    trigger.kind === 'formSubmitted'
      ? { ...trigger, formId: mapped(trigger.formId) }
      : { ...trigger, tableId: mapped(trigger.tableId) };

  const clonedApps = apps.map((app): App => {
    const { deletedAt: _deleted, ...rest } = app;
    return {
      ...rest,
      ...stamp,
      id: newId(),
      tables: app.tables.map(({ deletedAt: _d, ...table }) => ({
        ...table,
        ...stamp,
        id: mapped(table.id),
        views: table.views.map((view) => ({ ...view, id: newId() })),
      })),
      forms: app.forms.map(({ deletedAt: _d, ...form }) => ({
        ...form,
        ...stamp,
        id: mapped(form.id),
        tableId: mapped(form.tableId),
      })),
      automations: app.automations.map(({ deletedAt: _d, ...automation }) => ({
        ...automation,
        ...stamp,
        id: newId(),
        trigger: cloneTrigger(automation.trigger),
      })),
      dashboards: app.dashboards.map(({ deletedAt: _d, ...dashboard }) => ({
        ...dashboard,
        ...stamp,
        id: newId(),
        widgets: dashboard.widgets.map((widget) => ({
          ...widget,
          id: newId(),
          tableId: mapped(widget.tableId),
        })),
      })),
    };
  });
  const clonedRecords = records
    .filter((record) => ids.has(record.tableId) && !record.deleted)
    .map((record): DataRecord => ({ ...record, ...stamp, id: newId(), tableId: mapped(record.tableId) }));
  return { apps: clonedApps, records: clonedRecords };
}

/**
 * The app without its trashed tables, and without the forms, automations and dashboard widgets that refer to them
 * (a copy must not point back into the original app). Used when duplicating an app.
 */
export function withoutTrashedTables(app: App): App {
  const tables = app.tables.filter((table) => table.deletedAt === undefined);
  const tableIds = new Set(tables.map((table) => table.id));
  const forms = app.forms.filter((form) => tableIds.has(form.tableId));
  const formIds = new Set(forms.map((form) => form.id));
  return {
    ...app,
    tables,
    forms,
    automations: app.automations.filter((automation) =>
      automation.trigger.kind === 'formSubmitted'
        ? formIds.has(automation.trigger.formId)
        : tableIds.has(automation.trigger.tableId),
    ),
    dashboards: app.dashboards.map((dashboard) => ({
      ...dashboard,
      widgets: dashboard.widgets.filter((widget) => tableIds.has(widget.tableId)),
    })),
  };
}
