// A small JSON Schema checker for the tests: enough of draft 2020-12 (types, const, enum, required, properties,
// items, $ref, anyOf/oneOf, basic bounds) to show that documents Liucun accepts fit the schema it publishes.
// Stricter than JSON Schema in one way on purpose: a key the schema does not describe counts as a mismatch.
import { jsonPath } from '../../../src/engine';

type Schema = Record<string, unknown>;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasType(value: unknown, type: unknown): boolean {
  switch (type) {
    case 'object':
      return isObject(value);
    case 'array':
      return Array.isArray(value);
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    default:
      throw new Error(`Unknown JSON Schema type ${JSON.stringify(type)}`);
  }
}

function resolve(schema: Schema, root: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const name = ref.replace('#/$defs/', '');
  const target = (root.$defs as Record<string, Schema> | undefined)?.[name];
  if (target === undefined) throw new Error(`Unresolved $ref ${ref}`);
  return target;
}

function check(given: Schema, value: unknown, root: Schema, path: PropertyKey[]): string[] {
  const schema = resolve(given, root);
  const here = jsonPath(path);
  const branches = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (branches !== undefined) {
    const matching = branches.filter((branch) => check(branch, value, root, path).length === 0).length;
    if (matching === 0) return [`${here} matches no alternative`];
    if (schema.oneOf !== undefined && matching > 1) return [`${here} matches ${matching} alternatives`];
    return [];
  }
  if (schema.type !== undefined && !hasType(value, schema.type))
    return [`${here} is not of type ${JSON.stringify(schema.type)}`];
  if ('const' in schema && JSON.stringify(schema.const) !== JSON.stringify(value))
    return [`${here} is not the constant`];
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) return [`${here} is not in the enum`];
  const problems: string[] = [];
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum)
      problems.push(`${here} is below the minimum`);
    if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum)
      problems.push(`${here} is too small`);
    if (typeof schema.maximum === 'number' && value > schema.maximum)
      problems.push(`${here} is above the maximum`);
  }
  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && value.length < schema.minLength)
      problems.push(`${here} is too short`);
    if (typeof schema.maxLength === 'number' && value.length > schema.maxLength)
      problems.push(`${here} is too long`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems)
      problems.push(`${here} has too few items`);
    if (isObject(schema.items)) {
      const items = schema.items;
      value.forEach((item, index) => problems.push(...check(items, item, root, [...path, index])));
    }
  }
  if (isObject(value)) {
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const key of (schema.required ?? []) as string[]) {
      if (!(key in value)) problems.push(`${jsonPath([...path, key])} is required`);
    }
    for (const [key, child] of Object.entries(value)) {
      const childSchema =
        properties[key] ?? (isObject(schema.additionalProperties) ? schema.additionalProperties : undefined);
      if (childSchema === undefined)
        problems.push(`${jsonPath([...path, key])} is not described by the schema`);
      else problems.push(...check(childSchema, child, root, [...path, key]));
    }
  }
  return problems;
}

/** Where `value` does not fit `schema`, as `path reason` lines; empty when it fits. */
export function shapeMismatches(schema: Schema, value: unknown): string[] {
  return check(schema, value, schema, []);
}
