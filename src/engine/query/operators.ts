// Which filter operators fit which field, and what value each needs: the filter builder offers these, the compiler
// (filter.ts) rejects any other combination. A formula field offers the operators of the type it yields.
import type { Field, FieldKind, FilterOperator } from '../model';

/** How a field's values behave in queries: the kind, or a formula's result type mapped onto a kind-like class. */
export type ValueClass =
  | 'text'
  | 'number'
  | 'date'
  | 'instant'
  | 'checkbox'
  | 'select'
  | 'multiSelect'
  | 'tier'
  | 'person'
  | 'list'
  | 'any';

/** The input a condition's value needs in the builder. */
export type ValueEditor =
  'none' | 'text' | 'number' | 'numberRange' | 'date' | 'days' | 'option' | 'options' | 'people';

const CLASS_BY_KIND: Readonly<Record<FieldKind, ValueClass>> = {
  text: 'text',
  longText: 'text',
  email: 'text',
  phone: 'text',
  url: 'text',
  autoNumber: 'text',
  number: 'number',
  currency: 'number',
  percent: 'number',
  rating: 'number',
  date: 'date',
  dateTime: 'instant',
  createdTime: 'instant',
  lastModifiedTime: 'instant',
  checkbox: 'checkbox',
  singleSelect: 'select',
  multiSelect: 'multiSelect',
  tier: 'tier',
  person: 'person',
  link: 'list',
  lookup: 'list',
  attachment: 'list',
  rollup: 'number',
  formula: 'any',
};

/** The value class of a field: a formula's by its result type, a rollup of dates as 'any'. */
export function valueClassOf(field: Field): ValueClass {
  if (field.kind === 'formula') {
    switch (field.resultType) {
      case 'number':
        return 'number';
      case 'text':
        return 'text';
      case 'boolean':
        return 'checkbox';
      case 'date':
        return 'date';
      case 'list':
        return 'list';
      default:
        return 'any';
    }
  }
  if (field.kind === 'rollup' && (field.aggregate === 'earliest' || field.aggregate === 'latest'))
    return 'any';
  return CLASS_BY_KIND[field.kind];
}

const TEXT_OPERATORS: readonly FilterOperator[] = [
  'contains',
  'notContains',
  'is',
  'isNot',
  'startsWith',
  'endsWith',
  'isEmpty',
  'isNotEmpty',
];
const NUMBER_OPERATORS: readonly FilterOperator[] = [
  'eq',
  'neq',
  'lt',
  'lte',
  'gt',
  'gte',
  'between',
  'isEmpty',
  'isNotEmpty',
];
const DATE_OPERATORS: readonly FilterOperator[] = [
  'is',
  'before',
  'after',
  'onOrBefore',
  'onOrAfter',
  'withinLastDays',
  'withinNextDays',
  'isEmpty',
  'isNotEmpty',
];
const CHOICE_OPERATORS: readonly FilterOperator[] = [
  'is',
  'isNot',
  'isAnyOf',
  'isNoneOf',
  'isEmpty',
  'isNotEmpty',
];

const OPERATORS_BY_CLASS: Readonly<Record<ValueClass, readonly FilterOperator[]>> = {
  text: TEXT_OPERATORS,
  any: TEXT_OPERATORS,
  number: NUMBER_OPERATORS,
  date: DATE_OPERATORS,
  instant: DATE_OPERATORS,
  checkbox: ['isChecked', 'isNotChecked'],
  select: CHOICE_OPERATORS,
  tier: CHOICE_OPERATORS,
  multiSelect: ['hasAnyOf', 'hasAllOf', 'hasNoneOf', 'isEmpty', 'isNotEmpty'],
  person: ['isAnyOf', 'isNoneOf', 'isEmpty', 'isNotEmpty'],
  list: ['contains', 'notContains', 'isEmpty', 'isNotEmpty'],
};

/** The operators the filter builder offers for `field`, the default first. */
export function operatorsFor(field: Field): readonly FilterOperator[] {
  return OPERATORS_BY_CLASS[valueClassOf(field)];
}

export function operatorFits(field: Field, operator: FilterOperator): boolean {
  return operatorsFor(field).includes(operator);
}

/**
 * The value input an operator needs on `field`. Values are stored as: text → string; number → number; numberRange →
 * [min, max] (either may be null, open-ended); date → 'YYYY-MM-DD' or 'today' | 'yesterday' | 'tomorrow'; days → a
 * whole number ≥ 0; option → an option id (tier: a rule id, or 'fallback'); options / people → a list of ids.
 */
export function editorFor(field: Field, operator: FilterOperator): ValueEditor {
  switch (operator) {
    case 'isEmpty':
    case 'isNotEmpty':
    case 'isChecked':
    case 'isNotChecked':
      return 'none';
    case 'between':
      return 'numberRange';
    case 'eq':
    case 'neq':
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      return 'number';
    case 'before':
    case 'after':
    case 'onOrBefore':
    case 'onOrAfter':
      return 'date';
    case 'withinLastDays':
    case 'withinNextDays':
      return 'days';
    case 'isAnyOf':
    case 'isNoneOf':
      return valueClassOf(field) === 'person' ? 'people' : 'options';
    case 'hasAnyOf':
    case 'hasAllOf':
    case 'hasNoneOf':
      return 'options';
    case 'is':
    case 'isNot': {
      const valueClass = valueClassOf(field);
      if (valueClass === 'select' || valueClass === 'tier') return 'option';
      if (valueClass === 'date' || valueClass === 'instant') return 'date';
      return 'text';
    }
    case 'contains':
    case 'notContains':
    case 'startsWith':
    case 'endsWith':
      return 'text';
  }
}

/** The tier value that stands for "no rule matched". */
export const TIER_FALLBACK_ID = 'fallback';

export interface Choice {
  readonly id: string;
  readonly name: string;
  readonly color: string;
}

/**
 * The choices of a select or tier field in their order: options, or the tier's rules then its fallback. A tier stores
 * its label; filters name a tier by rule id (or 'fallback'), which survives renaming a rule.
 */
export function choicesOf(field: Field): readonly Choice[] {
  if (field.kind === 'singleSelect' || field.kind === 'multiSelect') return field.options;
  if (field.kind === 'tier')
    return [
      ...field.rules.map((rule) => ({ id: rule.id, name: rule.label, color: rule.color })),
      { id: TIER_FALLBACK_ID, name: field.fallback.label, color: field.fallback.color },
    ];
  return [];
}
