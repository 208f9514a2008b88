// The message handling of the table worker, apart from `self` so tests can drive it. The worker holds one table's live
// records in memory (read from IndexedDB in chunks), answers queries with ordered ids and group summaries, follows the
// page's edits (applyChanges), and recomputes computed fields over every record, persisting what changed.
//
// Recompute order per record: lookups and rollups first (from the linked tables' records, read from storage when the
// job starts), then formula and tier fields, which may read them. Lookups of another table's lookup read its stored
// value (one hop); loops through links are out of scope.
import {
  prepareComputedFields,
  type ComputedFields,
  type DataRecord,
  type JsonValue,
  type Table,
} from '../engine';
import {
  lookupFieldsOf,
  lookupTargetTableIds,
  prepareLookups,
  resolveLinked,
  type LinkedRecord,
} from '../engine/computed/lookup';
import type { RecordChanges } from '../engine/evaluate-table';
import {
  QueryCache,
  runQuery,
  type FromTableWorker,
  type QueryEnv,
  type QueryRecord,
  type TableQuery,
  type ToTableWorker,
} from '../engine/query';
import { newId } from '../shared/ids';
import { createStorage } from '../storage';
import { LinksRepository } from '../storage/links';
import { ScanRepository, type ComputedChange } from '../storage/scan';

/** What the worker reads and writes: one database, opened by name. */
export interface TableStorage {
  readonly readAll: (tableId: string, onChunk: (records: DataRecord[]) => Promise<void>) => Promise<number>;
  readonly count: (tableId: string) => Promise<number>;
  readonly writeComputed: (
    tableId: string,
    changes: readonly ComputedChange[],
    options?: { readonly complete?: boolean; readonly tableVersion?: number },
  ) => Promise<number>;
  /** A table's stored definition (the tables lookups and rollups read), undefined when missing or trashed. */
  readonly readTable: (tableId: string) => Promise<Table | undefined>;
  readonly close: () => void;
}

/** What the protocol needs from its surroundings (the worker global in production, fakes in tests). */
export interface TableHost {
  readonly post: (message: FromTableWorker) => void;
  /** Resolves after the event loop has had a turn, so messages that arrived meanwhile have been handled. */
  readonly yieldToEventLoop: () => Promise<void>;
  /** A monotonic clock in ms (performance.now()), for timings and spacing out progress messages. */
  readonly now: () => number;
  readonly openStorage?: (dbName: string) => TableStorage;
  /** Resolves after `ms` milliseconds (setTimeout); without it the worker does not wait for the page's first read. */
  readonly wait?: (ms: number) => Promise<void>;
}

/**
 * After a recompute's values are computed, how long the worker waits for the page to read the rows it shows before
 * it starts storing them: storing 100k records keeps the worker busy for about a second before it can answer again.
 */
export const FIRST_READ_WAIT_MS = 250;

export interface TableProtocolOptions {
  /** Records per chunk of a recompute: the work done between two looks at the message queue. */
  readonly chunkSize?: number;
  /** Records per read transaction while loading. */
  readonly loadChunkSize?: number;
  readonly progressIntervalMs?: number;
}

/** The database through the storage layer's repositories. */
export function openTableStorage(dbName: string, loadChunkSize?: number): TableStorage {
  const storage = createStorage({ name: dbName });
  const env = { now: () => Date.now(), newId };
  const scan = new ScanRepository(storage.connection.db, env);
  const links = new LinksRepository(storage.connection.db, env);
  return {
    readTable: (tableId) => links.readTable(tableId),
    readAll: (tableId, onChunk) => scan.readAll(tableId, onChunk, loadChunkSize),
    count: (tableId) => storage.records.countRecords(tableId),
    writeComputed: (tableId, changes, options) => scan.writeComputed(tableId, changes, options),
    close: () => {
      storage.connection.close();
    },
  };
}

