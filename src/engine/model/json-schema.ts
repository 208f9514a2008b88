// The published JSON Schema of the definition format, generated from the same Zod source of truth as the types.
import { z } from 'zod';
import { CURRENT_SCHEMA_VERSION, TemplateDocumentSchema, WorkspaceDocumentSchema } from './workspace';

const SCHEMA_BASE = 'https://liucun.app/schema';

function generate(schema: z.ZodType, name: string, title: string): Record<string, unknown> {
  // 'input' describes what a file may contain (optional keys stay optional), which is what a file author needs.
  const generated = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });
  return {
    ...generated,
    $id: `${SCHEMA_BASE}/${name}.v${CURRENT_SCHEMA_VERSION}.schema.json`,
    title,
  };
}

/** The published schemas by file name under `public/schema/`. */
export function publishedJsonSchemas(): Record<string, Record<string, unknown>> {
  return {
    [`workspace.v${CURRENT_SCHEMA_VERSION}.schema.json`]: generate(
      WorkspaceDocumentSchema,
      'workspace',
      'Liucun workspace',
    ),
    [`template.v${CURRENT_SCHEMA_VERSION}.schema.json`]: generate(
      TemplateDocumentSchema,
      'template',
      'Liucun template',
    ),
  };
}
