// Validation at every boundary (load, import, restore, template install): migrate old documents, check the shape,
// then check what a schema cannot say (unique ids, references between entities). Every problem names its JSON path.
import type { z } from 'zod';
import { err, ok, type Result } from '../../shared/result';
import { buildDependencyGraph, describeCycle, fieldReferences, type ComputedField } from '../graph';
import type { App } from './app';
import { migrateDocument, migrationPath, type JsonObject } from './migrations';
import { problem, type Problem, type ProblemCode } from './problems';
import type { DataRecord } from './record';
import type { Table } from './table';
import { fieldOptionProblems } from './field-references';
import {
  CURRENT_SCHEMA_VERSION,
  TemplateDocumentSchema,
  WorkspaceDocumentSchema,
  type TemplateDocument,
  type WorkspaceDocument,
} from './workspace';

/** More problems than this are summarized: a broken file should not produce a million-line report. */
const MAX_PROBLEMS = 200;

type DocumentFormat = 'liucun/workspace' | 'liucun/template';

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses JSON text, reporting a syntax error as a problem at the document root. */
export function parseJsonText(text: string): Result<unknown, Problem[]> {
  try {
    return ok(JSON.parse(text) as unknown);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return err([problem([], 'notJson', `The file is not valid JSON: ${detail}`, { detail })]);
  }
}

const ZOD_CODES: Partial<Record<z.core.$ZodIssue['code'], ProblemCode>> = {
  invalid_type: 'invalidType',
  invalid_value: 'invalidValue',
  too_small: 'tooSmall',
  too_big: 'tooBig',
  invalid_format: 'invalidFormat',
  unrecognized_keys: 'unknownKey',
  invalid_union: 'invalidValue',
};

/** Every alternative of the union failed only because there was no value at all. */
function isMissingUnionValue(issue: z.core.$ZodIssueInvalidUnion): boolean {
  return (
    issue.errors.length > 0 &&
    issue.errors.every((alternative) =>
      alternative.every(
        (inner) =>
          inner.code === 'invalid_type' &&
          inner.path.length === 0 &&
          inner.message.includes('received undefined'),
      ),
    )
  );
}

function fromZodIssue(issue: z.core.$ZodIssue): Problem {
  const params: Record<string, string | number> = {};
  let code = ZOD_CODES[issue.code] ?? 'invalid';
  if (issue.code === 'invalid_type') {
    params.expected = issue.expected;
    if (issue.message.includes('received undefined')) code = 'missing';
  }
  if (issue.code === 'invalid_value')
    params.expected = issue.values.map((value) => JSON.stringify(value)).join(', ');
  if (issue.code === 'too_small') params.limit = Number(issue.minimum);
  if (issue.code === 'too_big') params.limit = Number(issue.maximum);
  if (issue.code === 'invalid_format') params.expected = issue.format;
  if (issue.code === 'unrecognized_keys') params.keys = issue.keys.join(', ');
  if (issue.code === 'invalid_union' && 'note' in issue && issue.note === 'No matching discriminator') {
    params.expected = 'a known kind';
  }
  if (issue.code === 'invalid_union' && isMissingUnionValue(issue)) {
    // A required JSON value (a formula's expression) that is absent fails every alternative of the JSON union.
    code = 'missing';
    params.expected = 'a JSON value';
  }
  return problem(issue.path, code, issue.message, params);
}

/**
 * A formula reads only fields of its own table, and formulas never read themselves, directly or through each other
 * (they could not be computed). Both problems sit at the offending formula's expression.
 */
function formulaProblems(table: Table, tablePath: readonly PropertyKey[]): Problem[] {
  const problems: Problem[] = [];
  const fieldIds = new Set(table.fields.map((field) => field.id));
  const formulas: ComputedField[] = [];
  const expressionPaths = new Map<string, PropertyKey[]>();
  table.fields.forEach((field, fieldIndex) => {
    // Tier fields are computed from their rules' conditions, so they take part exactly like formulas.
    if (field.kind !== 'formula' && field.kind !== 'tier') return;
    const path = [...tablePath, 'fields', fieldIndex, field.kind === 'formula' ? 'expression' : 'rules'];
    const references = fieldReferences(
      field.kind === 'formula' ? field.expression : field.rules.map((rule) => rule.condition),
    );
    for (const id of references) {
      if (fieldIds.has(id)) continue;
      problems.push(
        problem(
          path,
          'unknownField',
          `The formula "${field.name}" reads "${id}", which is not a field of this table.`,
          { id },
        ),
      );
    }
    if (!expressionPaths.has(field.id)) expressionPaths.set(field.id, path);
    formulas.push({
      tableId: table.id,
      fieldId: field.id,
      name: field.name,
      dependsOn: references
        .filter((id) => fieldIds.has(id))
        .map((fieldId) => ({ tableId: table.id, fieldId })),
    });
  });
  const graph = buildDependencyGraph(formulas);
  if (!graph.ok) {
    // One loop per table: once it is broken, validating again reports the next one, if any.
    const cycle = describeCycle(graph.error);
    const first = graph.error.fields[0]?.fieldId ?? '';
    problems.push(
      problem(
        expressionPaths.get(first) ?? [...tablePath, 'fields'],
        'formulaCycle',
        `These formulas read each other in a loop: ${cycle}.`,
        { cycle },
      ),
    );
  }
  return problems;
}

