// A full disk: a write that hits the quota fails as a whole with a 'quota' StorageError, and what was stored before
// is untouched. The disk filling up is simulated by a Dexie DBCore middleware that fails chosen writes the way a
// browser does, with a QuotaExceededError.
import Dexie, { type DBCore, type DBCoreMutateRequest, type DBCoreTable, type Middleware } from 'dexie';
import { describe, expect, it } from 'vitest';
import { StorageError, classifyStorageError, type Storage } from '../../src/storage';
import { workspaceJson } from '../engine/model/documents';
import { snapshot, testStorage } from './support';

type FailWhen = (table: string, request: DBCoreMutateRequest) => boolean;

/** Opens a storage whose writes fail with QuotaExceededError whenever `disk.fullFor` says so. */
async function storageOnFillingDisk() {
  const disk: { fullFor: FailWhen } = { fullFor: () => false };
  const quota: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'quota',
    create: (down) => ({
      ...down,
      table: (name: string): DBCoreTable => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (request) =>
            disk.fullFor(name, request)
              ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
              : table.mutate(request),
        };
      },
    }),
  };
  const test = testStorage();
  test.storage.connection.db.use(quota);
  await test.storage.connection.open();
  await test.storage.definitions.ensureWorkspace('Acme');
  return { ...test, disk };
}

const always: FailWhen = () => true;

async function expectQuotaError(work: Promise<unknown>): Promise<void> {
  const error: unknown = await work.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(StorageError);
  expect(error).toMatchObject({ kind: 'quota' });
}

async function exportOf(storage: Storage) {
  return storage.backup.exportWorkspace();
}

describe('when the disk is full', () => {
  it('fails adding records with a quota error and stores none of them', async () => {
    const { storage, disk } = await storageOnFillingDisk();
    const app = await storage.definitions.createApp({ name: 'CRM' });
    const table = await storage.definitions.createTable(app.id, 'Customers');
    await storage.records.addRecords(table.id, [{ n: 1 }, { n: 2 }]);
    const before = await exportOf(storage);
    disk.fullFor = always;

    await expectQuotaError(storage.records.addRecords(table.id, [{ n: 3 }, { n: 4 }, { n: 5 }]));

    disk.fullFor = () => false;
    expect(await exportOf(storage)).toEqual(before);
    expect(await storage.records.countRecords(table.id)).toBe(2);
  });

  it('fails creating a table with a quota error and keeps the app as it was', async () => {
    const { storage, disk } = await storageOnFillingDisk();
    const app = await storage.definitions.createApp({ name: 'CRM' });
    await storage.definitions.createTable(app.id, 'Customers');
    disk.fullFor = always;

    await expectQuotaError(storage.definitions.createTable(app.id, 'Orders'));

    disk.fullFor = () => false;
    expect((await snapshot(storage)).tables.map((table) => table.name)).toEqual(['Customers']);
  });

  it('rolls back a restore that fills the disk halfway, keeping the old workspace whole', async () => {
    const { storage, disk } = await storageOnFillingDisk();
    const app = await storage.definitions.createApp({ name: 'Old app' });
    const table = await storage.definitions.createTable(app.id, 'Old table');
    await storage.records.addRecords(table.id, [{ kept: true }]);
    const before = await exportOf(storage);
    const writes: string[] = [];
    // The stores are cleared and the definitions written; only the records no longer fit.
    disk.fullFor = (name, request) => {
      writes.push(`${name} ${request.type}`);
      return name === 'records' && request.type === 'add';
    };

    await expectQuotaError(storage.backup.restoreWorkspace(workspaceJson()));

    disk.fullFor = () => false;
    expect(writes).toEqual(
      expect.arrayContaining(['records deleteRange', 'apps put', 'tableDefs put', 'records add']),
    );
    expect(await exportOf(storage)).toEqual(before);
  });

  it('rolls back a duplicated app whose records no longer fit', async () => {
    const { storage, disk } = await storageOnFillingDisk();
    const app = await storage.definitions.createApp({ name: 'CRM' });
    const table = await storage.definitions.createTable(app.id, 'Customers');
    await storage.records.addRecords(table.id, [{ n: 1 }]);
    const before = await exportOf(storage);
    disk.fullFor = (name) => name === 'records';

    await expectQuotaError(storage.definitions.duplicateApp(app.id, 'Copy'));

    disk.fullFor = () => false;
    expect(await exportOf(storage)).toEqual(before);
  });

  it('works again once space is free', async () => {
    const { storage, disk } = await storageOnFillingDisk();
    const app = await storage.definitions.createApp({ name: 'CRM' });
    const table = await storage.definitions.createTable(app.id, 'Customers');
    disk.fullFor = always;
    await expectQuotaError(storage.records.addRecords(table.id, [{ n: 1 }]));

    disk.fullFor = () => false;
    await storage.records.addRecords(table.id, [{ n: 2 }]);

    expect((await storage.records.readWindow(table.id, 0, 10)).map((record) => record.values)).toEqual([
      { n: 2 },
    ]);
  });
});

