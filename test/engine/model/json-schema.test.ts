// The published JSON Schema (public/schema/) is generated from the Zod model: a stale file fails this test, and
// documents Liucun accepts fit the schema it tells file authors about.
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, FIELD_KINDS, publishedJsonSchemas } from '../../../src/engine';
import { at, must, templateJson, workspaceJson } from './documents';
import { shapeMismatches } from './schema-shape';

const schemas = publishedJsonSchemas();
const workspaceSchema = must(schemas[`workspace.v${CURRENT_SCHEMA_VERSION}.schema.json`], 'workspace schema');
const templateSchema = must(schemas[`template.v${CURRENT_SCHEMA_VERSION}.schema.json`], 'template schema');

describe('published JSON Schema', () => {
  it.each(Object.entries(schemas))('public/schema/%s matches the model', async (fileName, schema) => {
    await expect(JSON.stringify(schema, null, 2) + '\n').toMatchFileSnapshot(
      `../../../public/schema/${fileName}`,
    );
  });

  it('publishes one workspace and one template schema of the current version', () => {
    expect(Object.keys(schemas).sort()).toEqual([
      `template.v${CURRENT_SCHEMA_VERSION}.schema.json`,
      `workspace.v${CURRENT_SCHEMA_VERSION}.schema.json`,
    ]);
  });

  it.each(Object.entries(schemas))(
    '%s names itself by its published address and uses draft 2020-12',
    (fileName, schema) => {
      expect(schema.$id).toBe(`https://liucun.app/schema/${fileName}`);
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema.title).toEqual(expect.stringMatching(/^Liucun /));
    },
  );

  it('requires the envelope keys of a workspace file and pins its format and version', () => {
    expect(workspaceSchema.required).toEqual([
      'format',
      'schemaVersion',
      'exportedAt',
      'workspace',
      'records',
    ]);
    expect(at(workspaceSchema, 'properties', 'format').const).toBe('liucun/workspace');
    expect(at(workspaceSchema, 'properties', 'schemaVersion').const).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('requires the envelope keys of a template file and pins its format and version', () => {
    expect(templateSchema.required).toEqual(['format', 'schemaVersion', 'id', 'name', 'apps', 'records']);
    expect(at(templateSchema, 'properties', 'format').const).toBe('liucun/template');
    expect(at(templateSchema, 'properties', 'schemaVersion').const).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('lists every field kind the model knows', () => {
    const fieldSchema = at(
      workspaceSchema,
      'properties',
      'workspace',
      'properties',
      'apps',
      'items',
      'properties',
    );
    const kinds = (
      at(fieldSchema, 'tables', 'items', 'properties', 'fields', 'items').oneOf as unknown[]
    ).map((option) => at(option, 'properties', 'kind').const);
    expect(kinds).toEqual([...FIELD_KINDS]);
  });

  it('describes every key of the example workspace and template', () => {
    expect(shapeMismatches(workspaceSchema, workspaceJson())).toEqual([]);
    expect(shapeMismatches(templateSchema, templateJson())).toEqual([]);
  });

  it('rejects an example with a missing record key and an unknown field kind, where the validator does', () => {
    const document = workspaceJson();
    delete at(document, 'records', 0).tableId;
    at(document, 'workspace', 'apps', 0, 'tables', 0, 'fields', 1).kind = 'signature';
    at(document, 'workspace', 'apps', 1).version = 0;

    expect(shapeMismatches(workspaceSchema, document)).toEqual([
      '$.workspace.apps[0].tables[0].fields[1] matches no alternative',
      '$.workspace.apps[1].version is too small',
      '$.records[0].tableId is required',
    ]);
  });

  it('does not describe a workspace file as a template', () => {
    expect(shapeMismatches(templateSchema, workspaceJson())).toContain('$.format is not the constant');
  });
});
