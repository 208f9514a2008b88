// The rows a grid shows, read from storage a page at a time around what is on screen, never the whole table. In
// creation order the pages are read by position; in a sorted or filtered view the query gives the ordered ids and
// pages are read by id. React subscribes through useSyncExternalStore (subscribe / version).
import type { DataRecord } from '../../../engine';

export interface RecordLoader {
  readonly readWindow: (offset: number, limit: number) => Promise<DataRecord[]>;
  readonly getRecords: (ids: readonly string[]) => Promise<(DataRecord | undefined)[]>;
}

/** What the grid lists: every live record in creation order (`ids` undefined), or these ids in this order. */
export interface RecordSource {
  readonly count: number;
  readonly ids: readonly string[] | undefined;
}

export const PAGE_SIZE = 100;
/** Pages kept in memory; the farthest from the last request are dropped first. */
const MAX_PAGES = 60;

export class RecordWindow {
  private source: RecordSource = { count: 0, ids: undefined };
  private readonly pages = new Map<number, (DataRecord | undefined)[]>();
  private readonly loading = new Set<number>();
  private generation = 0;
  private versionNumber = 0;
  private readonly listeners = new Set<() => void>();
  private lastPage = 0;

  constructor(private readonly loader: RecordLoader) {}

  get rowCount(): number {
    return this.source.count;
  }

  /** Changes whenever the cached pages were dropped: visible rows must be asked for again. */
  get sourceGeneration(): number {
    return this.generation;
  }

  get ids(): readonly string[] | undefined {
    return this.source.ids;
  }

  /** Shows another list of records; cached pages are dropped (positions mean other records now). */
  setSource(source: RecordSource): void {
    this.source = source;
    this.invalidate();
  }

  /** Drops every cached page, e.g. after records were added or deleted in creation order. */
  invalidate(): void {
    this.generation++;
    this.pages.clear();
    this.loading.clear();
    this.bump();
  }

  /** The record at `index`; undefined while its page is loading. */
  recordAt(index: number): DataRecord | undefined {
    return this.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  }

  /** Loads the pages covering rows [start, end) that are not cached yet. Resolves when they are in. */
  async ensure(start: number, end: number): Promise<void> {
    const first = Math.max(0, Math.floor(start / PAGE_SIZE));
    const last = Math.min(Math.ceil(this.source.count / PAGE_SIZE) - 1, Math.floor((end - 1) / PAGE_SIZE));
    const waits: Promise<void>[] = [];
    for (let page = first; page <= last; page++) {
      if (this.pages.has(page) || this.loading.has(page)) continue;
      waits.push(this.load(page));
    }
    this.lastPage = first;
    await Promise.all(waits);
  }

  /**
   * Replaces cached copies of these records (an edit). Returns how many were found on cached pages: the others are
   * new, or off screen.
   */
  update(records: readonly DataRecord[]): number {
    if (records.length === 0) return 0;
    const byId = new Map(records.map((record) => [record.id, record]));
    let found = 0;
    for (const page of this.pages.values()) {
      page.forEach((record, at) => {
        const next = record && byId.get(record.id);
        if (next) {
          page[at] = next;
          found++;
        }
      });
    }
    if (found > 0) this.bump();
    return found;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  version = (): number => this.versionNumber;

  private async load(page: number): Promise<void> {
    const generation = this.generation;
    this.loading.add(page);
    const offset = page * PAGE_SIZE;
    const { ids } = this.source;
    try {
      const records = ids
        ? await this.loader.getRecords(ids.slice(offset, offset + PAGE_SIZE))
        : await this.loader.readWindow(offset, PAGE_SIZE);
      if (generation !== this.generation) return;
      this.pages.set(page, records);
      this.evict();
      this.bump();
    } finally {
      if (generation === this.generation) this.loading.delete(page);
    }
  }

  private evict(): void {
    if (this.pages.size <= MAX_PAGES) return;
    const far = [...this.pages.keys()].sort(
      (a, b) => Math.abs(b - this.lastPage) - Math.abs(a - this.lastPage),
    );
    for (const page of far.slice(0, this.pages.size - MAX_PAGES)) this.pages.delete(page);
  }

  private bump(): void {
    this.versionNumber++;
    for (const listener of this.listeners) listener();
  }
}