describe('classifyStorageError', () => {
  const quotaExceeded = () => new DOMException('full', 'QuotaExceededError');

  it('recognises a QuotaExceededError', () => {
    expect(classifyStorageError(quotaExceeded())).toBe('quota');
  });

  it('recognises a QuotaExceededError wrapped as the inner error of an abort', () => {
    expect(classifyStorageError({ name: 'AbortError', inner: quotaExceeded() })).toBe('quota');
    expect(classifyStorageError(new Dexie.AbortError('Transaction aborted', quotaExceeded()))).toBe('quota');
  });

  it('recognises a QuotaExceededError among the failures of a Dexie bulk error', () => {
    const bulk = new Dexie.BulkError('2 of 3 operations failed', [
      new Dexie.ConstraintError('dup'),
      quotaExceeded(),
    ]);

    expect(classifyStorageError(bulk)).toBe('quota');
    expect(classifyStorageError({ name: 'AbortError', inner: bulk })).toBe('quota');
  });

  it('recognises a QuotaExceededError given as the cause of another error', () => {
    expect(classifyStorageError(new Error('write failed', { cause: quotaExceeded() }))).toBe('quota');
  });

  it('recognises the legacy DOMException code 22 whatever the name', () => {
    expect(classifyStorageError({ name: 'Error', code: 22 })).toBe('quota');
    expect(classifyStorageError({ name: 'AbortError', inner: { code: 22 } })).toBe('quota');
  });

  it('tells a version change and a missing IndexedDB apart from a full disk', () => {
    expect(classifyStorageError(new Dexie.VersionError('newer'))).toBe('versionChanged');
    expect(classifyStorageError({ name: 'AbortError', inner: { name: 'VersionChangedError' } })).toBe(
      'versionChanged',
    );
    expect(classifyStorageError(new Dexie.MissingAPIError('no IndexedDB'))).toBe('unavailable');
    expect(classifyStorageError(new DOMException('closing', 'InvalidStateError'))).toBe('unavailable');
  });

  it('calls other failures unknown', () => {
    expect(classifyStorageError(new Dexie.AbortError('aborted'))).toBe('unknown');
    expect(classifyStorageError(new Dexie.ConstraintError('duplicate key'))).toBe('unknown');
    expect(classifyStorageError(new Error('boom'))).toBe('unknown');
    expect(classifyStorageError('a string')).toBe('unknown');
    expect(classifyStorageError(null)).toBe('unknown');
    expect(classifyStorageError({ code: 21 })).toBe('unknown');
  });

  it('does not loop on an error that contains itself', () => {
    const looping: { name: string; inner?: unknown } = { name: 'AbortError' };
    looping.inner = looping;

    expect(classifyStorageError(looping)).toBe('unknown');
  });

  it('keeps the kind of an error already classified', () => {
    expect(classifyStorageError(new StorageError('versionChanged', 'reload'))).toBe('versionChanged');
  });
});

describe('a storage error from a failed write', () => {
  it('keeps the original failure as its cause', async () => {
    const { storage, disk } = await storageOnFillingDisk();
    disk.fullFor = always;

    const error: unknown = await storage.definitions
      .createApp({ name: 'CRM' })
      .catch((reason: unknown) => reason);

    expect(error).toMatchObject({ name: 'StorageError', kind: 'quota' });
    expect(classifyStorageError((error as StorageError).cause)).toBe('quota');
  });
});
