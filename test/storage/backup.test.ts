// Backup and restore: the export is the whole workspace, and a restore replaces it all or changes nothing.
import { describe, expect, it } from 'vitest';
import { validateWorkspaceDocument } from '../../src/engine';
import { at, must, summarize, workspaceJson, workspaceV1Json } from '../engine/model/documents';
import { openTestStorage, snapshot, START } from './support';

/** A workspace built through the repositories: two apps, a trashed table, a tombstone and an updated record. */
async function populated() {
  const test = await openTestStorage({ idPrefix: 'src' });
  const { storage, clock } = test;
  await storage.definitions.ensureWorkspace('Acme');
  const crm = await storage.definitions.createApp({ name: 'CRM', icon: '🤝' });
  const nps = await storage.definitions.createApp({ name: 'NPS' });
  const customers = await storage.definitions.createTable(crm.id, 'Customers', {
    fields: [
      { id: 'fld-name', name: 'Name', kind: 'text' },
      { id: 'fld-spend', name: 'Spend', kind: 'number', precision: 2 },
    ],
    views: [
      { id: 'view-all', name: 'All', kind: 'grid', sorts: [{ fieldId: 'fld-spend', direction: 'desc' }] },
    ],
  });
  const scratch = await storage.definitions.createTable(crm.id, 'Scratch');
  const responses = await storage.definitions.createTable(nps.id, 'Responses');
  const ids = await storage.records.addRecords(customers.id, [
    { 'fld-name': 'Zhang', 'fld-spend': 10 },
    { 'fld-name': 'Li', 'fld-spend': 20.5 },
    { 'fld-name': 'Wang' },
  ]);
  await storage.records.addRecords(responses.id, [{ score: 9 }]);
  clock.now += 1000;
  await storage.records.updateRecord(customers.id, must(ids[0]), { 'fld-spend': 11 });
  await storage.records.deleteRecords(customers.id, [must(ids[2])]);
  await storage.definitions.trashTable(scratch.id);
  return test;
}

describe('exporting the workspace', () => {
  it('writes a document that passes validation, with trash and tombstones included', async () => {
    const { storage } = await populated();

    const exported = await storage.backup.exportWorkspace();

    expect(validateWorkspaceDocument(exported)).toEqual({ ok: true, value: exported });
    expect(exported.workspace.name).toBe('Acme');
    expect(
      exported.workspace.apps.map((app) => [
        app.name,
        app.tables.map((table) => [table.name, table.deletedAt]),
      ]),
    ).toEqual([
      [
        'CRM',
        [
          ['Customers', undefined],
          ['Scratch', START + 1000],
        ],
      ],
      ['NPS', [['Responses', undefined]]],
    ]);
    expect(
      exported.records.map((record) => [record.values['fld-name'] ?? record.values.score, record.deleted]),
    ).toEqual(
      expect.arrayContaining([
        ['Zhang', false],
        ['Wang', true],
        [9, false],
      ]),
    );
    expect(exported.records).toHaveLength(4);
  });

  it('carries no storage bookkeeping (order, appId, schemaVersion of rows) into the document', async () => {
    const { storage } = await populated();

    const exported = await storage.backup.exportWorkspace();

    const app = must(exported.workspace.apps[0]);
    for (const entity of [app, ...app.tables]) {
      expect(entity).not.toHaveProperty('order');
      expect(entity).not.toHaveProperty('appId');
      expect(entity).not.toHaveProperty('schemaVersion');
    }
  });
});

