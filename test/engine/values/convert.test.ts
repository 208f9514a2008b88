// Changing a field's kind converts each value through its text, previewing what changes, what stays and what fails.
import { describe, expect, it } from 'vitest';
import type { Field } from '../../../src/engine';
import { convertValue, MAX_PREVIEW_FAILURES, previewConversion } from '../../../src/engine/values';
import { FIELDS, utc } from './fields';

function converted(from: Field, to: Field, value: unknown, timeZone = 'UTC'): unknown {
  const result = convertValue(from, to, value, { timeZone });
  if (!result.ok) throw new Error(`${JSON.stringify(value)} did not convert: ${result.problem.code}`);
  return result.value;
}

describe('convertValue', () => {
  it('keeps blank values blank whatever the kinds', () => {
    for (const value of [null, undefined, '', []]) {
      expect(convertValue(FIELDS.multiSelect, FIELDS.number, value)).toEqual({ ok: true, value: null });
      expect(convertValue(FIELDS.text, FIELDS.singleSelect, value)).toEqual({ ok: true, value: null });
    }
  });

  it('turns numbers into the text a spreadsheet shows, with full precision', () => {
    expect(converted(FIELDS.number, FIELDS.text, 1234.5)).toBe('1234.5');
    expect(converted(FIELDS.number, FIELDS.text, 0.1 + 0.2)).toBe('0.30000000000000004');
    expect(converted(FIELDS.percent, FIELDS.text, 0.125)).toBe('12.5%');
  });

  it('turns numeric text into numbers and refuses other text', () => {
    expect(converted(FIELDS.text, FIELDS.number, '¥1,234.50')).toBe(1234.5);
    expect(converted(FIELDS.text, FIELDS.number, '12.5%')).toBe(0.125);
    expect(convertValue(FIELDS.text, FIELDS.number, '约一千')).toEqual({
      ok: false,
      problem: { code: 'notANumber', params: { text: '约一千' } },
    });
  });

  it('keeps the number between number, currency and percent fields', () => {
    expect(converted(FIELDS.number, FIELDS.percent, 0.5)).toBe(0.5);
    expect(converted(FIELDS.percent, FIELDS.currency, 0.07)).toBe(0.07);
    expect(converted(FIELDS.currency, FIELDS.number, 12800)).toBe(12800);
  });

  it('turns ratings, checkboxes and numbers into each other where the text allows', () => {
    expect(converted(FIELDS.number, FIELDS.rating, 4)).toBe(4);
    expect(converted(FIELDS.number, FIELDS.checkbox, 1)).toBe(true);
    expect(converted(FIELDS.checkbox, FIELDS.text, false)).toBe('FALSE');
    expect(convertValue(FIELDS.number, FIELDS.rating, 4.5).ok).toBe(false);
  });

  it('reads a date as midnight of that day in the zone when it becomes a date-time', () => {
    expect(converted(FIELDS.date, FIELDS.dateTime, utc(2024, 1, 5))).toBe(utc(2024, 1, 5));
    expect(converted(FIELDS.date, FIELDS.dateTime, utc(2024, 1, 5), 'Asia/Shanghai')).toBe(
      utc(2024, 1, 4, 16),
    );
  });

  it('keeps the day a date-time has in the zone when it becomes a date', () => {
    const instant = utc(2024, 1, 5, 20);
    expect(converted(FIELDS.dateTime, FIELDS.date, instant)).toBe(utc(2024, 1, 5));
    expect(converted(FIELDS.dateTime, FIELDS.date, instant, 'Asia/Shanghai')).toBe(utc(2024, 1, 6));
  });

  it('turns select options into their names and names back into options', () => {
    expect(converted(FIELDS.multiSelect, FIELDS.text, ['o-vip', 'o-new'])).toBe('VIP, 新客');
    expect(converted(FIELDS.singleSelect, FIELDS.multiSelect, 'o-new')).toEqual(['o-new']);
    expect(converted(FIELDS.text, FIELDS.multiSelect, 'vip、新客')).toEqual(['o-vip', 'o-new']);
  });

  it('keeps only the first option when a multi select becomes a single select', () => {
    expect(converted(FIELDS.multiSelect, FIELDS.singleSelect, ['o-new', 'o-vip'])).toBe('o-new');
    expect(converted(FIELDS.multiSelect, FIELDS.singleSelect, ['o-lost'])).toBe('o-lost');
  });

  it('creates options for unknown names unless the context forbids it', () => {
    expect(convertValue(FIELDS.text, FIELDS.singleSelect, 'Gold')).toEqual({
      ok: true,
      value: 'new:Gold',
      newOptions: [{ id: 'new:Gold', name: 'Gold' }],
    });
    expect(convertValue(FIELDS.text, FIELDS.singleSelect, 'Gold', { createOptions: false }).ok).toBe(false);
  });

  it('refuses to convert into a computed kind', () => {
    expect(convertValue(FIELDS.text, FIELDS.formula, 'x')).toEqual({
      ok: false,
      problem: { code: 'readOnly', params: {} },
    });
  });
});

