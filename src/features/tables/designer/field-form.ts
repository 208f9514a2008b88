// The properties form as plain strings and lists (what inputs hold), and the two ways between it and a Field.
// Formula texts compile here, against the same field list the checks next to the inputs used.
import type {
  DefaultValueSpec,
  DefaultValueType,
  Field,
  JsonValue,
  Person,
  Table,
  TierRule,
} from '../../../engine';
import {
  cellText,
  compileFormula,
  compileFormulaField,
  defaultValueOf,
  fieldInfos,
  FormulaError,
  formulaToText,
  OPTION_COLORS,
  parseCellText,
  ROLLUP_AGGREGATES,
  withDefaultValue,
} from '../../../engine';

export type OptionColor = (typeof OPTION_COLORS)[number];
export type RollupAggregate = (typeof ROLLUP_AGGREGATES)[number];
export type AutoNumberDateFormat = 'none' | 'yyyy' | 'yyyyMM' | 'yyyyMMdd';

/** What the designer's editors need besides the field: its table, the app's other tables, the people. */
export interface DesignerEnv {
  readonly table: Table;
  /** Tables of the same app, this one included. */
  readonly appTables: readonly Table[];
  readonly people: readonly Person[];
  /** The zone dates are typed and shown in (the device's). */
  readonly timeZone: string;
}

export interface OptionRow {
  readonly optionId: string;
  readonly name: string;
  readonly color: OptionColor;
}

export interface RuleRow {
  readonly ruleId: string;
  readonly label: string;
  readonly color: OptionColor;
  /** The condition as formula text, e.g. `{Total spend} >= 10000`. */
  readonly condition: string;
}

export interface FieldFormValues {
  name: string;
  description: string;
  required: boolean;
  unique: boolean;
  defaultType: DefaultValueType | '';
  /** A fixed default as cell text (checkbox: 'true' / 'false'). */
  defaultText: string;
  /** A fixed default of a select field: option ids. */
  defaultOptionIds: string[];
  defaultFormula: string;
  precision: string;
  currency: string;
  maxLength: string;
  accept: string;
  options: OptionRow[];
  max: string;
  multiple: boolean;
  targetTableId: string;
  linkFieldId: string;
  targetFieldId: string;
  aggregate: RollupAggregate;
  filter: string;
  formula: string;
  prefix: string;
  dateFormat: AutoNumberDateFormat;
  digits: string;
  resetWithDate: boolean;
  rules: RuleRow[];
  fallbackLabel: string;
  fallbackColor: OptionColor;
}

/** Formula text of stored JSON; '' for none, and the error's code when the JSON has no text form. */
export function printFormula(json: JsonValue | undefined, table: Table): string {
  if (json === undefined || json === null) return '';
  try {
    return formulaToText(json, fieldInfos(table));
  } catch (error) {
    if (error instanceof FormulaError) return '';
    throw error;
  }
}

/** The form's starting values for `field`. */
export function toFormValues(field: Field, env: DesignerEnv): FieldFormValues {
  const { table } = env;
  const spec = defaultValueOf(field);
  const values: FieldFormValues = {
    name: field.name,
    description: field.description ?? '',
    required: field.required ?? false,
    unique: field.unique ?? false,
    defaultType: spec?.type ?? '',
    defaultText: '',
    defaultOptionIds: [],
    defaultFormula: spec?.type === 'formula' ? printFormula(spec.expression, table) : '',
    precision: 'precision' in field && field.precision !== undefined ? String(field.precision) : '',
    currency: field.kind === 'currency' ? field.currency : 'CNY',
    maxLength: field.kind === 'text' && field.maxLength !== undefined ? String(field.maxLength) : '',
    accept: field.kind === 'attachment' ? (field.accept ?? '') : '',
    options:
      field.kind === 'singleSelect' || field.kind === 'multiSelect'
        ? field.options.map((option) => ({ optionId: option.id, name: option.name, color: option.color }))
        : [],
    max: field.kind === 'rating' ? String(field.max) : '5',
    multiple: field.kind === 'person' || field.kind === 'link' ? (field.multiple ?? false) : false,
    targetTableId: field.kind === 'link' ? field.targetTableId : '',
    linkFieldId: field.kind === 'lookup' || field.kind === 'rollup' ? field.linkFieldId : '',
    targetFieldId: field.kind === 'lookup' || field.kind === 'rollup' ? (field.targetFieldId ?? '') : '',
    aggregate: field.kind === 'rollup' ? field.aggregate : 'count',
    filter: '',
    formula: field.kind === 'formula' ? printFormula(field.expression, table) : '',
    prefix: field.kind === 'autoNumber' ? (field.prefix ?? '') : '',
    dateFormat: field.kind === 'autoNumber' ? field.dateFormat : 'none',
    digits: field.kind === 'autoNumber' ? String(field.digits) : '4',
    resetWithDate: field.kind === 'autoNumber' ? (field.resetWithDate ?? false) : false,
    rules:
      field.kind === 'tier'
        ? field.rules.map((rule) => ({
            ruleId: rule.id,
            label: rule.label,
            color: rule.color,
            condition: printFormula(rule.condition, table),
          }))
        : [],
    fallbackLabel: field.kind === 'tier' ? field.fallback.label : '',
    fallbackColor: field.kind === 'tier' ? field.fallback.color : 'gray',
  };
  if (field.kind === 'rollup' && field.filter !== undefined) {
    const target = rollupTargetTable(field.linkFieldId, env);
    values.filter = target ? printFormula(field.filter, target) : '';
  }
  if (spec?.type === 'fixed') {
    if (Array.isArray(spec.value))
      values.defaultOptionIds = spec.value.filter((id) => typeof id === 'string');
    else if (field.kind === 'singleSelect' && typeof spec.value === 'string')
      values.defaultOptionIds = [spec.value];
    else if (field.kind === 'checkbox') values.defaultText = spec.value === true ? 'true' : 'false';
    else values.defaultText = cellText(field, spec.value, { timeZone: env.timeZone });
  }
  // A checkbox default is picked from two choices; start from "unchecked" rather than an empty choice.
  if (field.kind === 'checkbox' && values.defaultText === '') values.defaultText = 'false';
  return values;
}

