// Kind inference for imported columns: each guess is a kind every sampled cell parses as.
import { describe, expect, it } from 'vitest';
import { fieldDraftOfKind, inferFieldKind } from '../../../src/engine/import';

describe('inferring the kind of an imported column', () => {
  it.each([
    ['Spend', ['1,200', '35.5', '', '-8'], 'number'],
    ['Share', ['12%', '7.5%', '100%'], 'percent'],
    ['Signed up', ['2024-01-05', '2024/2/1', '2024年3月9日'], 'date'],
    ['Last login', ['2024-01-05 09:30', '2024-02-01 18:00:05'], 'dateTime'],
    ['VIP', ['是', '否', '是', ''], 'checkbox'],
    ['Active', ['yes', 'no', 'TRUE'], 'checkbox'],
    ['Email', ['a@liucun.app', 'li.wei@example.com.cn'], 'email'],
    ['Site', ['https://liucun.app', 'example.com/help'], 'url'],
    ['Note', ['line one\nline two', 'short'], 'longText'],
    ['Name', ['Alice', 'Bob', 'Carol', 'Dan'], 'text'],
    ['Flags', ['0', '1', '1', '0'], 'number'],
  ])('reads column %s as %s', (header, samples, kind) => {
    expect(inferFieldKind(header, samples).kind).toBe(kind);
  });

  it('reads mainland mobile numbers as phone numbers, not as numbers', () => {
    expect(inferFieldKind('联系人', ['13800138000', '13912345678']).kind).toBe('phone');
  });

  it('reads digits as phone numbers when the header says phone (电话)', () => {
    expect(inferFieldKind('电话', ['88001234', '66001234']).kind).toBe('phone');
  });

  it('keeps zero-padded codes as text so leading zeros survive', () => {
    expect(inferFieldKind('Member no.', ['00123', '00456']).kind).toBe('text');
  });

  it('reads money with one currency sign as currency in that currency', () => {
    expect(inferFieldKind('金额', ['¥1,280.00', '¥35'])).toMatchObject({
      kind: 'currency',
      currency: 'CNY',
    });
    expect(inferFieldKind('Amount', ['$5', '$12.50'])).toMatchObject({ kind: 'currency', currency: 'USD' });
  });

  it('makes a few repeated values a single select with coloured options in order of appearance', () => {
    const draft = inferFieldKind('等级', ['金卡', '银卡', '金卡', '普通', '银卡', '金卡']);
    expect(draft.kind).toBe('singleSelect');
    if (draft.kind !== 'singleSelect') return;
    expect(draft.options.map((option) => option.name)).toEqual(['金卡', '银卡', '普通']);
    expect(new Set(draft.options.map((option) => option.color)).size).toBe(3);
  });

  it('names the field after the header (Chinese kept), or the fallback when the header is blank', () => {
    expect(inferFieldKind('  客户 名称 ', ['a']).name).toBe('客户 名称');
    expect(inferFieldKind('', ['a'], 'C').name).toBe('C');
  });

  it('treats an empty column as text', () => {
    expect(inferFieldKind('Empty', ['', '  ']).kind).toBe('text');
  });

  it('builds a draft of a chosen kind with the options it needs', () => {
    expect(fieldDraftOfKind('multiSelect', 'Tags', ['a, b', 'b；c'])).toMatchObject({
      kind: 'multiSelect',
      options: [{ name: 'a' }, { name: 'b' }, { name: 'c' }],
    });
    expect(fieldDraftOfKind('number', 'n', ['1.25', '3'])).toEqual({
      name: 'n',
      kind: 'number',
      precision: 2,
    });
    expect(fieldDraftOfKind('rating', 'r', [])).toEqual({ name: 'r', kind: 'rating', max: 5 });
  });
});
