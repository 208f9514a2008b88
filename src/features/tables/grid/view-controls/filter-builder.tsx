// The toolbar's filter button and builder: conditions joined by AND/OR, plus groups one level down with their own
// AND/OR. The builder holds no state of its own: every edit reports the whole new filter, an emptied one as undefined.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  isFilterGroup,
  operatorsFor,
  editorFor,
  type Field,
  type FilterCondition,
  type FilterGroup,
  type FilterOperator,
  type Person,
  type Table,
} from '../../../../engine';
import { newId } from '../../../../shared/ids';
import { FilterValueEditor } from './filter-value-editor';
import { ToolbarPopover } from './toolbar-popover';

export interface FilterButtonProps {
  readonly table: Table;
  readonly filter: FilterGroup | undefined;
  readonly onChange: (filter: FilterGroup | undefined) => void;
  /** The workspace's people, offered by person-field conditions; without them those take no value. */
  readonly people?: readonly Person[];
}

type Item = FilterCondition | FilterGroup;

export function FilterButton({ table, filter, onChange, people = [] }: FilterButtonProps) {
  const { t } = useTranslation();
  // The id the filter gets when the first condition is added (stable, so re-renders do not churn it).
  const [rootId] = useState(newId);
  const root: FilterGroup = filter ?? { id: rootId, conjunction: 'and', conditions: [] };
  const count = countConditions(root);
  const change = (group: FilterGroup) => onChange(group.conditions.length === 0 ? undefined : group);

  return (
    <ToolbarPopover
      buttonText={count > 0 ? t('viewControls.filter.active', { count }) : t('viewControls.filter.button')}
      active={count > 0}
      title={t('viewControls.filter.title')}
    >
      {root.conditions.length === 0 ? <p className="vc-hint">{t('viewControls.filter.empty')}</p> : null}
      <GroupEditor group={root} fields={table.fields} people={people} nested={false} onChange={change} />
    </ToolbarPopover>
  );
}

interface GroupEditorProps {
  readonly group: FilterGroup;
  readonly fields: readonly Field[];
  readonly people: readonly Person[];
  /** Nested groups hold conditions only: one level of groups keeps the builder readable. */
  readonly nested: boolean;
  readonly onChange: (group: FilterGroup) => void;
  readonly onRemove?: () => void;
}

function GroupEditor({ group, fields, people, nested, onChange, onRemove }: GroupEditorProps) {
  const { t } = useTranslation();
  const replace = (at: number, item: Item | undefined) => {
    const conditions =
      item === undefined
        ? group.conditions.filter((_, index) => index !== at)
        : group.conditions.map((old, index) => (index === at ? item : old));
    onChange({ ...group, conditions });
  };
  const append = (item: Item) => onChange({ ...group, conditions: [...group.conditions, item] });
  const first = fields[0];

  return (
    <div className={nested ? 'vc-group vc-group-nested' : 'vc-group'}>
      {group.conditions.length > 0 ? (
        <label className="vc-row">
          <span>
            {t(nested ? 'viewControls.filter.groupConjunction' : 'viewControls.filter.conjunction')}
          </span>
          <select
            className="text-input"
            aria-label={t(
              nested ? 'viewControls.filter.groupConjunction' : 'viewControls.filter.conjunction',
            )}
            value={group.conjunction}
            onChange={(event) =>
              onChange({ ...group, conjunction: event.target.value === 'or' ? 'or' : 'and' })
            }
          >
            <option value="and">{t('query.conjunction.and')}</option>
            <option value="or">{t('query.conjunction.or')}</option>
          </select>
        </label>
      ) : null}
      <ul className="vc-list">
        {group.conditions.map((item, at) => (
          <li key={item.id}>
            {isFilterGroup(item) ? (
              <GroupEditor
                group={item}
                fields={fields}
                people={people}
                nested
                // A group emptied by removing its last condition goes away with it.
                onChange={(next) => replace(at, next.conditions.length === 0 ? undefined : next)}
                onRemove={() => replace(at, undefined)}
              />
            ) : (
              <ConditionRow
                condition={item}
                fields={fields}
                people={people}
                onChange={(next) => replace(at, next)}
                onRemove={() => replace(at, undefined)}
              />
            )}
          </li>
        ))}
      </ul>
      <div className="vc-actions">
        {first !== undefined ? (
          <button
            type="button"
            className="btn btn-small btn-quiet"
            onClick={() => append(newCondition(first))}
          >
            {t('viewControls.filter.addCondition')}
          </button>
        ) : null}
        {!nested && first !== undefined ? (
          <button
            type="button"
            className="btn btn-small btn-quiet"
            onClick={() => append({ id: newId(), conjunction: 'and', conditions: [newCondition(first)] })}
          >
            {t('viewControls.filter.addGroup')}
          </button>
        ) : null}
        {onRemove !== undefined ? (
          <button type="button" className="btn btn-small btn-quiet" onClick={onRemove}>
            {t('viewControls.filter.removeGroup')}
          </button>
        ) : null}
      </div>
    </div>
  );
}