/** The table a lookup or rollup reaches through link field `linkFieldId` of this table. */
export function rollupTargetTable(linkFieldId: string, env: DesignerEnv): Table | undefined {
  const link = env.table.fields.find((field) => field.id === linkFieldId);
  if (link?.kind !== 'link') return undefined;
  return env.appTables.find((table) => table.id === link.targetTableId);
}

/** The table's fields as a formula of `fieldId` may see them: all but the field itself. */
export function otherFieldInfos(table: Table, fieldId: string) {
  return fieldInfos(table).filter((info) => info.id !== fieldId);
}

/** Compiles a tier condition or default formula of field `fieldId`: over the table's other fields. */
export function compileCondition(source: string, table: Table, fieldId: string) {
  return compileFormula(source, otherFieldInfos(table, fieldId));
}

function optionalInt(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text);
}

/** `key: value` when value is defined, for spreading optional properties without writing `undefined`. */
function some<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** The kind-specific part of the field the form describes. Throws FormulaError for a formula that does not compile. */
function kindPart(original: Field, values: FieldFormValues, env: DesignerEnv): Field {
  const base = {
    id: original.id,
    name: values.name.trim(),
    ...some('description', values.description.trim() === '' ? undefined : values.description.trim()),
    ...some('required', values.required ? true : undefined),
    ...some('unique', values.unique ? true : undefined),
  };
  const precision = optionalInt(values.precision);
  switch (original.kind) {
    case 'text':
      return { ...base, kind: 'text', ...some('maxLength', optionalInt(values.maxLength)) };
    case 'number':
    case 'percent':
      return { ...base, kind: original.kind, ...some('precision', precision) };
    case 'currency':
      return { ...base, kind: 'currency', currency: values.currency.trim(), ...some('precision', precision) };
    case 'singleSelect':
    case 'multiSelect':
      return {
        ...base,
        kind: original.kind,
        options: values.options.map((row) => ({ id: row.optionId, name: row.name.trim(), color: row.color })),
      };
    case 'rating':
      return { ...base, kind: 'rating', max: Number(values.max) };
    case 'person':
      return { ...base, kind: 'person', multiple: values.multiple };
    case 'link':
      return {
        ...base,
        kind: 'link',
        targetTableId: values.targetTableId,
        multiple: values.multiple,
        // The inverse field belongs to the old target; a new target has none yet.
        ...some(
          'inverseFieldId',
          values.targetTableId === original.targetTableId ? original.inverseFieldId : undefined,
        ),
      };
    case 'lookup':
      return {
        ...base,
        kind: 'lookup',
        linkFieldId: values.linkFieldId,
        targetFieldId: values.targetFieldId,
      };
    case 'rollup': {
      const target = rollupTargetTable(values.linkFieldId, env);
      const filter =
        values.filter.trim() !== '' && target
          ? (compileFormula(values.filter, fieldInfos(target)).json as JsonValue)
          : undefined;
      return {
        ...base,
        kind: 'rollup',
        linkFieldId: values.linkFieldId,
        aggregate: values.aggregate,
        ...some(
          'targetFieldId',
          values.aggregate === 'count' ? undefined : values.targetFieldId || undefined,
        ),
        ...some('filter', filter),
        ...some('precision', precision),
      };
    }
    case 'formula': {
      const compiled = compileFormulaField(env.table, base, values.formula);
      return {
        ...base,
        kind: 'formula',
        expression: compiled.json as JsonValue,
        resultType: compiled.type,
        ...some('precision', precision),
      };
    }
    case 'autoNumber':
      return {
        ...base,
        kind: 'autoNumber',
        ...some('prefix', values.prefix === '' ? undefined : values.prefix),
        dateFormat: values.dateFormat,
        digits: Number(values.digits),
        ...some('resetWithDate', values.resetWithDate && values.dateFormat !== 'none' ? true : undefined),
      };
    case 'tier':
      return {
        ...base,
        kind: 'tier',
        rules: values.rules.map((row): TierRule => ({
          id: row.ruleId,
          label: row.label.trim(),
          color: row.color,
          condition: compileCondition(row.condition, env.table, original.id).json as JsonValue,
        })),
        fallback: { label: values.fallbackLabel.trim(), color: values.fallbackColor },
      };
    case 'attachment':
      return { ...base, kind: 'attachment', ...some('accept', values.accept.trim() || undefined) };
    case 'longText':
    case 'checkbox':
    case 'date':
    case 'dateTime':
    case 'email':
    case 'phone':
    case 'url':
    case 'createdTime':
    case 'lastModifiedTime':
      return { ...base, kind: original.kind };
  }
}

