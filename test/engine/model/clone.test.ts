// Copying apps under fresh ids (template install, duplicate app): the copy is self-contained and the source untouched.
import { describe, expect, it } from 'vitest';
import { cloneAppsWithFreshIds, withoutTrashedTables, type App, type DataRecord } from '../../../src/engine';
import { deepFreeze, must, workspaceDocument } from './documents';

const NOW = 1_800_000_000_000;

function counterIds(): () => string {
  let next = 0;
  return () => `new-${String(++next)}`;
}

/** Every id a cloned result carries, entity ids and record ids alike. */
function allIds(apps: readonly App[], records: readonly DataRecord[]): string[] {
  return [
    ...apps.flatMap((app) => [
      app.id,
      ...app.tables.flatMap((table) => [table.id, ...table.views.map((view) => view.id)]),
      ...app.forms.map((form) => form.id),
      ...app.automations.map((automation) => automation.id),
      ...app.dashboards.flatMap((dashboard) => [
        dashboard.id,
        ...dashboard.widgets.map((widget) => widget.id),
      ]),
    ]),
    ...records.map((record) => record.id),
  ];
}

function cloneExample() {
  const source = workspaceDocument();
  const cloned = cloneAppsWithFreshIds(source.workspace.apps, source.records, {
    newId: counterIds(),
    now: NOW,
  });
  const crm = must(cloned.apps[0], 'cloned CRM app');
  const tableId = (name: string): string =>
    must(
      crm.tables.find((table) => table.name === name),
      name,
    ).id;
  return { source, cloned, crm, customersId: tableId('Customers'), feedbackId: tableId('Feedback') };
}

describe('cloneAppsWithFreshIds', () => {
  it('gives every app, table, view, form, automation, dashboard, widget and record a new id', () => {
    const { source, cloned } = cloneExample();
    const oldIds = new Set(allIds(source.workspace.apps, source.records));
    const newIds = allIds(cloned.apps, cloned.records);

    expect(newIds.length).toBeGreaterThan(10);
    expect(newIds.every((id) => id.startsWith('new-'))).toBe(true);
    expect(newIds.filter((id) => oldIds.has(id))).toEqual([]);
    expect(new Set(newIds).size).toBe(newIds.length);
  });

  it('points forms, triggers and widgets at the copies of their tables and forms', () => {
    const { crm, customersId, feedbackId } = cloneExample();
    const form = must(crm.forms[0], 'form');

    expect(form.tableId).toBe(feedbackId);
    expect(crm.automations.map((automation) => automation.trigger)).toEqual([
      { kind: 'schedule', tableId: customersId, everyMinutes: 60 },
      { kind: 'formSubmitted', formId: form.id },
    ]);
    expect(crm.dashboards[0]?.widgets.map((widget) => widget.tableId)).toEqual([customersId, feedbackId]);
  });

  it('rewrites recordCreated and recordUpdated triggers too', () => {
    const source = workspaceDocument();
    const crm = must(source.workspace.apps[0], 'app');
    const [care, thanks] = crm.automations;
    const apps: App[] = [
      {
        ...crm,
        automations: [
          { ...must(care, 'automation'), trigger: { kind: 'recordCreated', tableId: 'tbl-feedback' } },
          {
            ...must(thanks, 'automation'),
            trigger: { kind: 'recordUpdated', tableId: 'tbl-customers', fieldIds: ['fld-spend'] },
          },
        ],
      },
    ];

    const [copy] = cloneAppsWithFreshIds(apps, [], { newId: counterIds(), now: NOW }).apps;

    const idOf = (name: string) => copy?.tables.find((table) => table.name === name)?.id;
    expect(copy?.automations.map((automation) => automation.trigger)).toEqual([
      { kind: 'recordCreated', tableId: idOf('Feedback') },
      { kind: 'recordUpdated', tableId: idOf('Customers'), fieldIds: ['fld-spend'] },
    ]);
  });

  it('copies live records into the copies of their tables, values intact, and drops deleted ones', () => {
    const { source, cloned, customersId, feedbackId } = cloneExample();
    const oldTable = new Map([
      [customersId, 'tbl-customers'],
      [feedbackId, 'tbl-feedback'],
      [must(cloned.apps[1]?.tables[0], 'archive table').id, 'tbl-old'],
    ]);
    const live = source.records.filter((record) => !record.deleted);

    expect(source.records.some((record) => record.deleted)).toBe(true);
    expect(cloned.records.map((record) => [oldTable.get(record.tableId), record.values])).toEqual(
      live.map((record) => [record.tableId, record.values]),
    );
  });

  it('leaves out records of tables that are not being copied', () => {
    const source = workspaceDocument();
    const crmOnly = source.workspace.apps.slice(0, 1);

    const cloned = cloneAppsWithFreshIds(crmOnly, source.records, { newId: counterIds(), now: NOW });

    expect(cloned.records).toHaveLength(3);
    expect(cloned.records.some((record) => record.values['fld-old-name'] !== undefined)).toBe(false);
  });

  it('stamps every copy as new: created now, version 1, not in the trash', () => {
    const { cloned } = cloneExample();
    const entities = cloned.apps.flatMap((app) => [
      app,
      ...app.tables,
      ...app.forms,
      ...app.automations,
      ...app.dashboards,
    ]);

    for (const entity of [...entities, ...cloned.records]) {
      expect(entity).toMatchObject({ createdAt: NOW, updatedAt: NOW, version: 1 });
      expect(entity).not.toHaveProperty('deletedAt');
    }
  });

  it('keeps field ids, so record values stay keyed by the same fields', () => {
    const { source, crm } = cloneExample();

    expect(crm.tables.map((table) => table.fields)).toEqual(
      source.workspace.apps[0]?.tables.map((table) => table.fields),
    );
  });

  it('does not change the apps and records it was given', () => {
    const source = deepFreeze(workspaceDocument());

    cloneAppsWithFreshIds(source.workspace.apps, source.records, { newId: counterIds(), now: NOW });

    expect(source).toEqual(workspaceDocument());
  });
});

