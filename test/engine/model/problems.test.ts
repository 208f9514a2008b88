// JSON paths in problem reports: the path a person follows to find the offending value in their file.
import { describe, expect, it } from 'vitest';
import { jsonPath } from '../../../src/engine';

describe('jsonPath', () => {
  it('writes the document root as $', () => {
    expect(jsonPath([])).toBe('$');
  });

  it('writes keys with dots and indexes with brackets', () => {
    expect(jsonPath(['workspace', 'apps', 0, 'tables', 12, 'fields', 3, 'kind'])).toBe(
      '$.workspace.apps[0].tables[12].fields[3].kind',
    );
  });

  it('quotes keys that are not plain identifiers', () => {
    expect(jsonPath(['records', 0, 'values', 'Total spend', 'zh-CN', '$ok', '0'])).toBe(
      '$.records[0].values["Total spend"]["zh-CN"].$ok["0"]',
    );
  });

  it('escapes quotes inside a key', () => {
    expect(jsonPath(['values', 'say "hi"'])).toBe('$.values["say \\"hi\\""]');
  });
});
