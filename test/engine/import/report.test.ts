// The downloadable import report: one CSV row per problem, reasons through the reader's catalog.
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import {
  importProblemKey,
  importReportCsv,
  type ImportProblem,
  type Translate,
} from '../../../src/engine/import';

const t: Translate = (key, params) =>
  params && Object.keys(params).length > 0 ? `${key} ${JSON.stringify(params)}` : key;

const problems: ImportProblem[] = [
  {
    row: 9,
    column: '',
    field: '',
    code: 'columnCount',
    params: { expected: 3, actual: 2 },
    text: 'a,b',
    action: 'skipped',
  },
  {
    row: 3,
    column: '金额',
    field: '金额',
    code: 'notANumber',
    params: { text: '1,2"x' },
    text: '1,2"x',
    action: 'emptied',
  },
];

describe('the import report', () => {
  it('lists row, column, value, reason and result per problem in row order, quoting as CSV needs', () => {
    const parsed = Papa.parse<string[]>(importReportCsv(problems, t), { skipEmptyLines: true }).data;
    expect(parsed).toEqual([
      [
        'import.report.row',
        'import.report.column',
        'import.report.value',
        'import.report.reason',
        'import.report.result',
      ],
      ['3', '金额', '1,2"x', 'cellProblems.notANumber {"text":"1,2\\"x"}', 'import.report.emptied'],
      ['9', '', 'a,b', 'import.problems.columnCount {"expected":3,"actual":2}', 'import.report.skipped'],
    ]);
  });

  it('shares the cell editors’ messages for cell problems', () => {
    expect(importProblemKey({ code: 'notADate' })).toBe('cellProblems.notADate');
    expect(importProblemKey({ code: 'required' })).toBe('import.problems.required');
  });
});
