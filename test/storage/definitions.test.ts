// Apps and tables in storage: create, rename, duplicate, trash, restore and purge, each change counted and stamped.
import { describe, expect, it } from 'vitest';
import { StorageError } from '../../src/storage';
import { must, workspaceJson } from '../engine/model/documents';
import { openTestStorage, snapshot, START, testStorage } from './support';

describe('apps', () => {
  it('creates apps at version 1, stamped with the current time, in navigation order', async () => {
    const { storage, clock } = await openTestStorage();

    const crm = await storage.definitions.createApp({ name: 'CRM', icon: '🤝' });
    clock.now += 1000;
    const nps = await storage.definitions.createApp({ name: 'NPS' });

    expect(crm).toEqual({
      id: 'id-000001',
      name: 'CRM',
      icon: '🤝',
      createdAt: START,
      updatedAt: START,
      version: 1,
      schemaVersion: 2,
      order: 0,
    });
    expect(nps).toMatchObject({ name: 'NPS', createdAt: START + 1000, order: 1 });
    expect(nps).not.toHaveProperty('icon');
    expect((await snapshot(storage)).apps.map((app) => app.name)).toEqual(['CRM', 'NPS']);
  });

  it('renames an app, counting the change and stamping the time', async () => {
    const { storage, clock } = await openTestStorage();
    const app = await storage.definitions.createApp({ name: 'CRM' });
    clock.now += 5000;

    await storage.definitions.renameApp(app.id, 'Customers');

    expect(await storage.definitions.loadApp(app.id)).toMatchObject({
      name: 'Customers',
      version: 2,
      createdAt: START,
      updatedAt: START + 5000,
    });
  });

  it('bumps the version and updatedAt of an app on every change', async () => {
    const { storage, clock } = await openTestStorage();
    const app = await storage.definitions.createApp({ name: 'CRM' });
    const history: [number, number][] = [];
    const record = async () => {
      const loaded = await storage.definitions.loadApp(app.id);
      history.push([loaded.version, loaded.updatedAt - START]);
    };

    clock.now += 10;
    await storage.definitions.renameApp(app.id, 'CRM 2');
    await record();
    clock.now += 10;
    await storage.definitions.trashApp(app.id);
    await record();
    clock.now += 10;
    await storage.definitions.restoreApp(app.id);
    await record();

    expect(history).toEqual([
      [2, 10],
      [3, 20],
      [4, 30],
    ]);
  });

  it('refuses to rename an app that does not exist', async () => {
    const { storage } = await openTestStorage();

    await expect(storage.definitions.renameApp('nope', 'Name')).rejects.toBeInstanceOf(StorageError);
  });

  it('keeps apps and tables after the database is closed and reopened', async () => {
    const first = await openTestStorage();
    const app = await first.storage.definitions.createApp({ name: 'CRM' });
    await first.storage.definitions.createTable(app.id, 'Customers');
    first.storage.connection.close();

    const reopened = testStorage({ name: first.name });
    const view = await snapshot(reopened.storage);

    expect(view.apps.map((row) => row.name)).toEqual(['CRM']);
    expect(view.tables.map((row) => row.name)).toEqual(['Customers']);
  });
});

