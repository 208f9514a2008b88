// Saved views of a table: which fields show, in what order, filtered, sorted and grouped how.
import { z } from 'zod';
import { IdSchema, JsonValueSchema, NameSchema } from './common';

export const SortSchema = z.object({
  fieldId: IdSchema,
  direction: z.enum(['asc', 'desc']),
});

/**
 * Every filter operator. Which ones fit a field depends on its kind (engine/query/operators.ts); one id may mean the
 * same idea for several kinds ('is' compares text, an option or a day).
 */
export const FILTER_OPERATORS = [
  'contains',
  'notContains',
  'is',
  'isNot',
  'startsWith',
  'endsWith',
  'isEmpty',
  'isNotEmpty',
  'eq',
  'neq',
  'lt',
  'lte',
  'gt',
  'gte',
  'between',
  'before',
  'after',
  'onOrBefore',
  'onOrAfter',
  'withinLastDays',
  'withinNextDays',
  'isChecked',
  'isNotChecked',
  'isAnyOf',
  'isNoneOf',
  'hasAnyOf',
  'hasAllOf',
  'hasNoneOf',
] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/** One test on one field: `{Tier} is any of [High value, Potential]`. `value` is absent for operators without one. */
export const FilterConditionSchema = z.object({
  id: IdSchema,
  fieldId: IdSchema,
  operator: z.enum(FILTER_OPERATORS),
  value: JsonValueSchema.optional(),
});
export type FilterCondition = z.infer<typeof FilterConditionSchema>;

/** Conditions a group may hold at most (a filter builder beyond this is no longer readable). */
export const MAX_FILTER_CONDITIONS = 100;

function filterGroupOf<T extends z.ZodType>(item: T) {
  return z.object({
    id: IdSchema,
    conjunction: z.enum(['and', 'or']),
    conditions: z.array(item).max(MAX_FILTER_CONDITIONS),
  });
}

// Nesting is spelled out level by level (at most 3: the view's group, groups in it, groups in those) rather than
// recursive, so the published JSON Schema states the limit and stays free of self-references.
const InnermostFilterGroupSchema = filterGroupOf(FilterConditionSchema);
const InnerFilterGroupSchema = filterGroupOf(z.union([FilterConditionSchema, InnermostFilterGroupSchema]));

/** A view's filter: conditions and nested groups joined by AND or OR; an empty group lets every record through. */
export const FilterGroupSchema = filterGroupOf(z.union([FilterConditionSchema, InnerFilterGroupSchema]));

/** The shape every level of a filter shares, for code that walks filters (the schema bounds the depth). */
export interface FilterGroup {
  readonly id: string;
  readonly conjunction: 'and' | 'or';
  readonly conditions: readonly (FilterCondition | FilterGroup)[];
}

export const MAX_FILTER_DEPTH = 3;

export function isFilterGroup(item: FilterCondition | FilterGroup): item is FilterGroup {
  return 'conjunction' in item;
}

/** A summary shown for each group of a grouped view. */
export const GroupAggregateSchema = z.object({
  fieldId: IdSchema,
  aggregate: z.enum(['sum', 'average']),
});
export type GroupAggregate = z.infer<typeof GroupAggregateSchema>;

export const ViewSchema = z.object({
  id: IdSchema,
  name: NameSchema,
  kind: z.enum(['grid', 'kanban']),
  /** Field order for this view; fields missing from the list follow in table order. */
  fieldOrder: z.array(IdSchema).optional(),
  hiddenFieldIds: z.array(IdSchema).optional(),
  /** Column widths in CSS pixels, by field id. */
  columnWidths: z.record(z.string(), z.number().int().min(40).max(2000)).optional(),
  frozenFieldCount: z.number().int().min(0).max(10).optional(),
  rowHeight: z.enum(['short', 'medium', 'tall']).optional(),
  /** Sort keys, the first one deciding first. */
  sorts: z.array(SortSchema).max(20).optional(),
  /** Which records show; absent means every record. The quick search box is not saved with the view. */
  filter: FilterGroupSchema.optional(),
  groupByFieldId: IdSchema.optional(),
  /** The sums and averages shown in each group's header. */
  groupAggregates: z.array(GroupAggregateSchema).max(50).optional(),
  /** Kanban only: the single-select or tier field whose values are the columns. */
  stackFieldId: IdSchema.optional(),
});
export type View = z.infer<typeof ViewSchema>;
export type Sort = z.infer<typeof SortSchema>;
