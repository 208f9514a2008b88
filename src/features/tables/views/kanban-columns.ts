// The columns of a kanban view, built from one grouped query: each choice of the stack field (select options, or a
// tier's rules then its fallback) in its order, plus an "(empty)" column. Groups the query reports for values that
// are no choice (a deleted option, a stored error, a blank) land in the empty column, so no record goes missing.
import { choicesOf, type Choice, type Field, type GroupSummary, type Table } from '../../../engine';

/** Key of the column for records without a (known) choice. */
export const EMPTY_COLUMN = ':empty';

export interface KanbanColumn {
  /** A choice id (option id, tier rule id or 'fallback'), or EMPTY_COLUMN. */
  readonly key: string;
  /** The choice the column stands for; undefined for the empty column. */
  readonly choice: Choice | undefined;
  /** Record ids in view order. */
  readonly ids: readonly string[];
}

export type StackField = Extract<Field, { kind: 'singleSelect' | 'tier' }>;

/** Fields a kanban can stack by: single selects (cards can move) and tiers (computed, read-only). */
export function stackableFields(table: Pick<Table, 'fields'>): StackField[] {
  return table.fields.filter(
    (field): field is StackField => field.kind === 'singleSelect' || field.kind === 'tier',
  );
}

/** The view's stack field, when it still exists and can stack. */
export function stackFieldOf(
  table: Pick<Table, 'fields'>,
  stackFieldId: string | undefined,
): StackField | undefined {
  return stackableFields(table).find((field) => field.id === stackFieldId);
}

/** Whether cards may be moved by hand: a tier's value is computed from its rules, so only selects move. */
export function canMoveCards(field: StackField): boolean {
  return field.kind === 'singleSelect';
}

/**
 * Splits the query's ordered ids into columns. A select always shows its empty column (a card can be moved there to
 * clear the value); a tier shows it only when some record has no tier yet (before its first computation) or an error.
 */
export function buildColumns(
  field: StackField,
  result: { readonly ids: readonly string[]; readonly groups?: readonly GroupSummary[] | undefined },
): KanbanColumn[] {
  const choices = choicesOf(field);
  const idsByKey = new Map<string, string[]>(choices.map((choice) => [choice.id, []]));
  const empty: string[] = [];
  const groups = result.groups ?? [{ value: null, start: 0, count: result.ids.length }];
  for (const group of groups) {
    const target = (typeof group.value === 'string' ? idsByKey.get(group.value) : undefined) ?? empty;
    for (let at = group.start; at < group.start + group.count; at++) {
      const id = result.ids[at];
      if (id !== undefined) target.push(id);
    }
  }
  const columns: KanbanColumn[] = choices.map((choice) => ({
    key: choice.id,
    choice,
    ids: idsByKey.get(choice.id) ?? [],
  }));
  if (field.kind === 'singleSelect' || empty.length > 0)
    columns.push({ key: EMPTY_COLUMN, choice: undefined, ids: empty });
  return columns;
}

/** The value a card takes when moved into `column`: the option id, or null (cleared) for the empty column. */
export function valueOfColumn(column: KanbanColumn): string | null {
  return column.choice?.id ?? null;
}