interface ConditionRowProps {
  readonly condition: FilterCondition;
  readonly fields: readonly Field[];
  readonly people: readonly Person[];
  readonly onChange: (condition: FilterCondition) => void;
  readonly onRemove: () => void;
}

function ConditionRow({ condition, fields, people, onChange, onRemove }: ConditionRowProps) {
  const { t } = useTranslation();
  const field = fields.find((candidate) => candidate.id === condition.fieldId);
  const operators = field === undefined ? [] : operatorsFor(field);
  // A condition saved before its field changed type keeps showing its operator until the user picks another.
  const shownOperators = operators.includes(condition.operator)
    ? operators
    : [condition.operator, ...operators];

  return (
    <div className="vc-row vc-condition">
      <select
        className="text-input"
        aria-label={t('viewControls.filter.field')}
        value={field === undefined ? '' : field.id}
        onChange={(event) => {
          const next = fields.find((candidate) => candidate.id === event.target.value);
          if (next !== undefined) onChange({ ...newCondition(next), id: condition.id });
        }}
      >
        {field === undefined ? <option value="">{t('viewControls.filter.deletedField')}</option> : null}
        {fields.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {candidate.name}
          </option>
        ))}
      </select>
      {field !== undefined ? (
        <>
          <select
            className="text-input"
            aria-label={t('viewControls.filter.operator')}
            value={condition.operator}
            onChange={(event) => {
              const operator = shownOperators.find((candidate) => candidate === event.target.value);
              if (operator !== undefined) onChange(withOperator(field, condition, operator));
            }}
          >
            {shownOperators.map((operator) => (
              <option key={operator} value={operator}>
                {t(`query.operators.${operator}`)}
              </option>
            ))}
          </select>
          <FilterValueEditor
            field={field}
            operator={condition.operator}
            value={condition.value}
            people={people}
            onChange={(value) => onChange(withValue(condition, value))}
          />
        </>
      ) : null}
      <button type="button" className="btn btn-small btn-quiet" onClick={onRemove}>
        {t('viewControls.filter.removeCondition')}
      </button>
    </div>
  );
}

/** A condition on `field` with its default operator and no value yet. */
function newCondition(field: Field): FilterCondition {
  return { id: newId(), fieldId: field.id, operator: operatorsFor(field)[0] ?? 'isEmpty' };
}

/** Switching operator keeps the value when the new one takes the same kind of input (gt → gte keeps the number). */
function withOperator(field: Field, condition: FilterCondition, operator: FilterOperator): FilterCondition {
  const keep = editorFor(field, operator) === editorFor(field, condition.operator);
  return keep ? { ...condition, operator } : withValue({ ...condition, operator }, undefined);
}

/** Sets or removes the value; a removed value is left out rather than stored as undefined. */
function withValue(condition: FilterCondition, value: FilterCondition['value']): FilterCondition {
  const base = { id: condition.id, fieldId: condition.fieldId, operator: condition.operator };
  return value === undefined ? base : { ...base, value };
}

function countConditions(group: FilterGroup): number {
  return group.conditions.reduce((sum, item) => sum + (isFilterGroup(item) ? countConditions(item) : 1), 0);
}