describe('withoutTrashedTables', () => {
  it('drops trashed tables and everything that refers to them', () => {
    const base = { createdAt: 1, updatedAt: 1, version: 1 };
    const app: App = {
      ...base,
      id: 'app',
      name: 'App',
      tables: [
        { ...base, id: 'live', name: 'Live', fields: [], views: [] },
        { ...base, id: 'gone', name: 'Gone', fields: [], views: [], deletedAt: 5 },
      ],
      forms: [
        { ...base, id: 'form-live', name: 'F1', tableId: 'live', items: [] },
        { ...base, id: 'form-gone', name: 'F2', tableId: 'gone', items: [] },
      ],
      automations: [
        {
          ...base,
          id: 'a1',
          name: 'A1',
          enabled: true,
          trigger: { kind: 'recordCreated', tableId: 'live' },
          actions: [],
        },
        {
          ...base,
          id: 'a2',
          name: 'A2',
          enabled: true,
          trigger: { kind: 'recordCreated', tableId: 'gone' },
          actions: [],
        },
        {
          ...base,
          id: 'a3',
          name: 'A3',
          enabled: true,
          trigger: { kind: 'formSubmitted', formId: 'form-gone' },
          actions: [],
        },
      ],
      dashboards: [
        {
          ...base,
          id: 'd',
          name: 'D',
          widgets: [
            { id: 'w1', kind: 'count', tableId: 'live' },
            { id: 'w2', kind: 'count', tableId: 'gone' },
          ],
        },
      ],
    };
    const kept = withoutTrashedTables(app);
    expect(kept.tables.map((table) => table.id)).toEqual(['live']);
    expect(kept.forms.map((form) => form.id)).toEqual(['form-live']);
    expect(kept.automations.map((automation) => automation.id)).toEqual(['a1']);
    expect(kept.dashboards[0]?.widgets.map((widget) => widget.id)).toEqual(['w1']);
  });
});
