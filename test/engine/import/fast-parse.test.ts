// The import's fast paths agree with parseCellText on every text they accept, across zones with clock changes.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCellText, type Field } from '../../../src/engine';
import { fastCellParser } from '../../../src/engine/import/fast-parse';

const ZONES = ['UTC', 'Asia/Shanghai', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe'];

function field(kind: 'number' | 'currency' | 'date' | 'dateTime' | 'phone'): Field {
  return kind === 'currency' ? { id: 'f', name: 'f', kind, currency: 'CNY' } : { id: 'f', name: 'f', kind };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const dateText = fc
  .tuple(
    fc.integer({ min: 1000, max: 2100 }),
    fc.integer({ min: 0, max: 13 }),
    fc.integer({ min: 0, max: 32 }),
    fc.constantFrom('-', '/'),
  )
  .map(([y, m, d, sep]) => `${y}${sep}${pad(m)}${sep}${d}`);

const wallText = fc
  .tuple(
    dateText,
    fc.integer({ min: 0, max: 24 }),
    fc.integer({ min: 0, max: 60 }),
    fc.option(fc.integer({ min: 0, max: 60 })),
  )
  .map(([day, h, m, s]) => `${day} ${pad(h)}:${pad(m)}${s === null ? '' : `:${pad(s)}`}`);

/** Wall times around the 2024 clock changes of New York and London, where a cached offset would go wrong. */
const changeNights = fc
  .tuple(
    fc.constantFrom('2024-03-10', '2024-11-03', '2024-03-31', '2024-10-27', '2024-04-07'),
    fc.integer({ min: 0, max: 23 }),
    fc.integer({ min: 0, max: 59 }),
  )
  .map(([day, h, m]) => `${day} ${pad(h)}:${pad(m)}`);

const numberText = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.integer().map(String),
  fc.stringMatching(/^[+-]?\d{1,20}(\.\d{1,20})?$/),
);

function agrees(kind: Parameters<typeof field>[0], text: string, timeZone: string): void {
  const fast = fastCellParser(field(kind), timeZone)?.(text);
  if (fast === undefined) return;
  expect(fast).toEqual(parseCellText(field(kind), text, { timeZone }));
}

describe('import fast paths', () => {
  it('read numbers as parseCellText does', () => {
    fc.assert(
      fc.property(numberText, (text) => {
        agrees('number', text, 'UTC');
        agrees('currency', text, 'UTC');
      }),
    );
  });

  it('read ISO days as parseCellText does, leaving impossible days to it', () => {
    fc.assert(fc.property(dateText, (text) => agrees('date', text, 'UTC')));
    expect(fastCellParser(field('date'), 'UTC')?.('2024-02-30')).toBeUndefined();
  });

  it('read wall times in any zone as parseCellText does, clock-change nights included', () => {
    for (const zone of ZONES) {
      fc.assert(
        fc.property(fc.oneof(wallText, changeNights), (text) => agrees('dateTime', text, zone)),
        { numRuns: 300 },
      );
    }
  });

  it('read digit-only phone numbers as parseCellText does', () => {
    fc.assert(fc.property(fc.stringMatching(/^\+?\d{1,35}$/), (text) => agrees('phone', text, 'UTC')));
  });

  it('take the common forms themselves (the cases above are not all left to parseCellText)', () => {
    expect(fastCellParser(field('number'), 'UTC')?.(' -12.50 ')).toEqual({ ok: true, value: -12.5 });
    expect(fastCellParser(field('date'), 'UTC')?.('2024/3/9')).toEqual({
      ok: true,
      value: Date.UTC(2024, 2, 9),
    });
    expect(fastCellParser(field('dateTime'), 'Asia/Shanghai')?.('2024-03-09 08:00')).toEqual({
      ok: true,
      value: Date.UTC(2024, 2, 9),
    });
    expect(fastCellParser(field('phone'), 'UTC')?.('13800138000')).toEqual({
      ok: true,
      value: '13800138000',
    });
  });
});