describe('tables', () => {
  it('creates a table with one grid view, after the tables already in its app', async () => {
    const { storage } = await openTestStorage();
    const app = await storage.definitions.createApp({ name: 'CRM' });
    const other = await storage.definitions.createApp({ name: 'Other' });
    await storage.definitions.createTable(other.id, 'Elsewhere');

    const first = await storage.definitions.createTable(app.id, 'Customers');
    const second = await storage.definitions.createTable(app.id, 'Orders', {
      fields: [{ id: 'fld-total', name: 'Total', kind: 'number' }],
      views: [],
    });

    expect(first).toMatchObject({ appId: app.id, name: 'Customers', fields: [], version: 1, order: 0 });
    expect(first.views.map(({ id: _id, ...view }) => view)).toEqual([{ name: 'Grid', kind: 'grid' }]);
    expect(first.views[0]?.id).not.toBe(first.id);
    expect(second).toMatchObject({ order: 1, fields: [{ id: 'fld-total' }], views: [] });
    expect((await storage.definitions.loadApp(app.id)).tables.map((table) => table.name)).toEqual([
      'Customers',
      'Orders',
    ]);
  });

  it('refuses a table for an app that does not exist and stores nothing', async () => {
    const { storage } = await openTestStorage();

    await expect(storage.definitions.createTable('no-such-app', 'Customers')).rejects.toMatchObject({
      name: 'StorageError',
      kind: 'unknown',
    });
    expect((await storage.backup.exportWorkspace()).workspace.apps).toEqual([]);
  });

  it('renames a table, counting the change and stamping the time', async () => {
    const { storage, clock } = await openTestStorage();
    const app = await storage.definitions.createApp({ name: 'CRM' });
    const table = await storage.definitions.createTable(app.id, 'Customers');
    clock.now += 60_000;

    await storage.definitions.renameTable(table.id, 'Clients');
    await storage.definitions.renameTable(table.id, 'Accounts');

    const [loaded] = (await storage.definitions.loadApp(app.id)).tables;
    expect(loaded).toMatchObject({
      name: 'Accounts',
      version: 3,
      createdAt: START,
      updatedAt: START + 60_000,
    });
  });

  it('duplicates a table with its live records under fresh ids, leaving the source as it was', async () => {
    const { storage, clock } = await openTestStorage();
    const app = await storage.definitions.createApp({ name: 'CRM' });
    const source = await storage.definitions.createTable(app.id, 'Customers', {
      fields: [{ id: 'fld-name', name: 'Name', kind: 'text' }],
      views: [{ id: 'view-1', name: 'All', kind: 'grid' }],
    });
    const ids = await storage.records.addRecords(source.id, [
      { 'fld-name': 'Zhang' },
      { 'fld-name': 'Gone' },
      { 'fld-name': 'Li' },
    ]);
    await storage.records.deleteRecords(source.id, [must(ids[1])]);
    const sourceBefore = await storage.records.readWindow(source.id, 0, 10);
    clock.now += 1000;

    const copyId = await storage.definitions.duplicateTable(source.id, 'Customers copy');

    const [original, copy] = (await storage.definitions.loadApp(app.id)).tables;
    expect(copy).toMatchObject({
      id: copyId,
      name: 'Customers copy',
      fields: original?.fields,
      version: 1,
      createdAt: START + 1000,
    });
    expect(copy?.views.map((view) => view.name)).toEqual(['All']);
    expect(copy?.views[0]?.id).not.toBe('view-1');
    const copied = await storage.records.readWindow(copyId, 0, 10);
    expect(copied.map((record) => record.values)).toEqual([{ 'fld-name': 'Zhang' }, { 'fld-name': 'Li' }]);
    expect(copied.map((record) => record.id).filter((id) => ids.includes(id))).toEqual([]);
    expect(copied.every((record) => record.version === 1 && record.createdAt === START + 1000)).toBe(true);
    expect(await storage.records.readWindow(source.id, 0, 10)).toEqual(sourceBefore);
  });

  it('trashes a table of a live app: it leaves the navigation and shows in the trash with its app', async () => {
    const { storage, clock } = await openTestStorage();
    const app = await storage.definitions.createApp({ name: 'CRM' });
    const table = await storage.definitions.createTable(app.id, 'Customers');
    await storage.definitions.createTable(app.id, 'Orders');
    clock.now += 1000;

    await storage.definitions.trashTable(table.id);

    const view = await snapshot(storage);
    expect(view.tables.map((row) => row.name)).toEqual(['Orders']);
    expect(view.trash).toEqual([
      {
        kind: 'table',
        id: table.id,
        name: 'Customers',
        deletedAt: START + 1000,
        appId: app.id,
        appName: 'CRM',
      },
    ]);
  });

  it('restores a trashed table, counting the change', async () => {
    const { storage, clock } = await openTestStorage();
    const app = await storage.definitions.createApp({ name: 'CRM' });
    const table = await storage.definitions.createTable(app.id, 'Customers');
    await storage.definitions.trashTable(table.id);
    clock.now += 1000;

    await storage.definitions.restoreTable(table.id);

    const view = await snapshot(storage);
    expect(view.tables).toEqual([
      expect.objectContaining({ id: table.id, version: 3, updatedAt: START + 1000 }),
    ]);
    expect(view.tables[0]).not.toHaveProperty('deletedAt');
    expect(view.trash).toEqual([]);
  });

  it('purges a table with all its records, tombstones included', async () => {
    const { storage } = await openTestStorage();
    const app = await storage.definitions.createApp({ name: 'CRM' });
    const table = await storage.definitions.createTable(app.id, 'Customers');
    const kept = await storage.definitions.createTable(app.id, 'Orders');
    const [first] = await storage.records.addRecords(table.id, [{ a: 1 }, { a: 2 }]);
    await storage.records.deleteRecords(table.id, [must(first)]);
    await storage.records.addRecords(kept.id, [{ b: 1 }]);
    await storage.definitions.trashTable(table.id);

    await storage.definitions.purgeTable(table.id);

    const exported = await storage.backup.exportWorkspace();
    expect(exported.workspace.apps[0]?.tables.map((row) => row.name)).toEqual(['Orders']);
    expect(exported.records.map((record) => record.values)).toEqual([{ b: 1 }]);
  });
});