function collatorFor(locale: string): Intl.Collator {
  try {
    return new Intl.Collator(locale, { numeric: true });
  } catch {
    return new Intl.Collator(undefined, { numeric: true }); // An unknown tag: the platform's order beats failing.
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** One opened table: its records in creation order and where each id sits. */
class Session {
  /** Whole records (envelope included): the page reads them while stored values are being brought up to date. */
  records: DataRecord[] = [];
  positions = new Map<string, number>();
  readonly cache = new QueryCache();
  /** Per running recompute, the ids applyChanges touched since it started: its results for them are stale. */
  readonly touchedByJob = new Map<number, Set<string>>();
  loaded = false;

  constructor(
    public table: Table,
    public env: QueryEnv,
    readonly storage: TableStorage,
  ) {}

  add(records: readonly DataRecord[]): void {
    for (const record of records) {
      if (record.deleted || this.positions.has(record.id)) continue;
      this.positions.set(record.id, this.records.length);
      this.records.push(record);
    }
  }

  apply(upserts: readonly DataRecord[], deletedIds: readonly string[]): void {
    const removed = new Set(deletedIds);
    for (const touched of this.touchedByJob.values()) {
      for (const record of upserts) touched.add(record.id);
      for (const id of deletedIds) touched.add(id);
    }
    for (const record of upserts) {
      if (record.deleted) {
        removed.add(record.id);
        continue;
      }
      const position = this.positions.get(record.id);
      if (position === undefined) {
        this.positions.set(record.id, this.records.length);
        this.records.push(record);
      } else this.records[position] = record;
    }
    const gone = [...removed].filter((id) => this.positions.has(id));
    if (gone.length === 0) return;
    const goneSet = new Set(gone);
    this.records = this.records.filter((record) => !goneSet.has(record.id));
    this.positions = new Map(this.records.map((record, index) => [record.id, index]));
  }
}

/** Computes the lookup and rollup values of one record that differ from what it stores. */
type LookupComputer = (record: QueryRecord) => Record<string, JsonValue>;

/**
 * The table's lookups and rollups, ready to compute, or undefined when there are none to compute (none in the table,
 * or a recompute of `fieldIds` that names none of them). Reads every live record of each linked table (the table's
 * own records, for a link to itself, come from memory): a whole target table is held while the job runs.
 */
async function prepareLookupComputer(
  current: Session,
  fieldIds: readonly string[] | undefined,
): Promise<LookupComputer | undefined> {
  const { table, env, storage } = current;
  const lookupIds = lookupFieldsOf(table).map((field) => field.id);
  if (lookupIds.length === 0) return undefined;
  if (fieldIds !== undefined && !fieldIds.some((fieldId) => lookupIds.includes(fieldId))) return undefined;
  const targets: Table[] = [];
  const recordsByTable = new Map<string, ReadonlyMap<string, LinkedRecord>>();
  for (const targetId of lookupTargetTableIds(table)) {
    if (targetId === table.id) {
      recordsByTable.set(targetId, new Map(current.records.map((record) => [record.id, record])));
      continue;
    }
    const target = await storage.readTable(targetId);
    if (target === undefined) continue;
    targets.push(target);
    const byId = new Map<string, LinkedRecord>();
    await storage.readAll(targetId, (chunk) => {
      for (const record of chunk) byId.set(record.id, record);
      return Promise.resolve();
    });
    recordsByTable.set(targetId, byId);
  }
  const prepared = prepareLookups(table, targets, {
    now: env.now,
    timeZone: env.timeZone,
    collator: env.collator,
  });
  const targetOf = new Map<string, string>();
  for (const field of table.fields) if (field.kind === 'link') targetOf.set(field.id, field.targetTableId);
  return (record) =>
    prepared.compute(record, (linkFieldId) => {
      const targetId = targetOf.get(linkFieldId);
      return resolveLinked(
        record.values[linkFieldId],
        targetId === undefined ? undefined : recordsByTable.get(targetId),
      );
    });
}

/**
 * Returns the handler for messages arriving at the worker. Queries run one event-loop turn after they arrive, so of
 * several sent quickly (typing in the search box) only the newest runs; the older ones get no answer (the page has
 * already settled them). A query sent before the table has loaded runs once it has.
 */
export function createTableProtocol(
  host: TableHost,
  options: TableProtocolOptions = {},
): (message: unknown) => void {
  const chunkSize = Math.max(1, Math.floor(options.chunkSize ?? 2_000));
  const progressInterval = options.progressIntervalMs ?? 50;
  const openStorage =
    host.openStorage ?? ((dbName: string) => openTableStorage(dbName, options.loadChunkSize));
  let session: Session | undefined;
  let loading: Promise<boolean> | undefined;
  let latestQueryId = -1;
  const running = new Set<number>();
  const cancelled = new Set<number>();
  /** Set while a recompute waits for the page's first read of its new values. */
  let afterNextRead: (() => void) | undefined;

  const open = (message: Extract<ToTableWorker, { type: 'open' }>): void => {
    session?.storage.close();
    let storage: TableStorage;
    try {
      storage = openStorage(message.dbName);
    } catch (error) {
      session = undefined;
      host.post({ type: 'openFailed', message: messageOf(error) });
      return;
    }
    const current = new Session(
      message.table,
      { now: message.now, timeZone: message.timeZone, collator: collatorFor(message.locale) },
      storage,
    );
    session = current;
    const tableId = message.table.id;
    loading = (async () => {
      try {
        const total = await storage.count(tableId);
        host.post({ type: 'loading', loaded: 0, total });
        await storage.readAll(tableId, async (chunk) => {
          if (session !== current) throw new Error('superseded');
          current.add(chunk);
          host.post({
            type: 'loading',
            loaded: current.records.length,
            total: Math.max(total, current.records.length),
          });
          await host.yieldToEventLoop(); // Lets applyChanges and queries queue up between chunks.
        });
        if (session !== current) return false;
        current.loaded = true;
        host.post({ type: 'ready', count: current.records.length });
        return true;
      } catch (error) {
        if (session !== current) return false;
        session = undefined;
        storage.close();
        host.post({ type: 'openFailed', message: messageOf(error) });
        return false;
      }
    })();
  };

  const query = async (message: Extract<ToTableWorker, { type: 'query' }>): Promise<void> => {
    const { queryId } = message;
    latestQueryId = queryId;
    await host.yieldToEventLoop();
    if (loading && !(await loading)) {
      if (queryId === latestQueryId)
        host.post({ type: 'queryFailed', queryId, message: 'The table is not open.' });
      return;
    }
    if (queryId !== latestQueryId) return; // A newer query came in meanwhile.
    const current = session;
    if (!current) {
      host.post({ type: 'queryFailed', queryId, message: 'The table is not open.' });
      return;
    }
    if (message.now !== undefined) current.env = { ...current.env, now: message.now };
    const request: TableQuery = {
      filter: message.filter,
      sorts: message.sorts,
      search: message.search,
      groupByFieldId: message.groupByFieldId,
      aggregateFieldIds: message.aggregateFieldIds,
    };
    const started = host.now();
    try {
      const result = runQuery(current.records, current.table, request, current.env, current.cache);
      host.post({ type: 'result', queryId, ms: host.now() - started, ...result });
    } catch (error) {
      host.post({ type: 'queryFailed', queryId, message: messageOf(error) });
    }
  };

  const evaluateAndPersist = async (
    jobId: number,
    current: Session,
    touched: ReadonlySet<string>,
    evaluation: ComputedFields,
    lookups: LookupComputer | undefined,
    /** Every computed field was recomputed: the table's recompute flag is cleared with the values. */
    complete: boolean,
  ): Promise<void> => {
    const { table } = current;
    // Evaluate over a snapshot: edits arriving between chunks change current.records, not this list.
    const records = current.records.slice();
    const total = records.length;
    const changes: RecordChanges[] = [];
    const started = host.now();
    let evaluating = 0;
    let lastProgress = started;
    host.post({ type: 'progress', jobId, done: 0, total });
    for (let from = 0; from < total; from += chunkSize) {
      await host.yieldToEventLoop();
      if (cancelled.has(jobId)) {
        host.post({ type: 'cancelled', jobId });
        return;
      }
      const chunkStart = host.now();
      const to = Math.min(total, from + chunkSize);
      if (lookups === undefined) {
        for (const changed of evaluation.evaluateRange(records, { from, to })) changes.push(changed);
      } else {
        // Lookups first; formulas then see the new lookup values. Both kinds of change go out as one per record.
        const looked = new Map<string, Record<string, JsonValue>>();
        const inputs = records.slice(from, to).map((record) => {
          const found = lookups(record);
          if (Object.keys(found).length === 0) return record;
          looked.set(record.id, found);
          return { id: record.id, values: { ...record.values, ...found } };
        });
        for (const changed of evaluation.evaluateRange(inputs, { from: 0, to: inputs.length })) {
          const found = looked.get(changed.id);
          looked.delete(changed.id);
          changes.push(found ? { id: changed.id, changes: { ...found, ...changed.changes } } : changed);
        }
        for (const [id, found] of looked) changes.push({ id, changes: found });
      }
      evaluating += host.now() - chunkStart;
      if (to < total && host.now() - lastProgress >= progressInterval) {
        host.post({ type: 'progress', jobId, done: to, total });
        lastProgress = host.now();
      }
    }
    await host.yieldToEventLoop();
    if (cancelled.has(jobId)) {
      host.post({ type: 'cancelled', jobId });
      return;
    }
    if (session !== current) {
      host.post({ type: 'failed', jobId, message: 'The table was closed during the recompute.' });
      return;
    }
    // Records edited meanwhile were recomputed by the page with their edit; these results would be stale.
    const fresh = changes.filter((change) => !touched.has(change.id));
    // Memory first: queries and the page's reads see the new values at once, while they are being stored.
    const written: ComputedChange[] = [];
    for (const change of fresh) {
      const position = current.positions.get(change.id);
      const record = position === undefined ? undefined : current.records[position];
      if (position === undefined || record === undefined) continue;
      current.records[position] = { ...record, values: { ...record.values, ...change.changes } };
      // The version computed from: storage skips a record that changed since (an edit not yet applied here).
      written.push({ id: change.id, values: change.changes, version: record.version });
    }
    host.post({ type: 'evaluated', jobId, changed: written.length, evaluateMs: evaluating });
    // Let the page read the rows on screen first (a 'records' message), so the new values show before storing them.
    if (host.wait && written.length > 0) {
      const read = new Promise<void>((resolve) => {
        afterNextRead = resolve;
      });
      await Promise.race([read, host.wait(FIRST_READ_WAIT_MS)]);
      afterNextRead = undefined;
    }
    const persistStart = host.now();
    await current.storage.writeComputed(table.id, written, { complete, tableVersion: table.version });
    const persistMs = host.now() - persistStart;
    host.post({
      type: 'recomputed',
      jobId,
      changed: written.length,
      evaluateMs: evaluating,
      persistMs,
      errors: evaluation.problems(),
    });
  };

  const recompute = async (message: Extract<ToTableWorker, { type: 'recompute' }>): Promise<void> => {
    const { jobId } = message;
    if (loading) await loading;
    const current = session;
    if (!current?.loaded) {
      host.post({ type: 'failed', jobId, message: 'The table is not open.' });
      return;
    }
    if (message.now !== undefined) current.env = { ...current.env, now: message.now };
    const { table, env } = current;
    const prepared = prepareComputedFields(
      table.fields,
      { now: () => env.now, timeZone: env.timeZone },
      message.fieldIds,
    );
    if (!prepared.ok) {
      host.post({ type: 'failed', jobId, message: prepared.error.message, reason: prepared.error });
      return;
    }
    const touched = new Set<string>();
    current.touchedByJob.set(jobId, touched);
    try {
      const lookups = await prepareLookupComputer(current, message.fieldIds);
      await evaluateAndPersist(
        jobId,
        current,
        touched,
        prepared.value,
        lookups,
        message.fieldIds === undefined,
      );
    } finally {
      current.touchedByJob.delete(jobId);
    }
  };

  const readRecords = async (message: Extract<ToTableWorker, { type: 'records' }>): Promise<void> => {
    if (loading) await loading;
    const current = session;
    let records: (DataRecord | null)[] = [];
    if (current?.loaded) {
      if (message.ids) {
        records = message.ids.map((id) => {
          const position = current.positions.get(id);
          return position === undefined ? null : (current.records[position] ?? null);
        });
      } else {
        const offset = Math.max(0, message.offset ?? 0);
        records = current.records.slice(offset, offset + Math.max(0, message.limit ?? 0));
      }
    }
    host.post({ type: 'records', requestId: message.requestId, records });
    afterNextRead?.();
  };

  const startJob = (message: Extract<ToTableWorker, { type: 'recompute' }>): void => {
    const { jobId } = message;
    if (running.has(jobId)) {
      host.post({ type: 'failed', jobId, message: `Job ${jobId} is already running` });
      return;
    }
    running.add(jobId);
    recompute(message)
      .catch((error: unknown) => {
        host.post({ type: 'failed', jobId, message: messageOf(error) });
      })
      .finally(() => {
        running.delete(jobId);
        cancelled.delete(jobId);
      });
  };

  return (raw) => {
    if (!isObject(raw) || typeof raw.type !== 'string') return;
    const message = raw as unknown as ToTableWorker;
    switch (message.type) {
      case 'open':
        open(message);
        return;
      case 'query':
        void query(message);
        return;
      case 'applyChanges': {
        const target = session;
        if (!target) return;
        const apply = (): void => {
          target.apply(message.upserts, message.deletedIds);
        };
        // While loading, changes wait for the load to end: a chunk read later would otherwise undo them.
        if (!target.loaded && loading) void loading.then(apply);
        else apply();
        return;
      }
      case 'setTable':
        if (session) session.table = message.table;
        return;
      case 'recompute':
        startJob(message);
        return;
      case 'records':
        void readRecords(message);
        return;
      case 'cancel':
        if (running.has(message.jobId)) cancelled.add(message.jobId);
        return;
    }
  };
}