/** The field's draft without its default: what a typed default is parsed against. Never throws. */
export function draftForDefault(original: Field, values: FieldFormValues): Field {
  switch (original.kind) {
    case 'rating':
      return { ...original, max: Number(values.max) || original.max };
    case 'text':
      return { ...original, ...some('maxLength', optionalInt(values.maxLength)) };
    case 'singleSelect':
    case 'multiSelect':
      return {
        ...original,
        options: values.options.map((row) => ({ id: row.optionId, name: row.name, color: row.color })),
      };
    default:
      return original;
  }
}

export type DefaultResult =
  | { readonly ok: true; readonly spec: DefaultValueSpec | undefined }
  | {
      readonly ok: false;
      readonly problem: { code: string; params: Readonly<Record<string, string | number>> };
    };

/** The default the form describes; a problem (cellProblems.* code) when the typed fixed value does not parse. */
export function defaultSpec(original: Field, values: FieldFormValues, env: DesignerEnv): DefaultResult {
  switch (values.defaultType) {
    case '':
      return { ok: true, spec: undefined };
    case 'now':
    case 'currentUser':
      return { ok: true, spec: { type: values.defaultType } };
    case 'formula':
      return values.defaultFormula.trim() === ''
        ? { ok: true, spec: undefined }
        : {
            ok: true,
            spec: {
              type: 'formula',
              expression: compileCondition(values.defaultFormula, env.table, original.id).json as JsonValue,
            },
          };
    case 'fixed': {
      if (original.kind === 'singleSelect' || original.kind === 'multiSelect') {
        const known = new Set(values.options.map((row) => row.optionId));
        // A checkbox group of one option reports a string (or false) rather than a list.
        const raw: unknown = values.defaultOptionIds;
        const chosen: unknown[] = Array.isArray(raw)
          ? raw
          : typeof raw === 'string' && raw !== ''
            ? [raw]
            : [];
        const ids = chosen.filter((id): id is string => typeof id === 'string' && known.has(id));
        if (ids.length === 0) return { ok: true, spec: undefined };
        return {
          ok: true,
          spec: { type: 'fixed', value: original.kind === 'singleSelect' ? (ids[0] ?? null) : ids },
        };
      }
      const parsed = parseCellText(draftForDefault(original, values), values.defaultText, {
        timeZone: env.timeZone,
      });
      if (!parsed.ok) return { ok: false, problem: parsed.problem };
      if (parsed.value === null) return { ok: true, spec: undefined };
      const value = parsed.value;
      return { ok: true, spec: { type: 'fixed', value: typeof value === 'object' ? [...value] : value } };
    }
  }
}

/**
 * The field the form describes. Throws FormulaError when a formula text does not compile and Error when the default
 * does not parse: the form's checks run first, so either means a check is missing.
 */
export function buildField(original: Field, values: FieldFormValues, env: DesignerEnv): Field {
  const field = kindPart(original, values, env);
  const result = defaultSpec(original, values, env);
  if (!result.ok) throw new Error(`The default value does not parse: ${result.problem.code}`);
  return withDefaultValue(field, result.spec);
}

/** A fresh colour for the next option or rule: the first one not used yet, else in turn. */
export function nextColor(used: readonly OptionColor[]): OptionColor {
  const free = OPTION_COLORS.find((color) => color !== 'gray' && !used.includes(color));
  return free ?? OPTION_COLORS[used.length % OPTION_COLORS.length] ?? 'gray';
}