describe('the trash', () => {
  it('lists trashed apps and trashed tables of live apps, newest first, but not tables inside a trashed app', async () => {
    const { storage, clock } = await openTestStorage();
    const crm = await storage.definitions.createApp({ name: 'CRM' });
    const archive = await storage.definitions.createApp({ name: 'Archive' });
    const customers = await storage.definitions.createTable(crm.id, 'Customers');
    const old = await storage.definitions.createTable(archive.id, 'Old');
    await storage.definitions.createTable(crm.id, 'Orders');

    clock.now = START + 1;
    await storage.definitions.trashTable(customers.id);
    clock.now = START + 2;
    await storage.definitions.trashTable(old.id);
    clock.now = START + 3;
    await storage.definitions.trashApp(archive.id);

    const view = await snapshot(storage);
    expect(view.trash.map((entry) => [entry.kind, entry.name, entry.deletedAt - START])).toEqual([
      ['app', 'Archive', 3],
      ['table', 'Customers', 1],
    ]);
    expect(view.apps.map((app) => app.name)).toEqual(['CRM']);
    expect(view.tables.map((table) => table.name)).toEqual(['Orders']);
  });

  it('hides the tables of a trashed app and shows them again when the app is restored', async () => {
    const { storage } = await openTestStorage();
    const app = await storage.definitions.createApp({ name: 'CRM' });
    await storage.definitions.createTable(app.id, 'Customers');
    await storage.definitions.trashApp(app.id);
    expect((await snapshot(storage)).tables).toEqual([]);

    await storage.definitions.restoreApp(app.id);

    const view = await snapshot(storage);
    expect(view.tables.map((table) => table.name)).toEqual(['Customers']);
    expect(view.trash).toEqual([]);
  });

  it('restores the app too when a table of a trashed app is restored', async () => {
    const { storage, clock } = await openTestStorage();
    const app = await storage.definitions.createApp({ name: 'Archive' });
    const table = await storage.definitions.createTable(app.id, 'Old');
    await storage.definitions.trashTable(table.id);
    await storage.definitions.trashApp(app.id);
    clock.now += 500;

    await storage.definitions.restoreTable(table.id);

    const view = await snapshot(storage);
    expect(view.apps).toEqual([expect.objectContaining({ id: app.id, version: 3, updatedAt: START + 500 })]);
    expect(view.apps[0]).not.toHaveProperty('deletedAt');
    expect(view.tables.map((row) => row.id)).toEqual([table.id]);
    expect(view.trash).toEqual([]);
  });

  it('purges an app with its definitions and the records of its tables, leaving other apps alone', async () => {
    const { storage } = await openTestStorage();
    const doomed = await storage.definitions.createApp({ name: 'Doomed' });
    const kept = await storage.definitions.createApp({ name: 'Kept' });
    const doomedTable = await storage.definitions.createTable(doomed.id, 'Lost');
    const keptTable = await storage.definitions.createTable(kept.id, 'Safe');
    await storage.records.addRecords(doomedTable.id, [{ a: 1 }]);
    await storage.records.addRecords(keptTable.id, [{ b: 2 }]);
    await storage.definitions.trashApp(doomed.id);

    await storage.definitions.purgeApp(doomed.id);

    await expect(storage.definitions.loadApp(doomed.id)).rejects.toBeInstanceOf(StorageError);
    const exported = await storage.backup.exportWorkspace();
    expect(exported.workspace.apps.map((app) => [app.name, app.tables.map((table) => table.name)])).toEqual([
      ['Kept', ['Safe']],
    ]);
    expect(exported.records.map((record) => record.values)).toEqual([{ b: 2 }]);
  });

  it('empties the trash: trashed apps and tables go for good with their records, live ones stay', async () => {
    const { storage } = await openTestStorage();
    const crm = await storage.definitions.createApp({ name: 'CRM' });
    const archive = await storage.definitions.createApp({ name: 'Archive' });
    const customers = await storage.definitions.createTable(crm.id, 'Customers');
    const scratch = await storage.definitions.createTable(crm.id, 'Scratch');
    const old = await storage.definitions.createTable(archive.id, 'Old');
    await storage.records.addRecords(customers.id, [{ name: 'kept' }]);
    await storage.records.addRecords(scratch.id, [{ name: 'scratch' }]);
    await storage.records.addRecords(old.id, [{ name: 'old' }]);
    await storage.definitions.trashTable(scratch.id);
    await storage.definitions.trashApp(archive.id);

    await storage.definitions.emptyTrash();

    const exported = await storage.backup.exportWorkspace();
    expect(exported.workspace.apps.map((app) => [app.name, app.tables.map((table) => table.name)])).toEqual([
      ['CRM', ['Customers']],
    ]);
    expect(exported.records.map((record) => record.values)).toEqual([{ name: 'kept' }]);
    expect((await snapshot(storage)).trash).toEqual([]);
  });
});

