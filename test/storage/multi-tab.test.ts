// Two tabs, two versions of the app: when a newer tab upgrades the database, this tab lets go at once (the upgrade
// is never blocked) and tells its listeners to ask for a reload; and old code never opens a newer database.
import Dexie from 'dexie';
import { describe, expect, it, onTestFinished } from 'vitest';
import { StorageError, classifyStorageError, type ConnectionState } from '../../src/storage';
import { STORES_V3 } from './dexie-layout';
import { databaseName, openTestStorage, testStorage } from './support';

/** Opens the database as a newer build would: version 4, one more store. Fails if the upgrade stays blocked. */
async function openAsNewerBuild(name: string): Promise<Dexie> {
  const newer = new Dexie(name);
  newer.version(4).stores({ ...STORES_V3, outbox: 'id' });
  onTestFinished(() => newer.close());
  let timer: ReturnType<typeof setTimeout> | undefined;
  const blocked = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('The upgrade to version 3 stayed blocked')), 2000);
  });
  try {
    await Promise.race([newer.open(), blocked]);
  } finally {
    clearTimeout(timer);
  }
  return newer;
}

describe('when another tab upgrades the database', () => {
  it('lets the upgrade through and tells subscribers the connection is stale', async () => {
    const { storage, name } = await openTestStorage();
    await storage.definitions.createApp({ name: 'CRM' });
    const states: ConnectionState[] = [];
    storage.connection.subscribe((state) => states.push(state));
    expect(storage.connection.current).toBe('open');

    const newer = await openAsNewerBuild(name);

    expect(newer.verno).toBe(4);
    expect(newer.tables.map((table) => table.name)).toContain('outbox');
    expect(await newer.table('apps').count()).toBe(1);
    expect(states).toEqual(['stale']);
    expect(storage.connection.current).toBe('stale');
  });

  it('stops writing from the stale tab, so old code never touches the upgraded data', async () => {
    const { storage, name } = await openTestStorage();
    const newer = await openAsNewerBuild(name);

    await expect(storage.definitions.createApp({ name: 'Late write' })).rejects.toBeInstanceOf(StorageError);

    expect(await newer.table('apps').count()).toBe(0);
  });

  it('no longer calls a listener that unsubscribed', async () => {
    const { storage, name } = await openTestStorage();
    const states: ConnectionState[] = [];
    const unsubscribe = storage.connection.subscribe((state) => states.push(state));
    unsubscribe();

    await openAsNewerBuild(name);

    expect(states).toEqual([]);
    expect(storage.connection.current).toBe('stale');
  });
});

describe('when the database on disk is newer than this code', () => {
  it('refuses to open and reports the connection stale', async () => {
    const name = databaseName();
    (await openAsNewerBuild(name)).close();
    const { storage } = testStorage({ name });
    const states: ConnectionState[] = [];
    storage.connection.subscribe((state) => states.push(state));

    const error: unknown = await storage.connection.open().then(
      () => 'opened',
      (reason: unknown) => reason,
    );

    expect(classifyStorageError(error)).toBe('versionChanged');
    expect(storage.connection.current).toBe('stale');
    expect(states).toEqual(['stale']);
  });

  it('refuses writes that would open the database implicitly, leaving its data alone', async () => {
    const name = databaseName();
    const newer = await openAsNewerBuild(name);
    await newer.table('apps').add({ id: 'app-new', name: 'Written by v4' });
    newer.close();
    const { storage } = testStorage({ name });

    await expect(storage.definitions.createApp({ name: 'Old code' })).rejects.toMatchObject({
      name: 'StorageError',
      kind: 'versionChanged',
    });
    await expect(storage.records.countRecords('any')).rejects.toMatchObject({ kind: 'versionChanged' });

    expect(storage.connection.current).toBe('stale');
    const reopened = await openAsNewerBuild(name);
    expect(await reopened.table('apps').toArray()).toEqual([{ id: 'app-new', name: 'Written by v4' }]);
  });
});
