// What the table designer starts from: a valid new field of each kind, the palette's groups, unique default names,
// and the one "default value" choice (fixed / formula / now / current user) over the places the model stores it.
import type { JsonValue } from './common';
import type { Field, FieldKind } from './fields';

/** The palette's sections, in display order; every kind is in exactly one. */
export const FIELD_KIND_GROUPS = [
  {
    id: 'basic',
    kinds: ['text', 'longText', 'number', 'currency', 'percent', 'checkbox', 'rating'],
  },
  { id: 'choice', kinds: ['singleSelect', 'multiSelect', 'person'] },
  { id: 'date', kinds: ['date', 'dateTime', 'createdTime', 'lastModifiedTime'] },
  { id: 'relation', kinds: ['link', 'lookup', 'rollup'] },
  { id: 'computed', kinds: ['formula', 'tier', 'autoNumber'] },
  { id: 'other', kinds: ['email', 'phone', 'url', 'attachment'] },
] as const satisfies readonly { id: string; kinds: readonly FieldKind[] }[];

export type FieldKindGroupId = (typeof FIELD_KIND_GROUPS)[number]['id'];

export interface NewFieldParams {
  readonly id: string;
  readonly name: string;
  /** ISO 4217 code of a currency field; 'CNY' when absent. */
  readonly currency?: string;
  /** The table a link field points to (required for 'link'). */
  readonly targetTableId?: string;
  /** A link field of this table (required for 'lookup' and 'rollup'). */
  readonly linkFieldId?: string;
  /** A field of the linked table (required for 'lookup'; a rollup without one counts). */
  readonly targetFieldId?: string;
}

/** Kinds that cannot exist without pointing somewhere: the designer asks for (or picks) the target first. */
export const TARGETED_FIELD_KINDS: readonly FieldKind[] = ['link', 'lookup', 'rollup'];

function required(value: string | undefined, kind: FieldKind, param: string): string {
  if (value === undefined || value === '') throw new Error(`A new ${kind} field needs ${param}.`);
  return value;
}

/**
 * A new field of `kind` with the designer's defaults (5 stars, no select options, a tier with only its 'General'
 * fallback, auto-numbers of 4 digits without a date part, a rollup that counts). Throws when a link, lookup or rollup
 * is asked for without its target: that is a bug of the caller, which must ask first.
 */
export function newField(kind: FieldKind, params: NewFieldParams): Field {
  const base = { id: params.id, name: params.name };
  switch (kind) {
    case 'currency':
      return { ...base, kind, currency: params.currency ?? 'CNY', precision: 2 };
    case 'singleSelect':
    case 'multiSelect':
      return { ...base, kind, options: [] };
    case 'rating':
      return { ...base, kind, max: 5 };
    case 'person':
      return { ...base, kind, multiple: false };
    case 'link':
      return {
        ...base,
        kind,
        targetTableId: required(params.targetTableId, kind, 'a target table'),
        multiple: true,
      };
    case 'lookup':
      return {
        ...base,
        kind,
        linkFieldId: required(params.linkFieldId, kind, 'a link field'),
        targetFieldId: required(params.targetFieldId, kind, 'a target field'),
      };
    case 'rollup': {
      const linkFieldId = required(params.linkFieldId, kind, 'a link field');
      return params.targetFieldId === undefined
        ? { ...base, kind, linkFieldId, aggregate: 'count' }
        : { ...base, kind, linkFieldId, targetFieldId: params.targetFieldId, aggregate: 'count' };
    }
    case 'formula':
      // No expression yet: the formula evaluates to blank until one is written.
      return { ...base, kind, expression: null };
    case 'autoNumber':
      return { ...base, kind, dateFormat: 'none', digits: 4 };
    case 'tier':
      return { ...base, kind, rules: [], fallback: { label: 'General', color: 'gray' } };
    case 'text':
    case 'longText':
    case 'number':
    case 'percent':
    case 'checkbox':
    case 'date':
    case 'dateTime':
    case 'email':
    case 'phone':
    case 'url':
    case 'createdTime':
    case 'lastModifiedTime':
    case 'attachment':
      return { ...base, kind };
  }
}

const NUMBER_LIKE: ReadonlySet<FieldKind> = new Set(['number', 'currency', 'percent', 'formula', 'rollup']);

/**
 * `field` turned into `kind`, keeping what still makes sense: id, name, description, required, unique, decimals among
 * number-like kinds, options between single and multi select, the currency code, and a default formula when the new
 * kind takes one. Fixed defaults are dropped (their type belongs to the old kind).
 */
