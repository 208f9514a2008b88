import { describe, expect, it } from 'vitest';
import { createStorage } from '../../src/storage';

describe('storage', () => {
  it('creates an app and a table that survive reopening the database', async () => {
    const storage = createStorage({ name: 'smoke' });
    await storage.connection.open();
    const app = await storage.definitions.createApp({ name: 'CRM' });
    await storage.definitions.createTable(app.id, 'Customers');
    storage.connection.close();
    const reopened = createStorage({ name: 'smoke' });
    const snapshot = await new Promise<Parameters<Parameters<typeof reopened.observeWorkspace>[0]>[0]>((resolve, reject) => {
      const stop = reopened.observeWorkspace((value) => {
        stop();
        resolve(value);
      }, reject);
    });
    expect(snapshot.apps.map((row) => row.name)).toEqual(['CRM']);
    expect(snapshot.tables.map((row) => row.name)).toEqual(['Customers']);
  });
});
