// Example documents for the model tests: fresh, mutable copies of the JSON fixtures, plus small helpers that keep
// strict index access readable.
import workspaceV1 from '../../fixtures/workspace-v1.json';
import workspaceV2 from '../../fixtures/workspace-v2.json';
import templateV2 from '../../fixtures/template-v2.json';
import { validateTemplateDocument, validateWorkspaceDocument, type Problem } from '../../../src/engine';
import type { TemplateDocument, WorkspaceDocument } from '../../../src/engine';

/** A JSON object a test may freely change (a deep copy of a fixture). */
export type Json = Record<string, unknown>;

/** The example workspace document of the current schema, as untyped JSON. */
export function workspaceJson(): Json {
  return structuredClone(workspaceV2);
}

/** The example workspace document written by schema version 1 (before `name`, `kind`, `version` and `deleted`). */
export function workspaceV1Json(): Json {
  return structuredClone(workspaceV1);
}

export function templateJson(): Json {
  return structuredClone(templateV2);
}

/** The example workspace document, validated and typed. */
export function workspaceDocument(): WorkspaceDocument {
  const result = validateWorkspaceDocument(workspaceJson());
  if (!result.ok) throw new Error(`The workspace fixture is invalid: ${JSON.stringify(result.error)}`);
  return result.value;
}

export function templateDocument(): TemplateDocument {
  const result = validateTemplateDocument(templateJson());
  if (!result.ok) throw new Error(`The template fixture is invalid: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** The value, or a failed test when it is missing. */
export function must<T>(value: T | undefined, what = 'value'): T {
  if (value === undefined) throw new Error(`Expected a ${what}`);
  return value;
}

/** Follows a path of keys and indexes into untyped JSON, failing the test when a step is missing. */
export function at(root: unknown, ...path: (string | number)[]): Json {
  let current: unknown = root;
  for (const key of path) {
    if (typeof current !== 'object' || current === null)
      throw new Error(`No ${String(key)} in ${JSON.stringify(path)}`);
    current = (current as Record<string | number, unknown>)[key];
  }
  if (typeof current !== 'object' || current === null) throw new Error(`Nothing at ${JSON.stringify(path)}`);
  return current as Json;
}

/** Problems as `path code` lines, sorted, so a whole report compares in one readable assertion. */
export function summarize(problems: readonly Problem[]): string[] {
  return problems.map((entry) => `${entry.path} ${entry.code}`).sort();
}

/** Freezes a value and everything inside it, so any attempt to change it throws. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
