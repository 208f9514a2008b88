// The workspace document: everything a user has, as one JSON file (export, restore) — and the template format.
import { z } from 'zod';
import { AppSchema } from './app';
import { IdSchema, NameSchema, TimestampSchema } from './common';
import { RecordSchema } from './record';

/** The schema version this build writes. Older documents are upgraded by the migration chain. */
export const CURRENT_SCHEMA_VERSION = 2;

export const PersonSchema = z.object({
  id: IdSchema,
  name: NameSchema,
  email: z.email().optional(),
});
export type Person = z.infer<typeof PersonSchema>;

export const WorkspaceSchema = z.object({
  id: IdSchema,
  name: NameSchema,
  people: z.array(PersonSchema),
  apps: z.array(AppSchema),
});
export type Workspace = z.infer<typeof WorkspaceSchema>;

export const WorkspaceDocumentSchema = z
  .object({
    format: z.literal('liucun/workspace'),
    schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
    exportedAt: TimestampSchema,
    workspace: WorkspaceSchema,
    records: z.array(RecordSchema),
  })
  .describe('A whole Liucun workspace: definitions and records.');
export type WorkspaceDocument = z.infer<typeof WorkspaceDocumentSchema>;

/** Text in each UI language; English is required, the Chinese variants fall back to it. */
export const LocalizedTextSchema = z.object({
  en: z.string().min(1).max(500),
  'zh-CN': z.string().min(1).max(500).optional(),
  'zh-TW': z.string().min(1).max(500).optional(),
});
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

export const TemplateDocumentSchema = z
  .object({
    format: z.literal('liucun/template'),
    schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
    id: z.string().min(1).max(100),
    name: LocalizedTextSchema,
    description: LocalizedTextSchema.optional(),
    /** Apps to add to the workspace. Installing gives every entity a fresh id. */
    apps: z.array(AppSchema).min(1),
    /** Sample records for the template's tables. */
    records: z.array(RecordSchema),
  })
  .describe('A Liucun template: apps with sample records, installed with one click.');
export type TemplateDocument = z.infer<typeof TemplateDocumentSchema>;