describe('duplicating an app', () => {
  it('copies tables, forms, automations, dashboards and live records under fresh ids, references intact', async () => {
    const { storage, clock } = await openTestStorage();
    await storage.backup.restoreWorkspace(workspaceJson());
    clock.now += 1000;

    const copyId = await storage.definitions.duplicateApp('app-crm', 'CRM copy');

    const copy = await storage.definitions.loadApp(copyId);
    const tableId = (name: string) =>
      must(
        copy.tables.find((table) => table.name === name),
        name,
      ).id;
    expect(copy).toMatchObject({ name: 'CRM copy', version: 1, createdAt: START + 1000 });
    expect(copy.tables.map((table) => table.name)).toEqual(['Customers', 'Feedback']);
    expect(copy.tables.map((table) => table.id)).not.toContain('tbl-customers');
    expect(copy.forms.map((form) => form.tableId)).toEqual([tableId('Feedback')]);
    expect(copy.automations.map((automation) => automation.trigger)).toEqual([
      { kind: 'schedule', tableId: tableId('Customers'), everyMinutes: 60 },
      { kind: 'formSubmitted', formId: copy.forms[0]?.id },
    ]);
    expect(copy.dashboards[0]?.widgets.map((widget) => widget.tableId)).toEqual([
      tableId('Customers'),
      tableId('Feedback'),
    ]);
    expect(await storage.records.countRecords(tableId('Customers'))).toBe(2);
    expect(await storage.records.countRecords(tableId('Feedback'))).toBe(1);
    expect(await storage.records.countRecords('tbl-customers')).toBe(2);
    const view = await snapshot(storage);
    expect(view.apps.map((app) => app.name)).toEqual(['CRM', 'CRM copy']);
  });

  it('leaves trashed tables out of the copy', async () => {
    const { storage } = await openTestStorage();
    const app = await storage.definitions.createApp({ name: 'CRM' });
    await storage.definitions.createTable(app.id, 'Customers');
    const scratch = await storage.definitions.createTable(app.id, 'Scratch');
    await storage.records.addRecords(scratch.id, [{ a: 1 }]);
    await storage.definitions.trashTable(scratch.id);

    const copyId = await storage.definitions.duplicateApp(app.id, 'Copy');

    expect((await storage.definitions.loadApp(copyId)).tables.map((table) => table.name)).toEqual([
      'Customers',
    ]);
    expect((await storage.backup.exportWorkspace()).records).toHaveLength(1);
  });
});

describe('people', () => {
  it('replaces the workspace people list', async () => {
    const { storage } = await openTestStorage();
    await storage.definitions.ensureWorkspace('Mine');
    await storage.definitions.setPeople([
      { id: 'p1', name: '王芳' },
      { id: 'p2', name: 'Ann' },
    ]);
    expect((await storage.definitions.getWorkspace())?.people).toEqual([
      { id: 'p1', name: '王芳' },
      { id: 'p2', name: 'Ann' },
    ]);
  });
});
