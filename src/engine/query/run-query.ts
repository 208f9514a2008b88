// One query over a table's records held in memory: filter, quick search, multi-key sort and grouping. Returns only
// ids (in order) and group summaries; the grid then reads the visible window's records from storage by id.
import type { Field, FilterGroup, Sort, Table } from '../model';
import { compileFilter, type FilterProblemCode, type RecordValues } from './filter';
import { groupRows, summableFields, type GroupSummary } from './group';
import { compileSearch } from './search';
import { sortRows } from './sort';
import { QueryCache } from './text';
import type { QueryEnv } from './values';

export interface QueryRecord {
  readonly id: string;
  readonly values: RecordValues;
}

export interface TableQuery {
  readonly filter?: FilterGroup | undefined;
  readonly sorts?: readonly Sort[] | undefined;
  /** Quick-search text (not saved with the view). */
  readonly search?: string | undefined;
  readonly groupByFieldId?: string | undefined;
  /** Number fields summed and averaged per group; every number field when absent. */
  readonly aggregateFieldIds?: readonly string[] | undefined;
}

/** A part of the query that was left out: a filter condition or group, a sort key, the grouping field. */
export interface QueryProblem {
  readonly part: 'filter' | 'sort' | 'group';
  readonly code: FilterProblemCode;
  /** The filter condition's or group's id ('filter' only). */
  readonly id?: string;
  readonly fieldId?: string;
}

export interface QueryResult {
  /** Ids of the matching records, in display order (grouped, then sorted within each group). */
  readonly ids: string[];
  /** Present when grouped (and the grouping field exists). */
  readonly groups?: GroupSummary[];
  /** Records queried. */
  readonly total: number;
  /** Records that passed filter and search (= ids.length). */
  readonly matched: number;
  readonly problems: QueryProblem[];
}

/**
 * Runs `query` over `records` of `table`. Pass the same `cache` to queries over one table so text folding and
 * collation ranks are reused. Records keep their input order where sorts say nothing (pass them in creation order).
 */
export function runQuery(
  records: readonly QueryRecord[],
  table: Pick<Table, 'fields'>,
  query: TableQuery,
  env: QueryEnv,
  cache: QueryCache = new QueryCache(),
): QueryResult {
  const fieldsById = new Map<string, Field>(table.fields.map((field) => [field.id, field]));
  const problems: QueryProblem[] = [];

  const filter = compileFilter(query.filter, fieldsById, env, cache);
  for (const problem of filter.problems) problems.push({ part: 'filter', ...problem });
  const search = compileSearch(query.search, table.fields, cache);

  // A copy, not push(...records): spreading 100,000+ arguments overflows the call stack.
  let matched: QueryRecord[] = [];
  if (!filter.active && search === undefined) matched = records.slice();
  else {
    const test = filter.test;
    for (const record of records) {
      const values = record.values;
      if (test(values) && (search === undefined || search(values))) matched.push(record);
    }
  }

  const rows = matched.map((record) => record.values);
  const sorts = query.sorts ?? [];
  const sorted = sortRows(rows, sorts, fieldsById, env, cache);
  for (const problem of sorted.problems) problems.push({ part: 'sort', ...problem });
  let order = sorted.order;

  let groups: GroupSummary[] | undefined;
  if (query.groupByFieldId !== undefined) {
    const field = fieldsById.get(query.groupByFieldId);
    if (field === undefined)
      problems.push({ part: 'group', code: 'unknownField', fieldId: query.groupByFieldId });
    else {
      const aggregateFields =
        query.aggregateFieldIds === undefined
          ? summableFields(table.fields)
          : summableFields(query.aggregateFieldIds.flatMap((fieldId) => fieldsById.get(fieldId) ?? []));
      const sortedRows = order.map((position) => rows[position] ?? {});
      const direction = sorts.find((sort) => sort.fieldId === field.id)?.direction;
      const grouped = groupRows(sortedRows, field, env, {
        aggregateFields,
        cache,
        ...(direction ? { direction } : {}),
      });
      order = grouped.order.map((position) => order[position] ?? 0);
      groups = grouped.groups;
    }
  }

  const ids = order.map((position) => matched[position]?.id ?? '');
  return {
    ids,
    ...(groups ? { groups } : {}),
    total: records.length,
    matched: matched.length,
    problems,
  };
}
