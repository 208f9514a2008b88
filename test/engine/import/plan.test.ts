// Converting file rows with an import plan: values per field, problems named by row and column, bad-value policies,
// new select options, required fields, defaults, new-field ids.
import { describe, expect, it } from 'vitest';
import type { Field } from '../../../src/engine';
import {
  convertImportRows,
  createImportConversion,
  resolveMapping,
  uniqueFieldName,
  type ImportConversionContext,
  type ResolvedMapping,
} from '../../../src/engine/import';

const NOW = Date.UTC(2026, 10, 22, 1, 30);

const FIELDS: Field[] = [
  { id: 'name', name: '客户名称', kind: 'text', required: true },
  { id: 'spend', name: '消费金额', kind: 'currency', currency: 'CNY' },
  { id: 'joined', name: '注册日期', kind: 'date' },
  {
    id: 'level',
    name: '等级',
    kind: 'singleSelect',
    options: [{ id: 'o-gold', name: '金卡', color: 'yellow' }],
  },
  { id: 'source', name: 'Source', kind: 'text', defaultValue: 'import' },
  { id: 'score', name: 'Score', kind: 'formula', expression: 1 },
];
const BY_ID = new Map(FIELDS.map((field) => [field.id, field]));
const HEADERS = ['客户名称', '消费金额', '注册日期', '等级'];

function context(): ImportConversionContext {
  let next = 0;
  return { headers: HEADERS, timeZone: 'Asia/Shanghai', now: NOW, newOptionId: () => `opt-${++next}` };
}

function mapping(onBadValue: ResolvedMapping['onBadValue']): ResolvedMapping {
  return {
    columns: [
      { source: 0, fieldId: 'name' },
      { source: 1, fieldId: 'spend' },
      { source: 2, fieldId: 'joined' },
      { source: 3, fieldId: 'level' },
    ],
    onBadValue,
  };
}

