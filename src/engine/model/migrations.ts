// The migration chain of the definition format: each step upgrades documents of one schema version to the next.
// Steps work entity by entity so the same code upgrades a whole exported document and a single stored row.
import { CURRENT_SCHEMA_VERSION } from './workspace';

export type JsonObject = Record<string, unknown>;

/** The entities a migration step may rewrite. Each function gets one entity without its children and returns it. */
export interface EntityUpgrades {
  readonly app?: (app: JsonObject) => JsonObject;
  readonly table?: (table: JsonObject) => JsonObject;
  readonly field?: (field: JsonObject) => JsonObject;
  readonly record?: (record: JsonObject) => JsonObject;
}

export interface MigrationStep extends EntityUpgrades {
  readonly from: number;
  readonly to: number;
  readonly summary: string;
}

function withVersionCounter(entity: JsonObject): JsonObject {
  return typeof entity.version === 'number' ? entity : { ...entity, version: 1 };
}

/** Oldest first. Append a step (and bump CURRENT_SCHEMA_VERSION) for every change to the format. */
export const MIGRATIONS: readonly MigrationStep[] = [
  {
    from: 1,
    to: 2,
    summary:
      'Apps are named by `name` (was `title`); fields are tagged by `kind` (was `type`); apps and tables ' +
      'carry a `version` counter; records carry a `deleted` tombstone flag (was `deletedAt`).',
    app: (app) => {
      const { title, ...rest } = app;
      return withVersionCounter(rest.name === undefined ? { ...rest, name: title } : rest);
    },
    table: withVersionCounter,
    field: (field) => {
      const { type, ...rest } = field;
      if (rest.kind !== undefined) return rest;
      // v1 called long text "textarea"; every other v1 type name is unchanged.
      return { ...rest, kind: type === 'textarea' ? 'longText' : type };
    },
    record: (record) => {
      const { deletedAt, ...rest } = record;
      return { ...rest, deleted: rest.deleted ?? (deletedAt !== undefined && deletedAt !== null) };
    },
  },
];

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mapArray(value: unknown, upgrade: (item: JsonObject) => JsonObject): unknown {
  return Array.isArray(value)
    ? (value as unknown[]).map((item) => (isObject(item) ? upgrade(item) : item))
    : value;
}

/** The steps that take a document from `fromVersion` to the current version, or undefined when there is no path. */
export function migrationPath(fromVersion: number): readonly MigrationStep[] | undefined {
  const steps: MigrationStep[] = [];
  let version = fromVersion;
  while (version < CURRENT_SCHEMA_VERSION) {
    const step = MIGRATIONS.find((candidate) => candidate.from === version);
    if (step === undefined) return undefined;
    steps.push(step);
    version = step.to;
  }
  return steps;
}

/** Upgrades one table entity (with its fields) through the given steps. */
export function upgradeTable(table: JsonObject, steps: readonly MigrationStep[]): JsonObject {
  return steps.reduce((current, step) => {
    const upgraded = step.table ? step.table(current) : current;
    return step.field ? { ...upgraded, fields: mapArray(upgraded.fields, step.field) } : upgraded;
  }, table);
}

/** Upgrades one app entity through the given steps; its children (tables…) are left as they are. */
export function upgradeApp(app: JsonObject, steps: readonly MigrationStep[]): JsonObject {
  return steps.reduce((current, step) => (step.app ? step.app(current) : current), app);
}

export function upgradeRecord(record: JsonObject, steps: readonly MigrationStep[]): JsonObject {
  return steps.reduce((current, step) => (step.record ? step.record(current) : current), record);
}

/**
 * Upgrades a workspace or template document of an older schema version to the current one. Pure: the input is not
 * modified. Shapes it does not recognise are passed through untouched for the validator to report.
 */
export function migrateDocument(document: JsonObject, steps: readonly MigrationStep[]): JsonObject {
  const upgradeAppTree = (app: unknown): unknown => {
    if (!isObject(app)) return app;
    const upgraded = upgradeApp(app, steps);
    return { ...upgraded, tables: mapArray(upgraded.tables, (table) => upgradeTable(table, steps)) };
  };
  const result: JsonObject = { ...document, schemaVersion: CURRENT_SCHEMA_VERSION };
  if (isObject(document.workspace)) {
    const workspace = document.workspace;
    result.workspace = {
      ...workspace,
      apps: Array.isArray(workspace.apps) ? workspace.apps.map(upgradeAppTree) : workspace.apps,
    };
  }
  if (Array.isArray(document.apps)) result.apps = document.apps.map(upgradeAppTree);
  result.records = mapArray(document.records, (record) => upgradeRecord(record, steps));
  return result;
}