describe('restoring a backup', () => {
  it('gives back the same workspace, apps, tables and records in a fresh database', async () => {
    const source = await populated();
    const exported = await source.storage.backup.exportWorkspace();
    const target = await openTestStorage({ idPrefix: 'dst' });
    target.clock.now = source.clock.now;

    const result = await target.storage.backup.restoreWorkspace(exported);

    expect(result).toEqual({ ok: true, value: { apps: 2, records: 4 } });
    expect(await target.storage.backup.exportWorkspace()).toEqual(exported);
    const customers = must(exported.workspace.apps[0]?.tables[0]);
    expect(await target.storage.records.readWindow(customers.id, 0, 10)).toEqual(
      await source.storage.records.readWindow(customers.id, 0, 10),
    );
    const view = await snapshot(target.storage);
    expect(view.apps.map((app) => app.name)).toEqual(['CRM', 'NPS']);
    expect(view.trash.map((entry) => entry.name)).toEqual(['Scratch']);
    expect(view.workspace).toMatchObject({ name: 'Acme', onboarded: true, schemaVersion: 2 });
  });

  it('restores the example document exactly, forms, automations and dashboards included', async () => {
    const { storage, clock } = await openTestStorage();
    const document = workspaceJson();
    clock.now = document.exportedAt as number;

    expect(await storage.backup.restoreWorkspace(document)).toEqual({
      ok: true,
      value: { apps: 2, records: 5 },
    });

    expect(await storage.backup.exportWorkspace()).toEqual(workspaceJson());
  });

  it('replaces what was there before', async () => {
    const { storage } = await populated();

    await storage.backup.restoreWorkspace(workspaceJson());

    const view = await snapshot(storage);
    expect(view.apps.map((app) => app.name)).toEqual(['CRM']);
    expect(view.tables.map((table) => table.id)).toEqual(['tbl-customers', 'tbl-feedback']);
    expect(view.trash.map((entry) => entry.name)).toEqual(['Archive']);
    expect((await storage.backup.exportWorkspace()).records.map((record) => record.id)).toEqual([
      'rec-c1',
      'rec-c2',
      'rec-c3',
      'rec-f1',
      'rec-o1',
    ]);
  });

  it('refuses an invalid document with every problem and its path, changing nothing', async () => {
    const { storage } = await populated();
    const before = await storage.backup.exportWorkspace();
    const document = workspaceJson();
    at(document, 'workspace', 'apps', 0, 'tables', 0, 'fields', 1).kind = 'signature';
    delete at(document, 'records', 4).values;

    const result = await storage.backup.restoreWorkspace(document);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(summarize(result.error)).toEqual([
      '$.records[4].values missing',
      '$.workspace.apps[0].tables[0].fields[1].kind invalidValue',
    ]);
    expect(await storage.backup.exportWorkspace()).toEqual(before);
  });

  it('refuses a document whose references are broken, changing nothing', async () => {
    const { storage } = await populated();
    const before = await storage.backup.exportWorkspace();
    const document = workspaceJson();
    at(document, 'records', 3).tableId = 'tbl-gone';

    const result = await storage.backup.restoreWorkspace(document);

    expect(result).toEqual({
      ok: false,
      error: [expect.objectContaining({ path: '$.records[3].tableId', code: 'unknownReference' })],
    });
    expect(await storage.backup.exportWorkspace()).toEqual(before);
  });

  it('refuses something that is not a workspace document, changing nothing', async () => {
    const { storage } = await populated();
    const before = await storage.backup.exportWorkspace();

    expect(await storage.backup.restoreWorkspace([1, 2, 3])).toEqual({
      ok: false,
      error: [expect.objectContaining({ path: '$', code: 'notObject' })],
    });
    expect(await storage.backup.exportWorkspace()).toEqual(before);
  });

  it('upgrades and restores a backup written by schema version 1', async () => {
    const { storage } = await openTestStorage();

    const result = await storage.backup.restoreWorkspace(workspaceV1Json());

    expect(result).toEqual({ ok: true, value: { apps: 1, records: 3 } });
    const view = await snapshot(storage);
    expect(view.apps.map((app) => [app.name, app.version])).toEqual([['Support desk', 1]]);
    expect(view.tables[0]?.fields.map((field) => field.kind)).toEqual([
      'text',
      'longText',
      'number',
      'checkbox',
      'date',
    ]);
    expect(await storage.records.countRecords('tbl-tickets')).toBe(2);
    const exported = await storage.backup.exportWorkspace();
    expect(exported.schemaVersion).toBe(2);
    expect(exported.records.map((record) => [record.id, record.deleted])).toEqual([
      ['rec-t1', false],
      ['rec-t2', true],
      ['rec-t3', false],
    ]);
  });
});
