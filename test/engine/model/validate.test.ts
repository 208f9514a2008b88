// Validation at the import/restore boundary: every problem of a document is reported with its exact JSON path.
import { describe, expect, it } from 'vitest';
import {
  CURRENT_SCHEMA_VERSION,
  parseJsonText,
  validateTemplateDocument,
  validateWorkspaceDocument,
} from '../../../src/engine';
import { at, summarize, templateJson, workspaceJson } from './documents';

describe('validateWorkspaceDocument', () => {
  it('accepts the example workspace and returns its content unchanged', () => {
    const result = validateWorkspaceDocument(workspaceJson());
    expect(result).toEqual({ ok: true, value: workspaceJson() });
  });

  it('reports every shape problem of a document, each at its exact JSON path', () => {
    const document = workspaceJson();
    at(document, 'workspace', 'apps', 0).name = 42;
    at(document, 'workspace', 'apps', 0, 'tables', 0, 'fields', 1).kind = 'signature';
    at(document, 'workspace', 'apps', 0, 'tables', 1, 'views', 0).kind = 'calendar';
    at(document, 'workspace', 'apps', 0, 'automations', 0, 'trigger').everyMinutes = 1;
    at(document, 'workspace', 'people', 0).email = 'not an address';
    delete at(document, 'records', 1).createdAt;
    at(document, 'records', 2).version = 0;

    const result = validateWorkspaceDocument(document);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(summarize(result.error)).toEqual([
      '$.records[1].createdAt missing',
      '$.records[2].version tooSmall',
      '$.workspace.apps[0].automations[0].trigger.everyMinutes tooSmall',
      '$.workspace.apps[0].name invalidType',
      '$.workspace.apps[0].tables[0].fields[1].kind invalidValue',
      '$.workspace.apps[0].tables[1].views[0].kind invalidValue',
      '$.workspace.people[0].email invalidFormat',
    ]);
  });

  it('says what was expected: the type, the lower limit, the known field kinds', () => {
    const document = workspaceJson();
    at(document, 'workspace', 'apps', 0).name = 42;
    at(document, 'records', 2).version = 0;
    at(document, 'workspace', 'apps', 0, 'tables', 0, 'fields', 1).kind = 'signature';

    const result = validateWorkspaceDocument(document);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byPath = new Map(result.error.map((entry) => [entry.path, entry.params]));
    expect(byPath.get('$.workspace.apps[0].name')).toEqual({ expected: 'string' });
    expect(byPath.get('$.records[2].version')).toEqual({ limit: 0 });
    expect(byPath.get('$.workspace.apps[0].tables[0].fields[1].kind')).toEqual({ expected: 'a known kind' });
  });

  it('reports duplicate ids and references to missing tables, each at its exact JSON path', () => {
    const document = workspaceJson();
    at(document, 'workspace', 'apps', 1).id = 'app-crm';
    at(document, 'workspace', 'apps', 0, 'automations', 1).id = 'form-nps';
    at(document, 'workspace', 'apps', 0, 'tables', 0, 'fields', 2).id = 'fld-name';
    at(document, 'workspace', 'apps', 0, 'forms', 0).tableId = 'tbl-old';
    at(document, 'records', 1).id = 'rec-c1';
    at(document, 'records', 3).tableId = 'tbl-gone';

    const result = validateWorkspaceDocument(document);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(summarize(result.error)).toEqual([
      '$.records[1].id duplicateId',
      '$.records[3].tableId unknownReference',
      '$.workspace.apps[0].automations[1].id duplicateId',
      '$.workspace.apps[0].forms[0].tableId unknownReference',
      '$.workspace.apps[0].tables[0].fields[2].id duplicateId',
      '$.workspace.apps[1].id duplicateId',
    ]);
  });

  it('names where a duplicated id was first used', () => {
    const document = workspaceJson();
    at(document, 'workspace', 'apps', 0, 'automations', 1).id = 'form-nps';

    const result = validateWorkspaceDocument(document);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toEqual([
      expect.objectContaining({
        path: '$.workspace.apps[0].automations[1].id',
        code: 'duplicateId',
        params: { id: 'form-nps', other: '$.workspace.apps[0].forms[0].id' },
      }),
    ]);
  });

  it('does not let a form use a table of another app', () => {
    const document = workspaceJson();
    at(document, 'workspace', 'apps', 0, 'forms', 0).tableId = 'tbl-old';

    const result = validateWorkspaceDocument(document);

    expect(result).toEqual({
      ok: false,
      error: [
        expect.objectContaining({ path: '$.workspace.apps[0].forms[0].tableId', params: { id: 'tbl-old' } }),
      ],
    });
  });

  it('stops at 200 problems so a broken file does not produce an endless report', () => {
    const document = workspaceJson();
    const record = at(document, 'records', 0);
    document.records = Array.from({ length: 250 }, (_, index) => ({
      ...record,
      id: `rec-${index}`,
      tableId: 'tbl-gone',
    }));

    const result = validateWorkspaceDocument(document);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toHaveLength(200);
    expect(result.error.at(-1)?.path).toBe('$.records[199].tableId');
  });

  it.each([
    ['a template', 'liucun/template'],
    ['an unknown format', 'acme/backup'],
    ['a missing format', undefined],
  ])('rejects %s in "format" before looking at anything else', (_label, format) => {
    const document = workspaceJson();
    document.format = format;
    at(document, 'workspace').apps = 'not a list';

    expect(validateWorkspaceDocument(document)).toEqual({
      ok: false,
      error: [
        expect.objectContaining({
          path: '$.format',
          code: 'wrongFormat',
          params: { expected: 'liucun/workspace' },
        }),
      ],
    });
  });

  it('refuses a document written by a newer schema version, naming both versions', () => {
    const document = workspaceJson();
    document.schemaVersion = CURRENT_SCHEMA_VERSION + 1;

    expect(validateWorkspaceDocument(document)).toEqual({
      ok: false,
      error: [
        expect.objectContaining({
          path: '$.schemaVersion',
          code: 'newerVersion',
          params: { version: CURRENT_SCHEMA_VERSION + 1, supported: CURRENT_SCHEMA_VERSION },
        }),
      ],
    });
  });

  it.each([0, -1, 1.5, '2', null, undefined])('refuses %j as schemaVersion', (schemaVersion) => {
    const document = workspaceJson();
    document.schemaVersion = schemaVersion;

    expect(validateWorkspaceDocument(document)).toEqual({
      ok: false,
      error: [expect.objectContaining({ path: '$.schemaVersion', code: 'unsupportedVersion' })],
    });
  });

  it.each([
    ['null', null],
    ['an array', [workspaceJson()]],
    ['a string', '{"format":"liucun/workspace"}'],
    ['a number', 2],
  ])('refuses %s as a document, at the root path', (_label, input) => {
    expect(validateWorkspaceDocument(input)).toEqual({
      ok: false,
      error: [expect.objectContaining({ path: '$', code: 'notObject' })],
    });
  });
});

