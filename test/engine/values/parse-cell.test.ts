// parseCellText turns typed, pasted and imported text into the value each field kind stores, or says what is wrong.
import { describe, expect, it } from 'vitest';
import type { Field } from '../../../src/engine';
import { FIELD_KINDS } from '../../../src/engine';
import type { CellParseContext, CellValue } from '../../../src/engine/values';
import { CELL_PROBLEM_CODES, parseCellText } from '../../../src/engine/values';
import { FIELDS, utc } from './fields';

function value(field: Field, text: string, context?: CellParseContext): CellValue {
  const result = parseCellText(field, text, context);
  if (!result.ok) throw new Error(`"${text}" was refused: ${result.problem.code}`);
  return result.value;
}

function problemCode(field: Field, text: string, context?: CellParseContext): string {
  const result = parseCellText(field, text, context);
  return result.ok ? `accepted as ${JSON.stringify(result.value)}` : result.problem.code;
}

describe('parseCellText', () => {
  it('reads empty and all-blank text as blank for every kind that takes input', () => {
    for (const field of Object.values(FIELDS)) {
      if (
        ['lookup', 'rollup', 'formula', 'autoNumber', 'createdTime', 'lastModifiedTime', 'tier'].includes(
          field.kind,
        )
      )
        continue;
      expect(parseCellText(field, ''), field.kind).toEqual({ ok: true, value: null });
      expect(parseCellText(field, ' \n\t '), field.kind).toEqual({ ok: true, value: null });
    }
  });

  it('covers every field kind in the test fields', () => {
    const kinds = new Set(Object.values(FIELDS).map((field) => field.kind));
    expect([...kinds].sort()).toEqual([...FIELD_KINDS].sort());
  });

  it('refuses computed kinds as read-only, even blank text', () => {
    for (const field of [
      FIELDS.lookup,
      FIELDS.rollup,
      FIELDS.formula,
      FIELDS.autoNumber,
      FIELDS.createdTime,
      FIELDS.lastModifiedTime,
      FIELDS.tier,
    ]) {
      expect(problemCode(field, '12'), field.kind).toBe('readOnly');
      expect(problemCode(field, ''), field.kind).toBe('readOnly');
    }
  });

  it('refuses text for links, people and attachments as unsupported', () => {
    for (const field of [FIELDS.link, FIELDS.person, FIELDS.attachment]) {
      expect(parseCellText(field, 'rec1')).toEqual({
        ok: false,
        problem: { code: 'unsupported', params: { kind: field.kind } },
      });
    }
  });

  it('keeps text as typed and checks the maximum length', () => {
    expect(value(FIELDS.text, '  张三 ')).toBe('  张三 ');
    expect(value(FIELDS.longText, '第一行\n第二行')).toBe('第一行\n第二行');
    expect(value(FIELDS.shortText, 'abcde')).toBe('abcde');
    expect(parseCellText(FIELDS.shortText, 'abcdef')).toEqual({
      ok: false,
      problem: { code: 'tooLong', params: { max: 5 } },
    });
  });

  it.each([
    ['42', 42],
    [' -3.5 ', -3.5],
    ['1,234.50', 1234.5],
    ['¥1,234.5', 1234.5],
    ['￥12,800.00', 12800],
    ['$-5', -5],
    ['-$5', -5],
    ['€0.99', 0.99],
    ['USD 12', 12],
    ['12 CNY', 12],
    ['12元', 12],
    ['(5)', -5],
    ['1e3', 1000],
    ['.5', 0.5],
    ['12.5%', 0.125],
    ['1.5万', 15000],
    ['2亿', 200_000_000],
    ['１２３', 123],
    ['-0', 0],
  ])('reads the number text %j as %d', (text, expected) => {
    expect(value(FIELDS.number, text)).toBe(expected);
    expect(value(FIELDS.currency, text)).toBe(expected);
  });

  it.each(['abc', '12abc', '1,23', '1.2.3', '--5', '(5', 'abc 12', '1e999', '¥', '5 apples'])(
    'refuses %j as not a number',
    (text) => {
      expect(problemCode(FIELDS.number, text)).toBe('notANumber');
    },
  );

  it('never stores negative zero', () => {
    expect(Object.is(value(FIELDS.number, '-0'), 0)).toBe(true);
  });

  it.each([
    ['12.5%', 0.125],
    ['12.5', 0.125],
    ['7', 0.07],
    ['100%', 1],
    ['-3%', -0.03],
    ['0.1%', 0.001],
  ])(
    'reads %j in a percent field as the fraction %d, as a spreadsheet percent cell does',
    (text, expected) => {
      expect(value(FIELDS.percent, text)).toBe(expected);
    },
  );

  it.each([
    ['true', true],
    ['TRUE', true],
    ['Yes', true],
    ['1', true],
    ['✓', true],
    ['是', true],
    ['√', true],
    ['false', false],
    ['no', false],
    ['0', false],
    ['否', false],
    ['×', false],
  ])('reads %j in a checkbox as %s', (text, expected) => {
    expect(value(FIELDS.checkbox, text)).toBe(expected);
  });

  it('refuses other checkbox text', () => {
    expect(parseCellText(FIELDS.checkbox, ' maybe ')).toEqual({
      ok: false,
      problem: { code: 'notABoolean', params: { text: 'maybe' } },
    });
  });

  it.each([
    ['2024-01-05', utc(2024, 1, 5)],
    ['2024/1/5', utc(2024, 1, 5)],
    ['2024.1.5', utc(2024, 1, 5)],
    ['2024年1月5日', utc(2024, 1, 5)],
    ['２０２４年１月５日', utc(2024, 1, 5)],
    ['5 Jan 2024', utc(2024, 1, 5)],
    ['2024-01-05 13:45', utc(2024, 1, 5)],
    ['2024-01-05T23:59:59', utc(2024, 1, 5)],
    ['2024-01-05T20:00:00Z', utc(2024, 1, 5)],
    ['2024-01-05T20:00:00-08:00', utc(2024, 1, 6)],
    ['1900-03-01', utc(1900, 3, 1)],
  ])('reads %j in a date field as that day at 00:00 UTC', (text, expected) => {
    expect(value(FIELDS.date, text)).toBe(expected);
  });

  it.each(['2024-02-30', '2024-13-01', '13:45', 'tomorrow', '45296', '2024-01'])(
    'refuses %j as not a date',
    (text) => {
      expect(problemCode(FIELDS.date, text)).toBe('notADate');
    },
  );

  it.each([
    ['2024-01-05T13:45:00Z', 'UTC', utc(2024, 1, 5, 13, 45)],
    ['2024-01-05T13:45:00.250+08:00', 'UTC', utc(2024, 1, 5, 5, 45, 0, 250)],
    ['2024-01-05 13:45+0530', 'UTC', utc(2024, 1, 5, 8, 15)],
    ['2024-01-05 13:45', 'UTC', utc(2024, 1, 5, 13, 45)],
    ['2024-01-05 13:45', 'Asia/Shanghai', utc(2024, 1, 5, 5, 45)],
    ['2024-01-05T13:45:30', 'Asia/Shanghai', utc(2024, 1, 5, 5, 45, 30)],
    ['2024年1月5日 下午1:45', 'Asia/Shanghai', utc(2024, 1, 5, 5, 45)],
    ['2024/1/5', 'Asia/Shanghai', utc(2024, 1, 4, 16)],
    ['2024-07-01 09:00', 'America/New_York', utc(2024, 7, 1, 13)],
    ['2024-01-05T13:45:00Z', 'Asia/Shanghai', utc(2024, 1, 5, 13, 45)],
  ])('reads %j in a date-time field with the zone %s as that instant', (text, timeZone, expected) => {
    expect(value(FIELDS.dateTime, text, { timeZone })).toBe(expected);
  });

  it('reads a date-time without a zone as UTC when the context names none', () => {
    expect(value(FIELDS.dateTime, '2024-01-05 08:00')).toBe(utc(2024, 1, 5, 8));
  });

  it('moves a wall time skipped by a spring-forward change ahead by the gap, and picks the earlier of a repeated one', () => {
    const zone = { timeZone: 'America/New_York' };
    // 2024-03-10 02:30 does not exist in New York; it is read as 03:30 EDT (07:30 UTC).
    expect(value(FIELDS.dateTime, '2024-03-10 02:30', zone)).toBe(utc(2024, 3, 10, 7, 30));
    // 2024-11-03 01:30 happens twice; the first (EDT, 05:30 UTC) is chosen.
    expect(value(FIELDS.dateTime, '2024-11-03 01:30', zone)).toBe(utc(2024, 11, 3, 5, 30));
  });

  it.each(['13:45', '2024-02-30 10:00', 'soon', '2024-01-05T25:00:00Z'])(
    'refuses %j as not a date-time',
    (text) => {
      expect(problemCode(FIELDS.dateTime, text, { timeZone: 'Asia/Shanghai' })).toBe('notADateTime');
    },
  );

  it('matches a single select option by name, ignoring case and surrounding spaces', () => {
    expect(value(FIELDS.singleSelect, ' vip ')).toBe('o-vip');
    expect(value(FIELDS.singleSelect, '新客')).toBe('o-new');
    expect(value(FIELDS.singleSelect, 'Lost, maybe')).toBe('o-lost');
  });

  it('prefers the option spelled exactly over one matching only when case is ignored', () => {
    const field: Field = {
      ...FIELDS.singleSelect,
      options: [
        { id: 'upper', name: 'VIP', color: 'red' },
        { id: 'lower', name: 'vip', color: 'blue' },
      ],
    };
    expect(value(field, 'vip')).toBe('lower');
    expect(value(field, 'Vip')).toBe('upper');
  });

  it('refuses an unknown option name unless asked to create options', () => {
    expect(parseCellText(FIELDS.singleSelect, '老客')).toEqual({
      ok: false,
      problem: { code: 'unknownOption', params: { name: '老客' } },
    });
    expect(parseCellText(FIELDS.singleSelect, ' 老客 ', { createOptions: true })).toEqual({
      ok: true,
      value: 'new:老客',
      newOptions: [{ id: 'new:老客', name: '老客' }],
    });
  });

  it('asks the context for the ids of new options, once per name, without changing the field', () => {
    const before = JSON.stringify(FIELDS.multiSelect);
    const result = parseCellText(FIELDS.multiSelect, '老客，vip、老客;Gold', {
      createOptions: true,
      newOptionId: (name) => `id-${name}`,
    });
    expect(result).toEqual({
      ok: true,
      value: ['id-老客', 'o-vip', 'id-Gold'],
      newOptions: [
        { id: 'id-老客', name: '老客' },
        { id: 'id-Gold', name: 'Gold' },
      ],
    });
    expect(JSON.stringify(FIELDS.multiSelect)).toBe(before);
  });

  it.each([
    ['VIP, 新客', ['o-vip', 'o-new']],
    ['新客，VIP', ['o-new', 'o-vip']],
    ['新客、VIP', ['o-new', 'o-vip']],
    ['新客;VIP', ['o-new', 'o-vip']],
    ['新客\nVIP\r\n', ['o-new', 'o-vip']],
    ['vip, VIP', ['o-vip']],
    ['VIP,,', ['o-vip']],
    ['Lost, maybe, VIP', ['o-lost', 'o-vip']],
    ['VIP, Lost, maybe', ['o-vip', 'o-lost']],
    [',', null],
  ])('splits the multi select text %j into the options %j', (text, expected) => {
    expect(value(FIELDS.multiSelect, text)).toEqual(expected);
  });

  it('names the first unknown option of a multi select', () => {
    expect(parseCellText(FIELDS.multiSelect, 'VIP, Gold, Silver')).toEqual({
      ok: false,
      problem: { code: 'unknownOption', params: { name: 'Gold' } },
    });
  });

  it.each(['li@example.com', ' wang.fang+vip@mail.example.cn ', 'mailto:li@example.com'])(
    'accepts the e-mail address %j, trimmed',
    (text) => {
      expect(value(FIELDS.email, text)).toBe(text.trim().replace('mailto:', ''));
    },
  );

  it.each(['li@', 'li example.com', 'li@example', 'a@b@c.com', '张三'])(
    'refuses %j as an e-mail address',
    (text) => {
      expect(problemCode(FIELDS.email, text)).toBe('notAnEmail');
    },
  );

  it.each([
    ['13800138000', '13800138000'],
    ['+86 138-0013-8000', '+86 138-0013-8000'],
    ['010-12345678', '010-12345678'],
    ['0086 (10) 1234 5678', '0086 (10) 1234 5678'],
    ['１３８００１３８０００', '13800138000'],
    ['tel:+8613800138000', '+8613800138000'],
    ['021-5555 1234 转 808', '021-5555 1234 转 808'],
  ])('keeps the phone number %j as %j, leading + and zeros included', (text, expected) => {
    expect(value(FIELDS.phone, text)).toBe(expected);
  });

  it.each(['12', 'call me', '138-abc', '++86 1380013'])('refuses %j as a phone number', (text) => {
    expect(problemCode(FIELDS.phone, text)).toBe('notAPhone');
  });

  it.each([
    'https://liucun.app',
    'http://example.com/a?b=1#c',
    'liucun.app/help',
    'www.example.com.cn',
    'ftp://files.example.com',
  ])('accepts the web address %j as typed', (text) => {
    expect(value(FIELDS.url, text)).toBe(text);
  });

  it.each(['liucun', 'https://', 'not a url.com', 'http:// example.com'])(
    'refuses %j as a web address',
    (text) => {
      expect(problemCode(FIELDS.url, text)).toBe('notAUrl');
    },
  );

  it.each([
    ['4', 4],
    ['5', 5],
    ['1', 1],
    ['4.0', 4],
    ['★★★', 3],
  ])('reads the rating %j as %d stars', (text, expected) => {
    expect(value(FIELDS.rating, text)).toBe(expected);
  });

  it.each(['0', '6', '3.5', '-1', '★★★★★★'])('refuses the rating %j as out of range', (text) => {
    expect(parseCellText(FIELDS.rating, text)).toEqual({
      ok: false,
      problem: { code: 'ratingOutOfRange', params: { max: 5 } },
    });
  });

  it('refuses a rating that is no number', () => {
    expect(problemCode(FIELDS.rating, 'good')).toBe('notANumber');
  });

  it('lists each problem code once', () => {
    expect(new Set(CELL_PROBLEM_CODES).size).toBe(CELL_PROBLEM_CODES.length);
  });
});
