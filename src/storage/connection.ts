// Opens the database and watches it: when another tab upgrades the schema, this tab lets go at once (so the other
// tab is never blocked) and tells its listeners, which ask the user to reload.
import Dexie from 'dexie';
import { LiucunDatabase, DEFAULT_DATABASE_NAME } from './database';

export type ConnectionState = 'open' | 'stale';

type Listener = (state: ConnectionState) => void;

export class Connection {
  readonly db: LiucunDatabase;
  private state: ConnectionState = 'open';
  private readonly listeners = new Set<Listener>();

  constructor(name: string = DEFAULT_DATABASE_NAME) {
    this.db = new LiucunDatabase(name);
    this.db.on('versionchange', () => {
      // Close without auto-reopen: reopening would fail (or worse, run old code on a new schema).
      this.db.close({ disableAutoOpen: true });
      this.setState('stale');
      return false; // replaces Dexie's default handler, which would allow auto-reopen
    });
    // Dexie 4 answers a VersionError by opening whatever version is on disk, so this code would run on a database
    // that a newer build already upgraded. Refuse on every open (auto-open included). Dexie stores version n as
    // native version 10n (+1 after one of its schema patches), hence the division. A VersionError is classified as
    // 'versionChanged' even when Dexie wraps it (OpenFailedError, DatabaseClosedError on later calls).
    this.db.on(
      'ready',
      (vipDb) => {
        if (Math.floor(vipDb.backendDB().version / 10) <= vipDb.verno) return;
        this.setState('stale');
        throw new Dexie.VersionError(
          `The database "${vipDb.name}" was upgraded by a newer version of Liucun.`,
        );
      },
      true,
    );
  }

  get current(): ConnectionState {
    return this.state;
  }

  /** Opens the database. A database newer than this code (another tab already upgraded) makes the connection stale. */
  async open(): Promise<void> {
    try {
      await this.db.open();
    } catch (error) {
      if (error instanceof Error && (error.name === 'VersionError' || error.name === 'UpgradeError')) {
        this.setState('stale');
      }
      throw error;
    }
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.db.close();
  }

  private setState(state: ConnectionState): void {
    if (this.state === state) return;
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }
}
