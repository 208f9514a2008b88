// Messages between the page (runtime/table-query.ts) and the table worker (workers/table.worker.ts). They live in
// the engine because runtime/ may not import workers/; both import these.
import type { FieldProblem, TableEvaluationFailure } from '../evaluate-table';
import type { DataRecord, Table } from '../model';
import type { QueryResult, TableQuery } from './run-query';

export type ToTableWorker =
  | {
      readonly type: 'open';
      /** The IndexedDB database to read (createStorage({ name })). */
      readonly dbName: string;
      readonly table: Table;
      /** Epoch ms: "today" in filters and TODAY() in recomputes, until a later message brings a newer one. */
      readonly now: number;
      readonly timeZone: string;
      /** BCP 47 tag ordering text ('zh-CN' orders by pinyin). */
      readonly locale: string;
    }
  | ({ readonly type: 'query'; readonly queryId: number; readonly now?: number } & TableQuery)
  | {
      readonly type: 'applyChanges';
      /** Records as now stored (a record with deleted: true is removed, like an id in deletedIds). */
      readonly upserts: readonly DataRecord[];
      readonly deletedIds: readonly string[];
    }
  | { readonly type: 'setTable'; readonly table: Table }
  | {
      readonly type: 'recompute';
      readonly jobId: number;
      /** Recompute these fields and every computed field reading them; all formula and tier fields when absent. */
      readonly fieldIds?: readonly string[];
      readonly now?: number;
    }
  | { readonly type: 'cancel'; readonly jobId: number }
  | {
      /** Records from memory: by id, or `limit` from position `offset` in creation order. */
      readonly type: 'records';
      readonly requestId: number;
      readonly ids?: readonly string[];
      readonly offset?: number;
      readonly limit?: number;
    };

export interface RecomputeResult {
  /** Records whose computed values changed (and were written). */
  readonly changed: number;
  readonly evaluateMs: number;
  readonly persistMs: number;
  readonly errors: readonly FieldProblem[];
}

export type FromTableWorker =
  | { readonly type: 'loading'; readonly loaded: number; readonly total: number }
  | { readonly type: 'ready'; readonly count: number }
  | { readonly type: 'openFailed'; readonly message: string }
  | ({ readonly type: 'result'; readonly queryId: number; readonly ms: number } & QueryResult)
  | { readonly type: 'queryFailed'; readonly queryId: number; readonly message: string }
  | { readonly type: 'progress'; readonly jobId: number; readonly done: number; readonly total: number }
  /** A recompute's values are computed and in memory (queries and reads see them); storing them follows. */
  | {
      readonly type: 'evaluated';
      readonly jobId: number;
      readonly changed: number;
      readonly evaluateMs: number;
    }
  | ({ readonly type: 'recomputed'; readonly jobId: number } & RecomputeResult)
  | { readonly type: 'records'; readonly requestId: number; readonly records: readonly (DataRecord | null)[] }
  | { readonly type: 'cancelled'; readonly jobId: number }
  | {
      readonly type: 'failed';
      readonly jobId: number;
      readonly message: string;
      /** Present when the table's formulas cannot be evaluated as defined (a cycle). */
      readonly reason?: TableEvaluationFailure;
    };
