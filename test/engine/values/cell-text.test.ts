// cellText prints stored values as plain text a spreadsheet reads, and parseCellText reads that text back unchanged.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Field } from '../../../src/engine';
import { cellText, parseCellText } from '../../../src/engine/values';
import { FIELDS, utc } from './fields';

describe('cellText', () => {
  it('prints blank as empty text for every kind', () => {
    for (const field of Object.values(FIELDS)) {
      expect(cellText(field, null), field.kind).toBe('');
      expect(cellText(field, undefined), field.kind).toBe('');
    }
  });

  it.each(
    (
      [
        [FIELDS.text, '张三', '张三'],
        [FIELDS.number, 1234.5, '1234.5'],
        [FIELDS.number, -0.000001, '-0.000001'],
        [FIELDS.number, 1e21, '1e+21'],
        [FIELDS.currency, 12800, '12800'],
        [FIELDS.percent, 0.125, '12.5%'],
        [FIELDS.percent, 0.07, '7%'],
        [FIELDS.percent, 1, '100%'],
        [FIELDS.percent, -0.0003, '-0.03%'],
        [FIELDS.percent, 1e-12, '1e-10%'],
        [FIELDS.checkbox, true, 'TRUE'],
        [FIELDS.checkbox, false, 'FALSE'],
        [FIELDS.date, utc(2024, 1, 5), '2024-01-05'],
        [FIELDS.dateTime, utc(2024, 1, 5, 13, 45), '2024-01-05 13:45'],
        [FIELDS.dateTime, utc(2024, 1, 5, 13, 45, 30, 250), '2024-01-05 13:45:30.250'],
        [FIELDS.dateTime, utc(2024, 1, 5), '2024-01-05 00:00'],
        [FIELDS.createdTime, utc(2024, 1, 5, 13, 45, 30), '2024-01-05 13:45:30'],
        [FIELDS.singleSelect, 'o-new', '新客'],
        [FIELDS.singleSelect, 'o-deleted', ''],
        [FIELDS.multiSelect, ['o-vip', 'o-new'], 'VIP, 新客'],
        [FIELDS.multiSelect, ['o-vip', 'o-deleted', 'o-new'], 'VIP, 新客'],
        [FIELDS.rating, 4, '4'],
        [FIELDS.phone, '+86 010 1234', '+86 010 1234'],
        [FIELDS.person, ['p1', 'p2'], 'p1, p2'],
        [FIELDS.link, ['r1'], 'r1'],
        [FIELDS.attachment, [{ id: 'a1', name: '合同.pdf', type: 'application/pdf', size: 10 }], '合同.pdf'],
        [FIELDS.formula, 0.1 + 0.2, '0.3'],
        [FIELDS.formula, true, 'TRUE'],
        [FIELDS.lookup, [1, null, 'x'], '1, x'],
      ] as [Field, unknown, string][]
    ).map(([field, value, text]) => [field.kind, value, text, field] as const),
  )('prints in a %s field the value %j as %j', (_kind, value, expected, field) => {
    expect(cellText(field, value)).toBe(expected);
  });

  it('prints date-times as wall time in the context zone', () => {
    const instant = utc(2024, 1, 5, 5, 45);
    expect(cellText(FIELDS.dateTime, instant, { timeZone: 'Asia/Shanghai' })).toBe('2024-01-05 13:45');
    expect(cellText(FIELDS.dateTime, instant, { timeZone: 'America/New_York' })).toBe('2024-01-05 00:45');
  });

  it('prints the second of two instants sharing a wall time with its offset, so it reads back as itself', () => {
    const zone = { timeZone: 'America/New_York' };
    expect(cellText(FIELDS.dateTime, utc(2024, 11, 3, 5, 30), zone)).toBe('2024-11-03 01:30');
    expect(cellText(FIELDS.dateTime, utc(2024, 11, 3, 6, 30), zone)).toBe('2024-11-03T01:30:00-05:00');
  });

  it('prints a value of the wrong type for the kind without throwing', () => {
    expect(cellText(FIELDS.number, 'twelve')).toBe('twelve');
    expect(cellText(FIELDS.multiSelect, 'o-vip')).toBe('');
    expect(cellText(FIELDS.number, Number.NaN)).toBe('');
  });
});

