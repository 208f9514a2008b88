// A database written by a pre-release build (database version 1, definition schema 1) is upgraded in place on the
// first open: every row is rewritten through the engine's migration chain and the app shows it as before.
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { validateWorkspaceDocument } from '../../src/engine';
import { STORES_V1 } from './dexie-layout';
import { databaseName, snapshot, testStorage } from './support';

const T0 = 1_735_000_000_000;

/** Writes schema 1 rows with raw Dexie at database version 1, as the old build did, and closes the database. */
async function writeVersion1Database(name: string): Promise<void> {
  const old = new Dexie(name);
  old.version(1).stores(STORES_V1);
  await old.open();
  await old.table('workspace').put({
    key: 'workspace',
    id: 'ws-legacy',
    name: 'Legacy',
    people: [],
    onboarded: true,
    schemaVersion: 1,
    createdAt: T0,
    updatedAt: T0,
  });
  await old.table('apps').bulkPut([
    { id: 'app-support', title: 'Support desk', createdAt: T0, updatedAt: T0, order: 0, schemaVersion: 1 },
    { id: 'app-sales', title: 'Sales', createdAt: T0, updatedAt: T0, order: 1 },
  ]);
  await old.table('tableDefs').put({
    id: 'tbl-tickets',
    appId: 'app-support',
    name: 'Tickets',
    order: 0,
    schemaVersion: 1,
    createdAt: T0,
    updatedAt: T0,
    fields: [
      { id: 'fld-subject', name: 'Subject', type: 'text' },
      { id: 'fld-body', name: 'Body', type: 'textarea' },
      { id: 'fld-priority', name: 'Priority', type: 'number' },
    ],
    views: [{ id: 'view-tickets', name: 'Grid', kind: 'grid' }],
  });
  await old.table('records').bulkPut([
    {
      id: 'rec-1',
      tableId: 'tbl-tickets',
      values: { 'fld-subject': 'Login' },
      createdAt: T0,
      updatedAt: T0,
      version: 1,
    },
    {
      id: 'rec-2',
      tableId: 'tbl-tickets',
      values: { 'fld-subject': 'Spam' },
      createdAt: T0,
      updatedAt: T0 + 1,
      version: 2,
      deletedAt: T0 + 1,
    },
    {
      id: 'rec-3',
      tableId: 'tbl-tickets',
      values: { 'fld-subject': 'Invoice' },
      createdAt: T0,
      updatedAt: T0,
      version: 1,
    },
  ]);
  old.close();
}

describe('opening a database written by the pre-release build', () => {
  it('upgrades app rows: named, counted, marked with the current schema', async () => {
    const name = databaseName();
    await writeVersion1Database(name);
    const { storage } = testStorage({ name });

    await storage.connection.open();

    const apps = await storage.connection.db.apps.toArray();
    expect(apps).toEqual([
      {
        id: 'app-sales',
        name: 'Sales',
        createdAt: T0,
        updatedAt: T0,
        order: 1,
        version: 1,
        schemaVersion: 2,
      },
      {
        id: 'app-support',
        name: 'Support desk',
        createdAt: T0,
        updatedAt: T0,
        order: 0,
        version: 1,
        schemaVersion: 2,
      },
    ]);
  });

  it('upgrades table rows: fields tagged by kind, a version counter, the current schema', async () => {
    const name = databaseName();
    await writeVersion1Database(name);
    const { storage } = testStorage({ name });

    await storage.connection.open();

    const table = await storage.connection.db.tableDefs.get('tbl-tickets');
    expect(table).toMatchObject({ appId: 'app-support', name: 'Tickets', version: 1, schemaVersion: 2 });
    expect(table?.fields).toEqual([
      { id: 'fld-subject', name: 'Subject', kind: 'text' },
      { id: 'fld-body', name: 'Body', kind: 'longText' },
      { id: 'fld-priority', name: 'Priority', kind: 'number' },
    ]);
  });

  it('turns record deletion timestamps into indexed tombstone flags', async () => {
    const name = databaseName();
    await writeVersion1Database(name);
    const { storage } = testStorage({ name });

    await storage.connection.open();

    const rows = await storage.connection.db.records.toArray();
    expect(rows.map((row) => [row.id, row.deleted])).toEqual([
      ['rec-1', 0],
      ['rec-2', 1],
      ['rec-3', 0],
    ]);
    expect(rows.some((row) => 'deletedAt' in row)).toBe(false);
    expect(await storage.records.countRecords('tbl-tickets')).toBe(2);
    expect((await storage.records.readWindow('tbl-tickets', 0, 10)).map((record) => record.id)).toEqual([
      'rec-1',
      'rec-3',
    ]);
  });

  it('marks the workspace row with the current schema version', async () => {
    const name = databaseName();
    await writeVersion1Database(name);
    const { storage } = testStorage({ name });

    await storage.connection.open();

    expect(await storage.definitions.getWorkspace()).toMatchObject({
      id: 'ws-legacy',
      name: 'Legacy',
      schemaVersion: 2,
    });
  });

  it('shows the upgraded apps and tables in the workspace snapshot', async () => {
    const name = databaseName();
    await writeVersion1Database(name);
    const { storage } = testStorage({ name });

    const view = await snapshot(storage);

    expect(view.apps.map((app) => app.name)).toEqual(['Support desk', 'Sales']);
    expect(view.tables.map((table) => [table.name, table.fields.map((field) => field.kind)])).toEqual([
      ['Tickets', ['text', 'longText', 'number']],
    ]);
    expect(view.workspace?.schemaVersion).toBe(2);
  });

  it('exports the upgraded database as a valid current document', async () => {
    const name = databaseName();
    await writeVersion1Database(name);
    const { storage } = testStorage({ name });

    const exported = await storage.backup.exportWorkspace();

    expect(validateWorkspaceDocument(exported)).toEqual({ ok: true, value: exported });
    expect(exported.workspace.apps.map((app) => app.name)).toEqual(['Support desk', 'Sales']);
    expect(exported.records.map((record) => [record.id, record.deleted])).toEqual([
      ['rec-1', false],
      ['rec-2', true],
      ['rec-3', false],
    ]);
  });

  it('upgrades only once: a second open leaves the rows as the first left them', async () => {
    const name = databaseName();
    await writeVersion1Database(name);
    const first = testStorage({ name });
    await first.storage.connection.open();
    await first.storage.definitions.renameApp('app-support', 'Help desk');
    const before = await first.storage.backup.exportWorkspace();
    first.storage.connection.close();

    const second = testStorage({ name });
    await second.storage.connection.open();

    expect(await second.storage.backup.exportWorkspace()).toEqual(before);
  });
});