describe('converting imported rows', () => {
  it('stores each cell as its field kind wants it and fills defaults of fields not in the file', () => {
    const result = convertImportRows(
      BY_ID,
      mapping('skipRow'),
      [['张三', '¥1,280.50', '2024年3月9日', '金卡']],
      2,
      context(),
    );
    expect(result.problems).toEqual([]);
    expect(result.values).toEqual([
      { name: '张三', spend: 1280.5, joined: Date.UTC(2024, 2, 9), level: 'o-gold', source: 'import' },
    ]);
  });

  it('names a bad cell by its file row (header = row 1), column header and field, and skips the row', () => {
    const result = convertImportRows(
      BY_ID,
      mapping('skipRow'),
      [
        ['张三', '100', '2024-01-05', ''],
        ['李四', 'abc', '2024-01-06', ''],
        ['王五', '300', 'someday', ''],
      ],
      2,
      context(),
    );
    expect(result.values.map((values) => values.name)).toEqual(['张三']);
    expect(result.skipped).toBe(2);
    expect(result.problems).toEqual([
      {
        row: 3,
        column: '消费金额',
        field: '消费金额',
        code: 'notANumber',
        params: { text: 'abc' },
        text: 'abc',
        action: 'skipped',
      },
      {
        row: 4,
        column: '注册日期',
        field: '注册日期',
        code: 'notADate',
        params: { text: 'someday' },
        text: 'someday',
        action: 'skipped',
      },
    ]);
  });

  it("imports a row with a bad cell left blank under 'empty', and reports the cell as emptied", () => {
    const result = convertImportRows(
      BY_ID,
      mapping('empty'),
      [['李四', 'abc', '2024-01-06', '']],
      2,
      context(),
    );
    expect(result.values).toEqual([{ name: '李四', joined: Date.UTC(2024, 0, 6), source: 'import' }]);
    expect(result.skipped).toBe(0);
    expect(result.problems).toMatchObject([
      { row: 2, column: '消费金额', code: 'notANumber', action: 'emptied' },
    ]);
  });

  it('skips rows with a wrong number of cells in either policy, naming expected and actual counts', () => {
    const result = convertImportRows(
      BY_ID,
      mapping('empty'),
      [
        ['张三', '1'],
        ['李四', '2', '2024-01-01', '', 'extra'],
        ['王五', '3', '2024-01-01', '', ''],
      ],
      2,
      context(),
    );
    expect(result.values.map((values) => values.name)).toEqual(['王五']);
    expect(result.problems).toEqual([
      {
        row: 2,
        column: '',
        field: '',
        code: 'columnCount',
        params: { expected: 4, actual: 2 },
        text: '张三,1',
        action: 'skipped',
      },
      {
        row: 3,
        column: '',
        field: '',
        code: 'columnCount',
        params: { expected: 4, actual: 5 },
        text: '李四,2,2024-01-01,,extra',
        action: 'skipped',
      },
    ]);
  });

  it('skips a row whose required field is blank, even when bad values are emptied', () => {
    const result = convertImportRows(BY_ID, mapping('empty'), [['  ', '5', '', '']], 7, context());
    expect(result.values).toEqual([]);
    expect(result.problems).toMatchObject([
      { row: 7, column: '客户名称', code: 'required', action: 'skipped' },
    ]);
  });

  it('ignores blank lines without counting them, keeping later row numbers right', () => {
    const result = convertImportRows(
      BY_ID,
      mapping('skipRow'),
      [[''], ['', '', '', ''], ['李四', 'x', '', '']],
      2,
      context(),
    );
    expect(result.skipped).toBe(1);
    expect(result.problems[0]?.row).toBe(4);
  });

  it('adds options for new select names once each, across chunks, and only from imported rows', () => {
    const conversion = createImportConversion(BY_ID, mapping('skipRow'), context());
    const first = conversion.convert(
      [
        ['a', '1', '', '银卡'],
        ['b', 'bad', '', '铜卡'],
      ],
      2,
    );
    const second = conversion.convert([['c', '2', '', '银卡']], 4);
    expect(first.values[0]?.level).toBe('opt-1');
    expect(second.values[0]?.level).toBe('opt-1');
    expect(conversion.newOptions()).toEqual([
      { fieldId: 'level', options: [{ id: 'opt-1', name: '银卡', color: expect.any(String) as string }] },
    ]);
  });

  it('never fills computed fields from the file', () => {
    const result = convertImportRows(
      BY_ID,
      {
        columns: [
          { source: 0, fieldId: 'score' },
          { source: 1, fieldId: 'name' },
        ],
        onBadValue: 'skipRow',
      },
      [['99', 'x']],
      2,
      { ...context(), headers: ['Score', 'Name'] },
    );
    expect(result.values).toEqual([{ name: 'x', source: 'import' }]);
  });
});

describe('resolving a mapping', () => {
  it('gives new fields ids, fresh option ids and names no existing field has; drops unknown and repeated targets', () => {
    let next = 0;
    const resolved = resolveMapping(
      {
        columns: [
          { source: 0, target: { type: 'existing', fieldId: 'name' } },
          { source: 1, target: { type: 'existing', fieldId: 'name' } },
          { source: 2, target: { type: 'existing', fieldId: 'gone' } },
          {
            source: 3,
            target: {
              type: 'new',
              field: {
                name: '等级',
                kind: 'singleSelect',
                options: [{ id: 'new:A', name: 'A', color: 'red' }],
              },
            },
          },
          { source: 4, target: { type: 'skip' } },
        ],
        onBadValue: 'empty',
      },
      FIELDS,
      () => `id-${++next}`,
    );
    expect(resolved.mapping).toEqual({
      columns: [
        { source: 0, fieldId: 'name' },
        { source: 3, fieldId: 'id-1' },
      ],
      onBadValue: 'empty',
    });
    expect(resolved.newFields).toEqual([
      {
        id: 'id-1',
        name: '等级 2',
        kind: 'singleSelect',
        options: [{ id: 'id-2', name: 'A', color: 'red' }],
      },
    ]);
  });

  it('numbers repeated names', () => {
    expect(uniqueFieldName('Name', ['name', 'Name 2'])).toBe('Name 3');
    expect(uniqueFieldName('New', ['Old'])).toBe('New');
  });
});
