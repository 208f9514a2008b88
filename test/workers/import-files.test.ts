// Reading and writing files: an .xlsx written with write-excel-file reads back (read-excel-file) as the same cell
// texts, dates included; CSV blank lines keep their place so row numbers match the file.
import { describe, expect, it } from 'vitest';
import { parseCsvText, readXlsxRows, sheetValueText, xlsxBlob } from '../../src/workers/import-files';

describe('Excel files', () => {
  it('round-trips text, numbers, yes/no, dates and date-times', async () => {
    const blob = await xlsxBlob(
      {
        header: ['名称', '金额', 'VIP', '日期', '时间'],
        rows: [
          [
            '张三',
            0.1 + 0.2,
            true,
            { kind: 'date', wall: Date.UTC(2024, 2, 9) },
            { kind: 'dateTime', wall: Date.UTC(2024, 2, 9, 9, 30, 5) },
          ],
          [null, -12, false, null, null],
        ],
      },
      '客户',
    );
    const read = await readXlsxRows(blob);
    expect(read.rows).toEqual([
      ['名称', '金额', 'VIP', '日期', '时间'],
      ['张三', '0.3', 'TRUE', '2024-03-09', '2024-03-09 09:30:05'],
      ['', '-12', 'FALSE', '', ''],
    ]);
  });

  it('writes cell values as the text a person sees', () => {
    expect(sheetValueText(1234567.891)).toBe('1234567.891');
    expect(sheetValueText(new Date(Date.UTC(2024, 0, 5, 13, 45)))).toBe('2024-01-05 13:45');
    expect(sheetValueText(null)).toBe('');
  });
});

describe('CSV text', () => {
  it('keeps blank lines as rows so later rows keep their numbers', () => {
    expect(parseCsvText('a,b\n\n1,2\n').rows).toEqual([['a', 'b'], [''], ['1', '2'], ['']]);
  });

  it('estimates how much of the file a limited read covered', () => {
    const text = `h\n${Array.from({ length: 100 }, (_, index) => String(index)).join('\n')}\n`;
    const read = parseCsvText(text, 11);
    expect(read.complete).toBe(false);
    expect(read.rows).toHaveLength(11);
    expect(read.fractionRead).toBeGreaterThan(0.05);
    expect(read.fractionRead).toBeLessThan(0.2);
  });
});
