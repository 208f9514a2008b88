// Every message exists in every language, with the same placeholders, so no screen falls back to English silently.
import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES } from '../../src/engine';
import en from '../../src/locales/en.json';
import zhCN from '../../src/locales/zh-CN.json';
import zhTW from '../../src/locales/zh-TW.json';

type Catalog = { [key: string]: string | Catalog };

/** Flattens a catalog to "a.b.c" keys. Plural forms (_one, _other…) collapse to their base key. */
function flatten(catalog: Catalog, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(path.replace(/_(zero|one|two|few|many|other)$/, ''), value);
    else for (const [nested, text] of flatten(value, path)) entries.set(nested, text);
  }
  return entries;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((match) => match[1] ?? '').sort();
}

const english = flatten(en);

describe.each([
  ['zh-CN', zhCN],
  ['zh-TW', zhTW],
])('the %s catalog', (_language, catalog) => {
  const translated = flatten(catalog);

  it('has exactly the keys of the English catalog', () => {
    expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('uses the same placeholders as English in every message', () => {
    for (const [key, text] of english)
      expect({ key, placeholders: placeholders(translated.get(key) ?? '') }).toEqual({
        key,
        placeholders: placeholders(text),
      });
  });

  it('has a message for every validation problem code', () => {
    for (const code of PROBLEM_CODES) expect(translated.has(`problems.${code}`)).toBe(true);
  });
});
