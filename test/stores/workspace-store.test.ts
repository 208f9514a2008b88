// The workspace store turns storage failures into messages the user sees, and keeps what was stored.
import type { DBCore, DBCoreMutateRequest } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { createStorage } from '../../src/storage';
import { noticesStore } from '../../src/stores/notices-store';
import { connectWorkspaceStore, workspaceStore } from '../../src/stores/workspace-store';

/** Makes every write fail like a full disk while `full.value` is true. */
function withFullDisk(storage: ReturnType<typeof createStorage>, full: { value: boolean }): void {
  storage.connection.db.use({
    stack: 'dbcore',
    name: 'full-disk',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name: string) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (request: DBCoreMutateRequest) =>
            full.value
              ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
              : table.mutate(request),
        };
      },
    }),
  });
}

async function snapshotReady(predicate: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 100 && !predicate(); attempt++)
    await new Promise((resolve) => setTimeout(resolve, 10));
  expect(predicate()).toBe(true);
}

let disconnect: (() => void) | undefined;
afterEach(() => {
  disconnect?.();
  noticesStore.setState({
    toasts: [],
    staleDatabase: false,
    storageProblem: undefined,
    updateAvailable: false,
  });
});

describe('workspace store', () => {
  it('shows the full-disk message and keeps the apps stored before', async () => {
    const storage = createStorage({ name: `store-${crypto.randomUUID()}` });
    const full = { value: false };
    withFullDisk(storage, full);
    disconnect = await connectWorkspaceStore(storage, 'Workspace');
    const actions = workspaceStore.getState();
    expect(await actions.createApp('Kept')).toBeTypeOf('string');
    await snapshotReady(() => workspaceStore.getState().snapshot.apps.length === 1);

    full.value = true;
    expect(await actions.createApp('Lost')).toBeUndefined();
    expect(noticesStore.getState().storageProblem).toBe('errors.storage.quota');
    expect(noticesStore.getState().toasts.map((toast) => toast.key)).toEqual(['errors.storage.quota']);

    full.value = false;
    const exported = await storage.backup.exportWorkspace();
    expect(exported.workspace.apps.map((app) => app.name)).toEqual(['Kept']);
  });

  it('reports a stale tab when another tab upgrades the database', async () => {
    const name = `store-${crypto.randomUUID()}`;
    const storage = createStorage({ name });
    disconnect = await connectWorkspaceStore(storage, 'Workspace');
    const { default: Dexie } = await import('dexie');
    const newer = new Dexie(name);
    newer.version(30).stores({ workspace: 'key', extra: 'id' });
    await newer.open();
    expect(noticesStore.getState().staleDatabase).toBe(true);
    newer.close();
  });

  it('restores a workspace from JSON text, and reports malformed text without touching the data', async () => {
    const storage = createStorage({ name: `store-${crypto.randomUUID()}` });
    disconnect = await connectWorkspaceStore(storage, 'Workspace');
    const actions = workspaceStore.getState();
    await actions.createApp('Original');
    const text = JSON.stringify(await actions.exportWorkspace());

    const malformed = await actions.restoreWorkspace('{"format": ');
    expect(malformed?.ok).toBe(false);
    if (malformed && !malformed.ok)
      expect(malformed.error.map((problem) => [problem.path, problem.code])).toEqual([['$', 'notJson']]);

    await actions.createApp('Added later');
    const restored = await actions.restoreWorkspace(text);
    expect(restored).toEqual({ ok: true, value: { apps: 1, records: 0 } });
    expect((await storage.backup.exportWorkspace()).workspace.apps.map((app) => app.name)).toEqual([
      'Original',
    ]);
  });
});
