// Storage: the only layer that imports Dexie. Everything above it uses these repositories.
import { newId } from '../shared/ids';
import { BackupRepository } from './backup';
import { BlobsRepository } from './blobs';
import { Connection } from './connection';
import { DefinitionsRepository, type Environment } from './definitions';
import { observeWorkspace, type WorkspaceSnapshot } from './observe';
import { TableEditsRepository } from './edits';
import { LinksRepository } from './links';
import { RecordsRepository } from './records';
import { TemplatesRepository } from './templates';
import type { StorageError } from './errors';

export interface Storage {
  readonly connection: Connection;
  readonly definitions: DefinitionsRepository;
  readonly records: RecordsRepository;
  readonly edits: TableEditsRepository;
  readonly links: LinksRepository;
  readonly blobs: BlobsRepository;
  readonly backup: BackupRepository;
  readonly templates: TemplatesRepository;
  observeWorkspace(
    onSnapshot: (snapshot: WorkspaceSnapshot) => void,
    onError: (error: StorageError) => void,
  ): () => void;
}

export interface StorageOptions {
  readonly name?: string;
  readonly now?: () => number;
  readonly newId?: () => string;
}

export function createStorage(options: StorageOptions = {}): Storage {
  const connection = new Connection(options.name);
  const env: Environment = { now: options.now ?? (() => Date.now()), newId: options.newId ?? newId };
  const definitions = new DefinitionsRepository(connection.db, env);
  return {
    connection,
    definitions,
    records: new RecordsRepository(connection.db, env),
    edits: new TableEditsRepository(connection.db, env),
    links: new LinksRepository(connection.db, env),
    blobs: new BlobsRepository(connection.db, env),
    backup: new BackupRepository(connection.db, env, definitions),
    templates: new TemplatesRepository(connection.db, env, definitions),
    observeWorkspace: (onSnapshot, onError) => observeWorkspace(connection.db, onSnapshot, onError),
  };
}

export type { ConnectionState } from './connection';
export { StorageError, classifyStorageError, type StorageErrorKind } from './errors';
export {
  HISTORY_LIMIT,
  TableEditError,
  type EditContext,
  type EditLabel,
  type HistoryState,
  type RecordHistoryEntry,
  type ReplayResult,
} from './edits';
export { LinksRepository, type AddedLinkField, type InverseLinkSpec, type LinkWriteResult } from './links';
export { AttachmentError, BlobsRepository, MAX_ATTACHMENT_BYTES } from './blobs';
export type { TrashEntry, WorkspaceSnapshot } from './observe';
export { estimateStorage, requestPersistentStorage, type StorageEstimateInfo } from './quota';
export type { AppRow, TableRow, WorkspaceRow } from './rows';
