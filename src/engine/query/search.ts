// Quick search: one box that finds records whose text-like fields contain the words typed, case-insensitively and
// NFKC-normalized (full-width letters find half-width ones). Selects and tiers match by the names people see.
import type { Field } from '../model';
import { choicesOf, valueClassOf } from './operators';
import { QueryCache } from './text';
import { choiceIndexer } from './values';
import type { RecordTest, RecordValues } from './filter';

const TEXT_KINDS: ReadonlySet<Field['kind']> = new Set([
  'text',
  'longText',
  'email',
  'phone',
  'url',
  'autoNumber',
]);

/** The fields quick search looks in. */
export function searchableFields(fields: readonly Field[]): Field[] {
  return fields.filter(
    (field) =>
      TEXT_KINDS.has(field.kind) ||
      field.kind === 'singleSelect' ||
      field.kind === 'multiSelect' ||
      field.kind === 'tier' ||
      (field.kind === 'formula' && (valueClassOf(field) === 'text' || valueClassOf(field) === 'any')),
  );
}

type FieldMatch = (values: RecordValues) => boolean;

function fieldMatcher(field: Field, wanted: string, cache: QueryCache): FieldMatch {
  const fieldId = field.id;
  const fold = (text: string): string => cache.folder.fold(text);
  if (field.kind === 'singleSelect' || field.kind === 'tier' || field.kind === 'multiSelect') {
    // Which choices match is decided once; a record then only looks its choice up.
    const matching = choicesOf(field).map((choice) => fold(choice.name).includes(wanted));
    const indexOf = choiceIndexer(field);
    const matches = (value: unknown): boolean => {
      const index = indexOf(value);
      return index !== undefined && matching[index] === true;
    };
    if (field.kind === 'multiSelect')
      return (values) => {
        const value = values[fieldId];
        return Array.isArray(value) && value.some(matches);
      };
    return (values) => matches(values[fieldId]);
  }
  return (values) => {
    const value = values[fieldId];
    return typeof value === 'string' && fold(value).includes(wanted);
  };
}

/**
 * A test for records matching the search `text` in any of `fields` (see searchableFields), or undefined when the text
 * is blank (no search). Several words must each be found, each in any field: "beijing gold" finds gold customers in
 * Beijing.
 */
export function compileSearch(
  text: string | undefined,
  fields: readonly Field[],
  cache: QueryCache = new QueryCache(),
): RecordTest | undefined {
  const words = cache.folder
    .fold(text ?? '')
    .split(/\s+/u)
    .filter((word) => word !== '');
  if (words.length === 0) return undefined;
  const searchable = searchableFields(fields);
  const wordTests = words.map((word) => {
    const matchers = searchable.map((field) => fieldMatcher(field, word, cache));
    return (values: RecordValues): boolean => {
      for (const matches of matchers) if (matches(values)) return true;
      return false;
    };
  });
  return (values) => {
    for (const test of wordTests) if (!test(values)) return false;
    return true;
  };
}
