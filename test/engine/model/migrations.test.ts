// The migration chain: documents written by older versions of Liucun open in this one, with nothing lost.
import { describe, expect, it } from 'vitest';
import {
  CURRENT_SCHEMA_VERSION,
  MIGRATIONS,
  migrateDocument,
  migrationPath,
  upgradeRecord,
  validateTemplateDocument,
  validateWorkspaceDocument,
} from '../../../src/engine';
import { at, deepFreeze, must, templateJson, workspaceV1Json } from './documents';

describe('migrationPath', () => {
  it('takes a schema 1 document to the current version in one step', () => {
    const steps = must(migrationPath(1), 'migration path');
    expect(steps.map((step) => [step.from, step.to])).toEqual([[1, 2]]);
    expect(CURRENT_SCHEMA_VERSION).toBe(2);
  });

  it('has nothing to do for a document of the current version', () => {
    expect(migrationPath(CURRENT_SCHEMA_VERSION)).toEqual([]);
  });

  it('has no path from a version that never existed', () => {
    expect(migrationPath(0)).toBeUndefined();
  });

  it('chains steps without gaps from version 1 to the current version', () => {
    MIGRATIONS.forEach((step, index) => {
      expect(step.from).toBe(index + 1);
      expect(step.to).toBe(index + 2);
    });
    expect(MIGRATIONS.at(-1)?.to).toBe(CURRENT_SCHEMA_VERSION);
  });
});

describe('upgrading a schema 1 workspace document', () => {
  it('validates after the upgrade to the current schema version', () => {
    const result = validateWorkspaceDocument(workspaceV1Json());

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.schemaVersion).toBe(2);
  });

  it('renames app titles to names and gives apps and tables a version counter', () => {
    const result = validateWorkspaceDocument(workspaceV1Json());

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const app = must(result.value.workspace.apps[0], 'app');
    expect(app).toMatchObject({ id: 'app-support', name: 'Support desk', version: 1 });
    expect(app).not.toHaveProperty('title');
    expect(app.tables.map((table) => [table.id, table.version])).toEqual([['tbl-tickets', 1]]);
  });

  it('tags fields by kind, turning the old "textarea" into long text', () => {
    const result = validateWorkspaceDocument(workspaceV1Json());

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const fields = must(result.value.workspace.apps[0]?.tables[0], 'table').fields;
    expect(fields.map((field) => [field.id, field.kind])).toEqual([
      ['fld-subject', 'text'],
      ['fld-body', 'longText'],
      ['fld-priority', 'number'],
      ['fld-solved', 'checkbox'],
      ['fld-opened', 'date'],
    ]);
    for (const field of fields) expect(field).not.toHaveProperty('type');
  });

  it('turns deletion timestamps of records into tombstone flags', () => {
    const result = validateWorkspaceDocument(workspaceV1Json());

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.records.map((record) => [record.id, record.deleted])).toEqual([
      ['rec-t1', false],
      ['rec-t2', true],
      ['rec-t3', false],
    ]);
    for (const record of result.value.records) expect(record).not.toHaveProperty('deletedAt');
  });

  it('keeps everything the migration does not rename', () => {
    const original = workspaceV1Json();
    const result = validateWorkspaceDocument(workspaceV1Json());

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.workspace.apps[0]?.forms).toEqual(at(original, 'workspace', 'apps', 0).forms);
    expect(result.value.records[2]?.values).toEqual(at(original, 'records', 2).values);
    expect(result.value.workspace.apps[0]?.tables[0]?.views).toEqual(
      at(original, 'workspace', 'apps', 0, 'tables', 0).views,
    );
  });

  it('does not change the document it was given', () => {
    const input = deepFreeze(workspaceV1Json());

    const result = validateWorkspaceDocument(input);

    expect(result.ok).toBe(true);
    expect(input).toEqual(workspaceV1Json());
  });

  it('still reports problems of the upgraded document at their paths', () => {
    const input = workspaceV1Json();
    at(input, 'workspace', 'apps', 0, 'tables', 0, 'fields', 2).type = 'signature';
    delete at(input, 'workspace', 'apps', 0).title;

    const result = validateWorkspaceDocument(input);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.map((entry) => entry.path).sort()).toEqual([
      '$.workspace.apps[0].name',
      '$.workspace.apps[0].tables[0].fields[2].kind',
    ]);
  });
});

describe('migrateDocument', () => {
  const steps = must(migrationPath(1), 'migration path');

  it('keeps values already written in the new shape', () => {
    const input = workspaceV1Json();
    const app = at(input, 'workspace', 'apps', 0);
    app.name = 'New name';
    app.version = 7;
    at(input, 'workspace', 'apps', 0, 'tables', 0, 'fields', 1).kind = 'text';
    at(input, 'records', 0).deleted = true;

    const migrated = migrateDocument(input, steps);

    expect(at(migrated, 'workspace', 'apps', 0)).toMatchObject({ name: 'New name', version: 7 });
    expect(at(migrated, 'workspace', 'apps', 0)).not.toHaveProperty('title');
    expect(at(migrated, 'workspace', 'apps', 0, 'tables', 0, 'fields', 1).kind).toBe('text');
    expect(at(migrated, 'records', 0).deleted).toBe(true);
  });

  it('upgrades the apps of a schema 1 template', () => {
    const input = templateJson();
    input.schemaVersion = 1;
    const app = at(input, 'apps', 0);
    app.title = app.name;
    delete app.name;
    delete app.version;
    const field = at(input, 'apps', 0, 'tables', 0, 'fields', 1);
    field.type = 'textarea';
    delete field.kind;

    const result = validateTemplateDocument(input);

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.apps[0]).toMatchObject({ name: 'NPS', version: 1 });
    expect(result.value.apps[0]?.tables[0]?.fields[1]?.kind).toBe('longText');
  });

  it('passes shapes it does not recognise through for the validator to report', () => {
    const input = {
      format: 'liucun/workspace',
      schemaVersion: 1,
      workspace: { apps: [42, null] },
      records: 'none',
    };

    expect(migrateDocument(input, steps)).toEqual({ ...input, schemaVersion: 2 });
  });
});

describe('the v1 → v2 record step', () => {
  it('reads a null deletedAt as a live record and a timestamp as a tombstone', () => {
    const steps = migrationPath(1) ?? [];
    expect(upgradeRecord({ id: 'r1', deletedAt: null }, steps)).toEqual({ id: 'r1', deleted: false });
    expect(upgradeRecord({ id: 'r2', deletedAt: 1_700_000_000_000 }, steps)).toEqual({
      id: 'r2',
      deleted: true,
    });
    expect(upgradeRecord({ id: 'r3' }, steps)).toEqual({ id: 'r3', deleted: false });
  });
});
