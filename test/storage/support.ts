// Storage test helpers: a storage on a fresh database with a hand-driven clock and readable sequential ids, and a
// way to wait for the workspace snapshot a screen would see.
import { onTestFinished } from 'vitest';
import { createStorage, type Storage, type WorkspaceSnapshot } from '../../src/storage';

export interface Clock {
  /** The current time in epoch milliseconds. */
  now: number;
}

export interface TestStorage {
  readonly storage: Storage;
  readonly clock: Clock;
  readonly name: string;
}

/** Time the tests start at: 2026-01-01T00:00:00Z. */
export const START = 1_767_225_600_000;

/** A fresh database name, so no test sees another's data. */
export function databaseName(): string {
  return `liucun-test-${crypto.randomUUID()}`;
}

/**
 * Ids that sort in creation order like the UUIDv7 ids of the app, but readable in failure messages. Each storage
 * gets its own prefix so ids from two storages on one database never collide.
 */
export function sequentialIds(prefix: string): () => string {
  let next = 0;
  return () => `${prefix}-${String(++next).padStart(6, '0')}`;
}

/** A storage with an injected clock and id source; closed when the test finishes. Not opened yet. */
export function testStorage(options: { name?: string; idPrefix?: string } = {}): TestStorage {
  const clock: Clock = { now: START };
  const name = options.name ?? databaseName();
  const storage = createStorage({
    name,
    now: () => clock.now,
    newId: sequentialIds(options.idPrefix ?? 'id'),
  });
  onTestFinished(() => storage.connection.close());
  return { storage, clock, name };
}

/** A storage as above, already open. */
export async function openTestStorage(
  options: { name?: string; idPrefix?: string } = {},
): Promise<TestStorage> {
  const test = testStorage(options);
  await test.storage.connection.open();
  return test;
}

/** Resolves with the first workspace snapshot that satisfies `accept` (or fails the test after `timeoutMs`). */
export function snapshotWhere(
  storage: Storage,
  accept: (snapshot: WorkspaceSnapshot) => boolean = () => true,
  timeoutMs = 2000,
): Promise<WorkspaceSnapshot> {
  return new Promise((resolve, reject) => {
    let last: WorkspaceSnapshot | undefined;
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`No matching snapshot within ${timeoutMs} ms; last one: ${JSON.stringify(last)}`));
    }, timeoutMs);
    const stop = storage.observeWorkspace(
      (snapshot) => {
        last = snapshot;
        if (!accept(snapshot)) return;
        clearTimeout(timer);
        stop();
        resolve(snapshot);
      },
      (error) => {
        clearTimeout(timer);
        stop();
        reject(error);
      },
    );
  });
}

/** The current workspace snapshot. */
export function snapshot(storage: Storage): Promise<WorkspaceSnapshot> {
  return snapshotWhere(storage);
}
