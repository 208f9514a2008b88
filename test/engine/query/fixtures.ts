// A small customer table for the query tests: every value class the query engine distinguishes, once.
import type { Field, FilterCondition, FilterGroup } from '../../../src/engine';
import type { QueryEnv, QueryRecord } from '../../../src/engine/query';

export const DAY = 86_400_000;

export const FIELDS: Field[] = [
  { id: 'name', name: 'Name', kind: 'text' },
  { id: 'email', name: 'Email', kind: 'email' },
  { id: 'spend', name: 'Spend', kind: 'currency', currency: 'CNY' },
  { id: 'joined', name: 'Joined', kind: 'date' },
  { id: 'lastLogin', name: 'Last login', kind: 'dateTime' },
  { id: 'vip', name: 'VIP', kind: 'checkbox' },
  {
    id: 'city',
    name: 'City',
    kind: 'singleSelect',
    options: [
      { id: 'bj', name: '北京', color: 'red' },
      { id: 'sh', name: '上海', color: 'blue' },
      { id: 'gz', name: 'Guangzhou', color: 'green' },
    ],
  },
  {
    id: 'tags',
    name: 'Tags',
    kind: 'multiSelect',
    options: [
      { id: 'new', name: 'New', color: 'green' },
      { id: 'risk', name: 'At risk', color: 'red' },
      { id: 'ref', name: 'Referrer', color: 'blue' },
    ],
  },
  {
    id: 'tier',
    name: 'Tier',
    kind: 'tier',
    rules: [
      { id: 'high', label: 'High value', color: 'green', condition: { '>=': [{ var: 'spend' }, 1000] } },
      { id: 'potential', label: 'Potential', color: 'blue', condition: { '>=': [{ var: 'spend' }, 100] } },
    ],
    fallback: { label: 'General', color: 'gray' },
  },
  {
    id: 'score',
    name: 'Score',
    kind: 'formula',
    expression: { '*': [{ var: 'spend' }, 2] },
    resultType: 'number',
  },
  {
    id: 'label',
    name: 'Label',
    kind: 'formula',
    expression: { cat: ['#', { var: 'name' }] },
    resultType: 'text',
  },
  { id: 'owner', name: 'Owner', kind: 'person', multiple: true },
  { id: 'orders', name: 'Orders', kind: 'link', targetTableId: 'tbl-orders', multiple: true },
  { id: 'stars', name: 'Stars', kind: 'rating', max: 5 },
];

export const FIELDS_BY_ID: ReadonlyMap<string, Field> = new Map(FIELDS.map((field) => [field.id, field]));

/** 2026-03-10T04:00:00Z: 12:00 on 2026-03-10 in Shanghai. */
export const NOW = Date.UTC(2026, 2, 10, 4);

export const ENV: QueryEnv = { now: NOW, timeZone: 'Asia/Shanghai', collator: new Intl.Collator('zh-CN') };

export const RECORDS: QueryRecord[] = [
  {
    id: 'a',
    values: {
      name: 'Alice Wang',
      email: 'alice@example.com',
      spend: 1500,
      joined: Date.UTC(2026, 2, 10),
      // 2026-03-09T17:30Z = 01:30 on 2026-03-10 in Shanghai.
      lastLogin: Date.UTC(2026, 2, 9, 17, 30),
      vip: true,
      city: 'bj',
      tags: ['new', 'ref'],
      tier: 'High value',
      score: 3000,
      label: '#Alice Wang',
      owner: ['p1'],
      orders: ['o1', 'o2'],
      stars: 5,
    },
  },
  {
    id: 'b',
    values: {
      name: '张伟',
      email: 'zhang@example.cn',
      spend: 300,
      joined: Date.UTC(2026, 2, 3),
      // 2026-03-09T15:30Z = 23:30 on 2026-03-09 in Shanghai.
      lastLogin: Date.UTC(2026, 2, 9, 15, 30),
      vip: false,
      city: 'sh',
      tags: ['risk'],
      tier: 'Potential',
      score: 600,
      label: '#张伟',
      owner: ['p2'],
      orders: [],
      stars: 3,
    },
  },
  {
    id: 'c',
    values: {
      name: 'ＢＯＢ Li',
      spend: 50,
      joined: Date.UTC(2025, 11, 31),
      city: 'gz',
      tags: [],
      tier: 'General',
      score: { error: '#DIV/0!' },
      label: '#ＢＯＢ Li',
    },
  },
  { id: 'd', values: { name: '', spend: null, city: 'deleted-option', tier: 'Unknown label' } },
];

let nextId = 0;

export function condition(
  fieldId: string,
  operator: FilterCondition['operator'],
  value?: unknown,
): FilterCondition {
  return {
    id: `c${++nextId}`,
    fieldId,
    operator,
    ...(value !== undefined ? { value: value as FilterCondition['value'] } : {}),
  };
}

export function group(
  conjunction: 'and' | 'or',
  ...conditions: (FilterCondition | FilterGroup)[]
): FilterGroup {
  return { id: `g${++nextId}`, conjunction, conditions };
}
