// Live workspace snapshots: a screen sees every change to the definitions, including changes made through another
// connection to the same database (another tab, in the browser).
import { describe, expect, it } from 'vitest';
import type { Storage, WorkspaceSnapshot } from '../../src/storage';
import { openTestStorage, snapshotWhere } from './support';

/** Subscribes for the rest of the test and collects what each snapshot shows: app names, then table names. */
function watch(storage: Storage): { readonly seen: string[][][]; stop: () => void } {
  const seen: string[][][] = [];
  const summary = (view: WorkspaceSnapshot) => [
    view.apps.map((app) => app.name),
    view.tables.map((table) => table.name),
  ];
  const stop = storage.observeWorkspace(
    (view) => seen.push(summary(view)),
    (error) => {
      throw error;
    },
  );
  return { seen, stop };
}

describe('observeWorkspace', () => {
  it('delivers the current workspace first and then every change', async () => {
    const { storage } = await openTestStorage();
    const { seen, stop } = watch(storage);
    await expect.poll(() => seen.length).toBe(1);

    const app = await storage.definitions.createApp({ name: 'CRM' });
    await expect.poll(() => seen.at(-1)).toEqual([['CRM'], []]);
    await storage.definitions.createTable(app.id, 'Customers');
    await expect.poll(() => seen.at(-1)).toEqual([['CRM'], ['Customers']]);
    stop();

    expect(seen[0]).toEqual([[], []]);
  });

  it('shows a change made through another connection to the same database', async () => {
    const writer = await openTestStorage({ idPrefix: 'writer' });
    const reader = await openTestStorage({ name: writer.name, idPrefix: 'reader' });
    const { seen, stop } = watch(reader.storage);
    await expect.poll(() => seen.length).toBe(1);

    const app = await writer.storage.definitions.createApp({ name: 'CRM' });
    await writer.storage.definitions.createTable(app.id, 'Customers');

    await expect.poll(() => seen.at(-1)).toEqual([['CRM'], ['Customers']]);
    stop();
    expect(seen[0]).toEqual([[], []]);
  });

  it('stops delivering snapshots once unsubscribed', async () => {
    const { storage } = await openTestStorage();
    const { seen, stop } = watch(storage);
    await expect.poll(() => seen.length).toBe(1);
    stop();

    await storage.definitions.createApp({ name: 'CRM' });
    await snapshotWhere(storage, (view) => view.apps.length === 1);

    expect(seen).toEqual([[[], []]]);
  });
});
