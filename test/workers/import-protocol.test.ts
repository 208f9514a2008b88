// The import worker's message handling, driven without a worker: preview, import through storage into
// fake-indexeddb, cancel and failure leaving the table as it was, the report, export.
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { Field } from '../../src/engine';
import type { FromImportWorker, ImportMapping, ImportPreview, ImportResult } from '../../src/engine/import';
import { createImportProtocol, type ImportProtocolOptions } from '../../src/workers/import-protocol';
import { openTestStorage, sequentialIds, START } from '../storage/support';

const FIELDS: Field[] = [
  { id: 'name', name: '客户名称', kind: 'text', required: true },
  { id: 'spend', name: '消费金额', kind: 'number' },
  {
    id: 'tier',
    name: '分层',
    kind: 'tier',
    rules: [{ id: 'r', label: '高价值', color: 'red', condition: { '>=': [{ var: 'spend' }, 1000] } }],
    fallback: { label: '一般', color: 'gray' },
  },
];

/** A CSV as Excel saves it: byte-order mark, Chinese headers, a quoted cell with a line break, CRLF. */
const CSV =
  '\uFEFF客户名称,消费金额,备注,等级\r\n' +
  '张三,"1,280",老客户,金卡\r\n' +
  '李四,abc,"第一行\r\n第二行",银卡\r\n' +
  ',50,无名,金卡\r\n' +
  '王五,2000,,铜卡\r\n';

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function harness(options: ImportProtocolOptions & { newId?: () => string } = {}) {
  const posted: FromImportWorker[] = [];
  const turns: (() => void)[] = [];
  const handle = createImportProtocol(
    {
      post: (message) => posted.push(message),
      yieldToEventLoop: () => new Promise((resolve) => turns.push(resolve)),
      now: () => 0,
      newId: options.newId ?? sequentialIds('w'),
    },
    options,
  );
  const turn = async (): Promise<void> => {
    turns.shift()?.();
    await tick();
  };
  /** Runs jobs until `jobId` has its last word (or gives up). */
  const settle = async (jobId: number): Promise<FromImportWorker> => {
    for (let guard = 0; guard < 2000; guard++) {
      const last = posted.filter((message) => message.jobId === jobId).at(-1);
      if (last && last.type !== 'progress') return last;
      if (turns.length > 0) await turn();
      else await tick();
    }
    throw new Error(`job ${jobId} did not finish`);
  };
  return { posted, handle, turn, settle, turns };
}

async function setup() {
  const test = await openTestStorage();
  const app = await test.storage.definitions.createApp({ name: 'CRM' });
  const table = await test.storage.definitions.createTable(app.id, '客户', { fields: FIELDS, views: [] });
  const db = test.storage.connection.db;
  const state = async () => ({
    table: await db.tableDefs.get(table.id),
    records: await db.records.toArray(),
  });
  return { ...test, tableId: table.id, state };
}

const csvFile = (text: string) => new Blob([text], { type: 'text/csv' });

function mapping(onBadValue: ImportMapping['onBadValue']): ImportMapping {
  return {
    columns: [
      { source: 0, target: { type: 'existing', fieldId: 'name' } },
      { source: 1, target: { type: 'existing', fieldId: 'spend' } },
      { source: 2, target: { type: 'new', field: { name: '备注', kind: 'longText' } } },
      {
        source: 3,
        target: {
          type: 'new',
          field: {
            name: '等级',
            kind: 'singleSelect',
            options: [{ id: 'new:金卡', name: '金卡', color: 'yellow' }],
          },
        },
      },
    ],
    onBadValue,
  };
}

function importMessage(
  jobId: number,
  dbName: string,
  tableId: string,
  file: Blob,
  onBadValue: ImportMapping['onBadValue'],
) {
  return {
    type: 'import',
    jobId,
    dbName,
    tableId,
    mapping: mapping(onBadValue),
    file,
    format: 'csv',
    now: START,
    timeZone: 'Asia/Shanghai',
  };
}