export function changeFieldKind(
  field: Field,
  kind: FieldKind,
  params: Omit<NewFieldParams, 'id' | 'name'>,
): Field {
  if (field.kind === kind) return field;
  const next: Field = newField(kind, { ...params, id: field.id, name: field.name });
  const kept: Record<string, unknown> = {};
  if (field.description !== undefined) kept.description = field.description;
  if (field.required !== undefined) kept.required = field.required;
  if (field.unique !== undefined) kept.unique = field.unique;
  if (field.defaultFormula !== undefined && defaultValueTypes(kind).includes('formula'))
    kept.defaultFormula = field.defaultFormula;
  if ('precision' in field && field.precision !== undefined && NUMBER_LIKE.has(kind))
    kept.precision = field.precision;
  if ('options' in field && (kind === 'singleSelect' || kind === 'multiSelect')) kept.options = field.options;
  // The spread keeps each kind's own shape; `kept` only holds keys that kind accepts.
  return { ...next, ...kept };
}

/**
 * A unique name for a new field: `baseName` ("Number", localized by the caller) when free, else "Number 2", "Number 3"…
 * Names are compared as formulas read them: trimmed, ignoring case.
 */
export function defaultFieldName(baseName: string, existingNames: Iterable<string>): string {
  const taken = new Set([...existingNames].map((name) => name.trim().toLowerCase()));
  if (!taken.has(baseName.trim().toLowerCase())) return baseName;
  for (let n = 2; ; n++) {
    const candidate = `${baseName} ${n}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

// ── Default values ──────────────────────────────────────────────────────────────────────────────────────────────

/** How a new record's blank cell gets its value. */
export type DefaultValueSpec =
  | { readonly type: 'fixed'; readonly value: JsonValue }
  | { readonly type: 'formula'; readonly expression: JsonValue }
  | { readonly type: 'now' }
  | { readonly type: 'currentUser' };
export type DefaultValueType = DefaultValueSpec['type'];

const FIXED_KINDS: ReadonlySet<FieldKind> = new Set([
  'text',
  'longText',
  'number',
  'currency',
  'percent',
  'checkbox',
  'singleSelect',
  'multiSelect',
  'email',
  'phone',
  'url',
  'rating',
]);
const FORMULA_KINDS: ReadonlySet<FieldKind> = new Set([
  'text',
  'longText',
  'number',
  'currency',
  'percent',
  'checkbox',
  'date',
  'dateTime',
  'email',
  'phone',
  'url',
  'rating',
]);

/** The default value types `kind` accepts, in the order the designer offers them; none for computed kinds. */
export function defaultValueTypes(kind: FieldKind): readonly DefaultValueType[] {
  const types: DefaultValueType[] = [];
  if (FIXED_KINDS.has(kind)) types.push('fixed');
  if (kind === 'date' || kind === 'dateTime') types.push('now');
  if (kind === 'person') types.push('currentUser');
  if (FORMULA_KINDS.has(kind)) types.push('formula');
  return types;
}

/** The field's default as one choice; undefined when it has none. */
export function defaultValueOf(field: Field): DefaultValueSpec | undefined {
  if (field.defaultFormula !== undefined) return { type: 'formula', expression: field.defaultFormula };
  if (!('defaultValue' in field) || field.defaultValue === undefined) return undefined;
  if (field.kind === 'date' || field.kind === 'dateTime') return { type: 'now' };
  if (field.kind === 'person') return { type: 'currentUser' };
  const value = field.defaultValue;
  return { type: 'fixed', value: Array.isArray(value) ? [...(value as readonly string[])] : value };
}

function withoutDefaults(field: Field): Field {
  const copy: Record<string, unknown> = { ...field };
  delete copy.defaultValue;
  delete copy.defaultFormula;
  return copy as Field; // only optional keys were removed
}

function isStringList(value: JsonValue): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** Whether `value` has the stored type of a fixed default of `kind` (option ids are checked by validation). */
function fitsKind(kind: FieldKind, value: JsonValue): boolean {
  switch (kind) {
    case 'number':
    case 'currency':
    case 'percent':
      return typeof value === 'number' && Number.isFinite(value);
    case 'rating':
      return typeof value === 'number' && Number.isInteger(value);
    case 'checkbox':
      return typeof value === 'boolean';
    case 'multiSelect':
      return isStringList(value);
    default:
      return typeof value === 'string';
  }
}

/**
 * `field` with `spec` as its only default (undefined removes it). Throws when the kind does not take that type of
 * default or the fixed value has the wrong type: the designer only offers what `defaultValueTypes` lists.
 */
export function withDefaultValue(field: Field, spec: DefaultValueSpec | undefined): Field {
  const clean = withoutDefaults(field);
  if (spec === undefined) return clean;
  if (!defaultValueTypes(field.kind).includes(spec.type))
    throw new Error(`A ${field.kind} field has no '${spec.type}' default.`);
  switch (spec.type) {
    case 'formula':
      return { ...clean, defaultFormula: spec.expression };
    case 'now':
      return { ...clean, defaultValue: field.kind === 'date' ? 'today' : 'now' } as Field;
    case 'currentUser':
      return { ...clean, defaultValue: 'currentUser' } as Field;
    case 'fixed':
      if (!fitsKind(field.kind, spec.value))
        throw new Error(`${JSON.stringify(spec.value)} is not a default of a ${field.kind} field.`);
      // fitsKind checked the value's type against the kind's defaultValue schema.
      return { ...clean, defaultValue: spec.value } as Field;
  }
}