const zones = fc.constantFrom('UTC', 'Asia/Shanghai', 'America/New_York', 'Asia/Kolkata', 'Europe/London');
/** Instants from 1900 to 2100, whole milliseconds. */
const instants = fc.integer({ min: utc(1900, 1, 1), max: utc(2100, 1, 1) });
const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0));
/** Text a parser keeps: not all blank. */
const texts = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== '');
/** Option names without separators or surrounding spaces, unique ignoring case. */
const optionNames = fc.uniqueArray(
  fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 12 })
    .map((s) => s.replace(/[,，;；、\r\n]/g, '').trim())
    .filter((s) => s !== ''),
  { minLength: 1, maxLength: 8, selector: (s) => s.toLowerCase() },
);

function expectRoundTrip(field: Field, value: unknown, timeZone: string): void {
  const text = cellText(field, value, { timeZone });
  expect(
    parseCellText(field, text, { timeZone }),
    `${field.kind} ${JSON.stringify(value)} as ${text}`,
  ).toEqual({
    ok: true,
    value,
  });
}

describe('the round trip parseCellText(cellText(value)) = value', () => {
  it('holds for text, numbers, currency and percentages', () => {
    fc.assert(
      fc.property(texts, finite, (text, number) => {
        expectRoundTrip(FIELDS.text, text, 'UTC');
        expectRoundTrip(FIELDS.longText, text, 'UTC');
        expectRoundTrip(FIELDS.number, number, 'UTC');
        expectRoundTrip(FIELDS.currency, number, 'UTC');
        expectRoundTrip(FIELDS.percent, number, 'UTC');
      }),
      { numRuns: 500 },
    );
  });

  it('holds for checkboxes, ratings and blanks', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.integer({ min: 1, max: 10 }), (checked, stars) => {
        expectRoundTrip(FIELDS.checkbox, checked, 'UTC');
        expectRoundTrip({ ...FIELDS.rating, max: 10 }, stars, 'UTC');
        expectRoundTrip(FIELDS.rating, null, 'UTC');
      }),
    );
  });

  it('holds for dates and date-times in any zone', () => {
    fc.assert(
      fc.property(instants, zones, (instant, timeZone) => {
        expectRoundTrip(FIELDS.date, instant - (instant % 86_400_000), timeZone);
        expectRoundTrip(FIELDS.dateTime, instant, timeZone);
      }),
      { numRuns: 1000 },
    );
  });

  it('holds for single and multi selects with any option names', () => {
    fc.assert(
      fc.property(
        optionNames.chain((names) =>
          fc.tuple(
            fc.constant(names.map((name, i) => ({ id: `o${i}`, name, color: 'blue' as const }))),
            fc.uniqueArray(fc.integer({ min: 0, max: names.length - 1 }), { minLength: 1 }),
          ),
        ),
        ([options, picks]) => {
          const ids = picks.map((i) => `o${i}`);
          expectRoundTrip({ ...FIELDS.singleSelect, options }, ids[0], 'UTC');
          expectRoundTrip({ ...FIELDS.multiSelect, options }, ids, 'UTC');
        },
      ),
    );
  });

  it('holds for multi selects whose option names contain separators', () => {
    expectRoundTrip(FIELDS.multiSelect, ['o-lost', 'o-vip'], 'UTC');
    expectRoundTrip(FIELDS.multiSelect, ['o-vip', 'o-lost', 'o-new'], 'UTC');
  });

  it('holds for e-mail addresses, phone numbers and web addresses', () => {
    for (const email of ['li@example.com', 'wang.fang+vip@mail.example.cn'])
      expectRoundTrip(FIELDS.email, email, 'UTC');
    for (const phone of ['+86 138-0013-8000', '010-12345678', '007'])
      expectRoundTrip(FIELDS.phone, phone, 'UTC');
    for (const url of ['https://liucun.app/help?x=1', 'example.com']) expectRoundTrip(FIELDS.url, url, 'UTC');
  });
});