describe('previewing a file', () => {
  it('shows headers without the byte-order mark, first rows with quoted line breaks, and proposed fields', async () => {
    const { handle, settle } = harness();
    handle({ type: 'preview', jobId: 1, file: csvFile(CSV), format: 'csv' });
    const answer = await settle(1);
    expect(answer.type).toBe('preview');
    const preview = (answer as { preview: ImportPreview }).preview;
    expect(preview.headers).toEqual(['客户名称', '消费金额', '备注', '等级']);
    expect(preview.rows[1]).toEqual(['李四', 'abc', '第一行\r\n第二行', '银卡']);
    expect(preview.rowCount).toBe(4);
    expect(preview.rowCountExact).toBe(true);
    // Four rows are too few to call three names a set of choices.
    expect(preview.fields.map((field) => field.kind)).toEqual(['text', 'text', 'longText', 'text']);
  });

  it('detects semicolon and tab delimiters', async () => {
    const { handle, settle } = harness();
    handle({ type: 'preview', jobId: 1, file: csvFile('a;b\n1;2\n3;4\n'), format: 'csv' });
    handle({ type: 'preview', jobId: 2, file: csvFile('a\tb\n1\t2\n'), format: 'csv' });
    expect(((await settle(1)) as { preview: ImportPreview }).preview.headers).toEqual(['a', 'b']);
    expect(((await settle(2)) as { preview: ImportPreview }).preview.rows).toEqual([['1', '2']]);
  });

  it('fails with code empty for a file without a header row', async () => {
    const { handle, settle } = harness();
    handle({ type: 'preview', jobId: 1, file: csvFile('\n\n'), format: 'csv' });
    expect(await settle(1)).toMatchObject({ type: 'failed', code: 'empty' });
  });

  it('reads GB 18030 (Excel in China) when the bytes are no UTF-8', async () => {
    const { handle, settle } = harness();
    // "客户\r\n张三\r\n" in GBK.
    const gbk = new Uint8Array([0xbf, 0xcd, 0xbb, 0xa7, 0x0d, 0x0a, 0xd5, 0xc5, 0xc8, 0xfd, 0x0d, 0x0a]);
    handle({ type: 'preview', jobId: 1, file: new Blob([gbk]), format: 'csv' });
    const preview = ((await settle(1)) as { preview: ImportPreview }).preview;
    expect(preview.headers).toEqual(['客户']);
    expect(preview.rows).toEqual([['张三']]);
  });
});

