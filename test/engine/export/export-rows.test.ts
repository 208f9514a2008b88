// Export rows: visible fields in order, values as text that imports back, typed cells for Excel.
import { describe, expect, it } from 'vitest';
import type { Field } from '../../../src/engine';
import {
  exportFileName,
  exportSheetRows,
  exportTextRows,
  type ExportRecord,
} from '../../../src/engine/export';
import { convertImportRows } from '../../../src/engine/import';

const CREATED = Date.UTC(2026, 0, 2, 3, 4);

const FIELDS: Field[] = [
  { id: 'name', name: '客户', kind: 'text' },
  { id: 'spend', name: 'Spend', kind: 'currency', currency: 'CNY' },
  { id: 'share', name: 'Share', kind: 'percent' },
  { id: 'day', name: 'Day', kind: 'date' },
  { id: 'login', name: 'Login', kind: 'dateTime' },
  { id: 'vip', name: 'VIP', kind: 'checkbox' },
  {
    id: 'tags',
    name: 'Tags',
    kind: 'multiSelect',
    options: [
      { id: 't1', name: 'a', color: 'red' },
      { id: 't2', name: 'b', color: 'blue' },
    ],
  },
  { id: 'created', name: 'Created', kind: 'createdTime' },
  { id: 'ratio', name: 'Ratio', kind: 'formula', expression: 1, resultType: 'number' },
];

const RECORDS: ExportRecord[] = [
  {
    values: {
      name: '张三, "VIP"',
      spend: 1280.5,
      share: 0.07,
      day: Date.UTC(2024, 2, 9),
      login: Date.UTC(2024, 2, 9, 1, 30),
      vip: true,
      tags: ['t2', 't1'],
      ratio: { error: '#DIV/0!' },
    },
    createdAt: CREATED,
    updatedAt: CREATED,
  },
  { values: {}, createdAt: CREATED, updatedAt: CREATED },
];

describe('exporting a view', () => {
  it('writes the visible fields in order as text, with times in the given zone', () => {
    const table = exportTextRows(FIELDS, RECORDS, { timeZone: 'Asia/Shanghai' });
    expect(table.header).toEqual([
      '客户',
      'Spend',
      'Share',
      'Day',
      'Login',
      'VIP',
      'Tags',
      'Created',
      'Ratio',
    ]);
    expect(table.rows).toEqual([
      [
        '张三, "VIP"',
        '1280.5',
        '7%',
        '2024-03-09',
        '2024-03-09 09:30',
        'TRUE',
        'b, a',
        '2026-01-02 11:04',
        '#DIV/0!',
      ],
      ['', '', '', '', '', '', '', '2026-01-02 11:04', ''],
    ]);
  });

  it('writes text that imports back to the same values', () => {
    const importable = FIELDS.slice(0, 7);
    const table = exportTextRows(importable, RECORDS.slice(0, 1), { timeZone: 'Asia/Shanghai' });
    const back = convertImportRows(
      new Map(importable.map((field) => [field.id, field])),
      { columns: importable.map((field, source) => ({ source, fieldId: field.id })), onBadValue: 'skipRow' },
      table.rows,
      2,
      { headers: table.header, timeZone: 'Asia/Shanghai', now: 0, newOptionId: () => 'unused' },
    );
    expect(back.problems).toEqual([]);
    const { ratio: _ratio, ...values } = RECORDS[0]?.values ?? {};
    expect(back.values).toEqual([values]);
  });

  it('keeps numbers, yes/no and dates typed for Excel', () => {
    const [row] = exportSheetRows(FIELDS, RECORDS, { timeZone: 'Asia/Shanghai' }).rows;
    expect(row).toEqual([
      '张三, "VIP"',
      1280.5,
      0.07,
      { kind: 'date', wall: Date.UTC(2024, 2, 9) },
      { kind: 'dateTime', wall: Date.UTC(2024, 2, 9, 9, 30) },
      true,
      'b, a',
      { kind: 'dateTime', wall: Date.UTC(2026, 0, 2, 11, 4) },
      '#DIV/0!',
    ]);
  });

  it('names the file after the table without characters file systems refuse', () => {
    expect(exportFileName('客户/2026: Q1', 'xlsx')).toBe('客户_2026_ Q1.xlsx');
    expect(exportFileName('  ', 'csv')).toBe('export.csv');
  });
});