describe('previewConversion', () => {
  it('counts converted, unchanged and failed values of text becoming numbers', () => {
    const preview = previewConversion(FIELDS.text, FIELDS.number, [
      ['r1', '12'],
      ['r2', '1,234.5'],
      ['r3', null],
      ['r4', '十二'],
      ['r5', ''],
      ['r6', 'n/a'],
    ]);
    expect(preview).toEqual({
      converted: 2,
      unchanged: 2,
      failed: [
        { recordId: 'r4', value: '十二', problem: { code: 'notANumber', params: { text: '十二' } } },
        { recordId: 'r6', value: 'n/a', problem: { code: 'notANumber', params: { text: 'n/a' } } },
      ],
      failedCount: 2,
      newOptions: [],
    });
  });

  it('counts numbers that become text as converted', () => {
    const preview = previewConversion(FIELDS.number, FIELDS.text, [
      ['r1', 12],
      ['r2', null],
    ]);
    expect(preview).toMatchObject({ converted: 1, unchanged: 1, failedCount: 0 });
  });

  it('counts values equal after the change as unchanged', () => {
    const preview = previewConversion(FIELDS.singleSelect, FIELDS.singleSelect, [
      ['r1', 'o-vip'],
      ['r2', 'o-new'],
    ]);
    expect(preview).toMatchObject({ converted: 0, unchanged: 2, failedCount: 0 });
  });

  it('lists the first hundred failures and counts them all', () => {
    const values = Array.from({ length: 150 }, (_, i): [string, unknown] => [`r${i}`, `bad ${i}`]);
    const preview = previewConversion(FIELDS.text, FIELDS.number, values);
    expect(preview.failedCount).toBe(150);
    expect(preview.failed).toHaveLength(MAX_PREVIEW_FAILURES);
    expect(preview.failed[99]?.recordId).toBe('r99');
  });

  it('creates each new option of text becoming a single select once, with one id for every record', () => {
    let made = 0;
    const preview = previewConversion(
      FIELDS.text,
      FIELDS.singleSelect,
      [
        ['r1', 'Gold'],
        ['r2', 'vip'],
        ['r3', 'gold'],
        ['r4', '银牌'],
      ],
      { newOptionId: () => `id${++made}` },
    );
    expect(preview).toEqual({
      converted: 4,
      unchanged: 0,
      failed: [],
      failedCount: 0,
      newOptions: [
        { id: 'id1', name: 'Gold' },
        { id: 'id2', name: '银牌' },
      ],
    });
    expect(made).toBe(2);
  });

  it('previews a multi select becoming a single select without failures', () => {
    const preview = previewConversion(FIELDS.multiSelect, FIELDS.singleSelect, [
      ['r1', ['o-vip', 'o-new']],
      ['r2', ['o-new']],
      ['r3', []],
    ]);
    expect(preview).toMatchObject({ converted: 2, unchanged: 1, failedCount: 0, newOptions: [] });
  });

  it('previews dates becoming date-times', () => {
    const preview = previewConversion(
      FIELDS.date,
      FIELDS.dateTime,
      [
        ['r1', utc(2024, 1, 5)],
        ['r2', null],
      ],
      { timeZone: 'Asia/Shanghai' },
    );
    expect(preview).toMatchObject({ converted: 1, unchanged: 1, failedCount: 0 });
  });
});
