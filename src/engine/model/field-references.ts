// What field options refer to, checked where a schema cannot: links point at tables of the same app, lookups and
// rollups go through a link field of their table to a field of the linked table, select defaults name an option of
// the field, option and tier-rule ids are unique, and a rating's default is within its stars.
import type { App } from './app';
import type { Field } from './fields';
import { problem, type Problem } from './problems';
import type { Table } from './table';

type Path = readonly PropertyKey[];

function uniqueIds(items: readonly { readonly id: string }[], path: Path, what: string): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  items.forEach((item, index) => {
    if (seen.has(item.id))
      problems.push(
        problem([...path, index, 'id'], 'duplicateId', `The ${what} id "${item.id}" is used twice.`, {
          id: item.id,
        }),
      );
    seen.add(item.id);
  });
  return problems;
}

function missing(path: Path, id: string, message: string): Problem {
  return problem(path, 'unknownReference', message, { id });
}

/** Problems of one field's references; `tables` are the tables of the field's app. */
function fieldProblems(
  field: Field,
  table: Table,
  tables: ReadonlyMap<string, Table>,
  path: Path,
): Problem[] {
  switch (field.kind) {
    case 'link': {
      const target = tables.get(field.targetTableId);
      if (!target)
        return [
          missing([...path, 'targetTableId'], field.targetTableId, 'No table with this id in the app.'),
        ];
      if (field.inverseFieldId === undefined) return [];
      const inverse = target.fields.find((candidate) => candidate.id === field.inverseFieldId);
      if (inverse?.kind === 'link' && inverse.targetTableId === table.id) return [];
      return [
        missing(
          [...path, 'inverseFieldId'],
          field.inverseFieldId,
          `The linked table has no link field "${field.inverseFieldId}" pointing back here.`,
        ),
      ];
    }
    case 'lookup':
    case 'rollup': {
      const link = table.fields.find((candidate) => candidate.id === field.linkFieldId);
      if (link?.kind !== 'link')
        return [
          missing([...path, 'linkFieldId'], field.linkFieldId, 'No link field with this id in the table.'),
        ];
      const target = tables.get(link.targetTableId);
      const targetFieldId = field.targetFieldId;
      if (!target || targetFieldId === undefined) return [];
      if (target.fields.some((candidate) => candidate.id === targetFieldId)) return [];
      return [
        missing([...path, 'targetFieldId'], targetFieldId, 'The linked table has no field with this id.'),
      ];
    }
    case 'singleSelect':
    case 'multiSelect': {
      const problems = uniqueIds(field.options, [...path, 'options'], 'option');
      const optionIds = new Set(field.options.map((option) => option.id));
      const defaults = field.defaultValue === undefined ? [] : [field.defaultValue].flat();
      for (const id of defaults)
        if (!optionIds.has(id))
          problems.push(missing([...path, 'defaultValue'], id, 'The default is not one of the options.'));
      return problems;
    }
    case 'tier':
      return uniqueIds(field.rules, [...path, 'rules'], 'tier rule');
    case 'rating':
      return field.defaultValue !== undefined && field.defaultValue > field.max
        ? [
            problem([...path, 'defaultValue'], 'tooBig', `The default is above ${field.max} stars.`, {
              limit: field.max,
            }),
          ]
        : [];
    default:
      return [];
  }
}

/** Reference problems of every field of `table` (at `tablePath`) within `app`. */
export function fieldOptionProblems(app: App, table: Table, tablePath: Path): Problem[] {
  const tables = new Map(app.tables.map((candidate) => [candidate.id, candidate]));
  return table.fields.flatMap((field, index) =>
    fieldProblems(field, table, tables, [...tablePath, 'fields', index]),
  );
}