describe('validateTemplateDocument', () => {
  it('accepts the example template', () => {
    expect(validateTemplateDocument(templateJson())).toEqual({ ok: true, value: templateJson() });
  });

  it('reports template problems at paths from the document root', () => {
    const document = templateJson();
    at(document, 'apps', 0, 'forms', 0).tableId = 'tbl-elsewhere';
    at(document, 'apps', 0, 'dashboards', 0).id = 'app-nps';
    at(document, 'records', 0).tableId = 'tbl-elsewhere';

    const result = validateTemplateDocument(document);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(summarize(result.error)).toEqual([
      '$.apps[0].dashboards[0].id duplicateId',
      '$.apps[0].forms[0].tableId unknownReference',
      '$.records[0].tableId unknownReference',
    ]);
  });

  it('requires at least one app and an English name', () => {
    const document = templateJson();
    document.apps = [];
    delete at(document, 'name').en;

    const result = validateTemplateDocument(document);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(summarize(result.error)).toEqual(['$.apps tooSmall', '$.name.en missing']);
  });

  it('refuses a workspace document offered as a template', () => {
    expect(validateTemplateDocument(workspaceJson())).toEqual({
      ok: false,
      error: [
        expect.objectContaining({
          path: '$.format',
          code: 'wrongFormat',
          params: { expected: 'liucun/template' },
        }),
      ],
    });
  });
});

describe('parseJsonText', () => {
  it('parses valid JSON text', () => {
    expect(parseJsonText('{"a":[1,true,null]}')).toEqual({ ok: true, value: { a: [1, true, null] } });
  });

  it.each(['{"format": "liucun/workspace",', '', "{'single': 'quotes'}", 'undefined'])(
    'reports %j as not JSON at the document root',
    (text) => {
      const result = parseJsonText(text);

      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error).toEqual([expect.objectContaining({ path: '$', code: 'notJson' })]);
      expect(result.error[0]?.params.detail).toEqual(expect.any(String));
    },
  );
});
