// The import report for download: one CSV row per problem (row, column, value, reason, what happened), with the
// reason in the reader's language through the caller's `t`.
import { csvText } from '../export/csv';
import type { ImportProblem } from './plan';

/** A translation function as i18next's `t`: catalog key + interpolation params → text. */
export type Translate = (key: string, params?: Readonly<Record<string, string | number>>) => string;

/** Catalog key of an import problem's reason: cell problems share the editors' messages (cellProblems.*). */
export function importProblemKey(problem: Pick<ImportProblem, 'code'>): string {
  switch (problem.code) {
    case 'columnCount':
    case 'required':
    case 'malformedRow':
      return `import.problems.${problem.code}`;
    default:
      return `cellProblems.${problem.code}`;
  }
}

/** The reason of a problem in the reader's language. */
export function importProblemMessage(problem: Pick<ImportProblem, 'code' | 'params'>, t: Translate): string {
  return t(importProblemKey(problem), problem.params);
}

/** Catalog keys of the report's column headers, in order. */
export const REPORT_COLUMN_KEYS = [
  'import.report.row',
  'import.report.column',
  'import.report.value',
  'import.report.reason',
  'import.report.result',
] as const;

/** The report as CSV text (without byte-order mark), problems in row order. */
export function importReportCsv(problems: readonly ImportProblem[], t: Translate): string {
  const sorted = [...problems].sort((a, b) => a.row - b.row);
  return csvText([
    REPORT_COLUMN_KEYS.map((key) => t(key)),
    ...sorted.map((problem) => [
      String(problem.row),
      problem.column,
      problem.text,
      importProblemMessage(problem, t),
      t(problem.action === 'skipped' ? 'import.report.skipped' : 'import.report.emptied'),
    ]),
  ]);
}