describe('importing a file', () => {
  it('stores the good rows with computed tiers and new fields, and reports every row left out and why', async () => {
    const { name, tableId, state, storage } = await setup();
    const { handle, settle, posted } = harness({ chunkSize: 2 });

    handle(importMessage(1, name, tableId, csvFile(CSV), 'skipRow'));
    const answer = await settle(1);

    expect(answer.type).toBe('done');
    const result = (answer as { result: ImportResult }).result;
    expect(result.imported).toBe(2);
    expect(result.skipped).toBe(2);
    expect(result.problems).toMatchObject([
      { row: 3, column: '消费金额', code: 'notANumber', text: 'abc', action: 'skipped' },
      { row: 4, column: '客户名称', code: 'required', action: 'skipped' },
    ]);
    const after = await state();
    const byName = new Map(after.table?.fields.map((field) => [field.name, field]));
    expect(result.createdFieldIds).toEqual([byName.get('备注')?.id, byName.get('等级')?.id]);
    const level = byName.get('等级');
    const options = level?.kind === 'singleSelect' ? level.options : [];
    // 银卡 was only in a skipped row: no option for it.
    expect(options.map((option) => option.name)).toEqual(['金卡', '铜卡']);
    const records = await storage.records.readWindow(tableId, 0, 10);
    expect(records.map((record) => record.values)).toEqual([
      {
        name: '张三',
        spend: 1280,
        [byName.get('备注')?.id ?? '']: '老客户',
        [level?.id ?? '']: options[0]?.id,
        tier: '高价值',
      },
      { name: '王五', spend: 2000, [level?.id ?? '']: options[1]?.id, tier: '高价值' },
    ]);
    expect(
      posted
        .filter((message) => message.type === 'progress')
        .map((message) => (message as { phase: string }).phase),
    ).toEqual(expect.arrayContaining(['reading', 'converting', 'writing']));
  });

  it("imports bad cells blank under 'empty' and says so in the report", async () => {
    const { name, tableId, storage } = await setup();
    const { handle, settle } = harness();
    handle(importMessage(1, name, tableId, csvFile(CSV), 'empty'));
    const result = ((await settle(1)) as { result: ImportResult }).result;
    expect(result.imported).toBe(3);
    expect(result.problems).toMatchObject([
      { row: 3, code: 'notANumber', action: 'emptied' },
      { row: 4, code: 'required', action: 'skipped' },
    ]);
    const records = await storage.records.readWindow(tableId, 0, 10);
    expect(records[1]?.values).toMatchObject({ name: '李四', tier: '一般' });
    expect(records[1]?.values).not.toHaveProperty('spend');
  });

  it('names rows with a wrong number of cells and an unclosed quote', async () => {
    const { name, tableId } = await setup();
    const { handle, settle } = harness();
    const file = csvFile('客户名称,消费金额,备注,等级\n甲,1,,\n乙,2\n丙,3,"never closed,\n');
    handle(importMessage(1, name, tableId, file, 'skipRow'));
    const result = ((await settle(1)) as { result: ImportResult }).result;
    expect(result.imported).toBe(1);
    expect(result.problems).toMatchObject([
      { row: 3, code: 'columnCount', params: { expected: 4, actual: 2 }, action: 'skipped' },
      { row: 4, code: 'malformedRow', action: 'skipped' },
    ]);
  });

  it('leaves the table exactly as before when cancelled between chunks', async () => {
    const { name, tableId, state } = await setup();
    const before = await state();
    const { handle, turn, turns, posted } = harness({ chunkSize: 1 });
    handle(importMessage(7, name, tableId, csvFile(CSV), 'skipRow'));
    for (let guard = 0; guard < 100 && turns.length === 0; guard++) await tick();
    await turn(); // one chunk converted
    handle({ type: 'cancel', jobId: 7 });
    for (let guard = 0; guard < 100 && !posted.some((m) => m.type === 'cancelled'); guard++) await turn();

    expect(posted.at(-1)).toEqual({ type: 'cancelled', jobId: 7 });
    expect(await state()).toEqual(before);
  });

  it('leaves the table exactly as before when storing fails, and says why', async () => {
    const { name, tableId, state } = await setup();
    const before = await state();
    // Every id the same: the second record clashes with the first inside the transaction.
    const { handle, settle } = harness({ newId: () => 'same-id' });
    handle(importMessage(1, name, tableId, csvFile(CSV), 'empty'));
    expect(await settle(1)).toMatchObject({ type: 'failed', code: 'storage' });
    expect(await state()).toEqual(before);
  });

  it('fails with tableMissing for a table that is gone', async () => {
    const { name } = await setup();
    const { handle, settle } = harness();
    handle(importMessage(1, name, 'no-such-table', csvFile(CSV), 'skipRow'));
    expect(await settle(1)).toMatchObject({ type: 'failed', code: 'tableMissing' });
  });
});

describe('exporting a view', () => {
  it('writes the chosen records and fields in view order as CSV with a byte-order mark', async () => {
    const { name, tableId, storage } = await setup();
    const ids = await storage.records.addRecords(tableId, [
      { name: '甲', spend: 1, tier: '一般' },
      { name: '乙, "quoted"', spend: 2000, tier: '高价值' },
    ]);
    const { handle, settle } = harness();
    handle({
      type: 'export',
      jobId: 1,
      dbName: name,
      tableId,
      recordIds: [...ids].reverse(),
      fieldIds: ['tier', 'name'],
      format: 'csv',
      timeZone: 'UTC',
    });
    const answer = await settle(1);
    expect(answer.type).toBe('exported');
    const blob = (answer as { blob: Blob }).blob;
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(Papa.parse<string[]>(text, { skipEmptyLines: true }).data).toEqual([
      ['分层', '客户名称'],
      ['高价值', '乙, "quoted"'],
      ['一般', '甲'],
    ]);
  });

  it('writes an Excel file that reads back with the same cells', async () => {
    const { name, tableId, storage } = await setup();
    const ids = await storage.records.addRecords(tableId, [{ name: '甲', spend: 1280.5, tier: '高价值' }]);
    const { handle, settle } = harness();
    handle({
      type: 'export',
      jobId: 1,
      dbName: name,
      tableId,
      recordIds: ids,
      fieldIds: ['name', 'spend', 'tier'],
      format: 'xlsx',
      timeZone: 'UTC',
    });
    const blob = ((await settle(1)) as { blob: Blob }).blob;
    handle({ type: 'preview', jobId: 2, file: blob, format: 'xlsx' });
    const preview = ((await settle(2)) as { preview: ImportPreview }).preview;
    expect(preview.headers).toEqual(['客户名称', '消费金额', '分层']);
    expect(preview.rows).toEqual([['甲', '1280.5', '高价值']]);
  });
});