/** Checks what the schema cannot: ids are unique, and references point at entities that exist. */
function referenceProblems(
  apps: readonly App[],
  records: readonly DataRecord[],
  base: PropertyKey[],
): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  const claim = (id: string, path: PropertyKey[]): void => {
    const firstPath = seen.get(id);
    if (firstPath !== undefined) {
      problems.push(
        problem(path, 'duplicateId', `The id "${id}" is already used at ${firstPath}.`, {
          id,
          other: firstPath,
        }),
      );
    } else {
      seen.set(id, problem(path, 'duplicateId', '').path);
    }
  };
  const tableIds = new Set<string>();
  apps.forEach((app, appIndex) => {
    const appPath = [...base, 'apps', appIndex];
    claim(app.id, [...appPath, 'id']);
    const appTableIds = new Set(app.tables.map((table) => table.id));
    app.tables.forEach((table, tableIndex) => {
      const tablePath = [...appPath, 'tables', tableIndex];
      claim(table.id, [...tablePath, 'id']);
      tableIds.add(table.id);
      const fieldIds = new Set<string>();
      table.fields.forEach((field, fieldIndex) => {
        if (fieldIds.has(field.id)) {
          problems.push(
            problem(
              [...tablePath, 'fields', fieldIndex, 'id'],
              'duplicateId',
              `The field id "${field.id}" is used twice in this table.`,
              { id: field.id },
            ),
          );
        }
        fieldIds.add(field.id);
      });
      problems.push(...formulaProblems(table, tablePath));
      problems.push(...fieldOptionProblems(app, table, tablePath));
      table.views.forEach((view, viewIndex) => {
        claim(view.id, [...tablePath, 'views', viewIndex, 'id']);
      });
    });
    app.forms.forEach((form, formIndex) => {
      const formPath = [...appPath, 'forms', formIndex];
      claim(form.id, [...formPath, 'id']);
      if (!appTableIds.has(form.tableId)) {
        problems.push(
          problem(
            [...formPath, 'tableId'],
            'unknownReference',
            `No table with id "${form.tableId}" in this app.`,
            { id: form.tableId },
          ),
        );
      }
    });
    app.automations.forEach((automation, index) =>
      claim(automation.id, [...appPath, 'automations', index, 'id']),
    );
    app.dashboards.forEach((dashboard, index) =>
      claim(dashboard.id, [...appPath, 'dashboards', index, 'id']),
    );
  });
  const recordIds = new Set<string>();
  records.forEach((record, index) => {
    const path = ['records', index];
    if (recordIds.has(record.id)) {
      problems.push(
        problem([...path, 'id'], 'duplicateId', `The record id "${record.id}" is used twice.`, {
          id: record.id,
        }),
      );
    }
    recordIds.add(record.id);
    if (!tableIds.has(record.tableId)) {
      problems.push(
        problem([...path, 'tableId'], 'unknownReference', `No table with id "${record.tableId}".`, {
          id: record.tableId,
        }),
      );
    }
  });
  return problems;
}

function checkEnvelope(input: unknown, format: DocumentFormat): Result<JsonObject, Problem[]> {
  if (!isObject(input)) return err([problem([], 'notObject', 'The document must be a JSON object.')]);
  if (input.format !== format) {
    return err([problem(['format'], 'wrongFormat', `Expected "format": "${format}".`, { expected: format })]);
  }
  const version = input.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return err([
      problem(['schemaVersion'], 'unsupportedVersion', 'schemaVersion must be a whole number from 1.', {
        expected: CURRENT_SCHEMA_VERSION,
      }),
    ]);
  }
  if (version > CURRENT_SCHEMA_VERSION) {
    return err([
      problem(
        ['schemaVersion'],
        'newerVersion',
        `This file was written by a newer Liucun (schema ${version}); this one reads up to ${CURRENT_SCHEMA_VERSION}.`,
        {
          version,
          supported: CURRENT_SCHEMA_VERSION,
        },
      ),
    ]);
  }
  const steps = migrationPath(version);
  if (steps === undefined) {
    return err([
      problem(['schemaVersion'], 'unsupportedVersion', `No migration from schema ${version}.`, { version }),
    ]);
  }
  try {
    return ok(steps.length === 0 ? input : migrateDocument(input, steps));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return err([
      problem(['schemaVersion'], 'migrationFailed', `Upgrading from schema ${version} failed: ${detail}`, {
        version,
        detail,
      }),
    ]);
  }
}

function finish<T>(problems: Problem[], value: T): Result<T, Problem[]> {
  if (problems.length === 0) return ok(value);
  return err(problems.slice(0, MAX_PROBLEMS));
}

/** Validates (and if needed upgrades) a workspace document. Reports every problem, each with its JSON path. */
export function validateWorkspaceDocument(input: unknown): Result<WorkspaceDocument, Problem[]> {
  const envelope = checkEnvelope(input, 'liucun/workspace');
  if (!envelope.ok) return envelope;
  const parsed = WorkspaceDocumentSchema.safeParse(envelope.value);
  if (!parsed.success) return err(parsed.error.issues.slice(0, MAX_PROBLEMS).map(fromZodIssue));
  const document = parsed.data;
  return finish(referenceProblems(document.workspace.apps, document.records, ['workspace']), document);
}

/** Validates (and if needed upgrades) a template document. */
export function validateTemplateDocument(input: unknown): Result<TemplateDocument, Problem[]> {
  const envelope = checkEnvelope(input, 'liucun/template');
  if (!envelope.ok) return envelope;
  const parsed = TemplateDocumentSchema.safeParse(envelope.value);
  if (!parsed.success) return err(parsed.error.issues.slice(0, MAX_PROBLEMS).map(fromZodIssue));
  const document = parsed.data;
  return finish(referenceProblems(document.apps, document.records, []), document);
}
