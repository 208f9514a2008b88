// The language defaults to the browser's: Traditional Chinese for Taiwan, Hong Kong, Macau and Hant; Simplified otherwise.
import { describe, expect, it } from 'vitest';
import { detectLanguage, matchLanguage } from '../../src/app/i18n';

describe('language detection', () => {
  it('maps Chinese variants to Simplified or Traditional', () => {
    expect(matchLanguage('zh-TW')).toBe('zh-TW');
    expect(matchLanguage('zh-HK')).toBe('zh-TW');
    expect(matchLanguage('zh-Hant-MO')).toBe('zh-TW');
    expect(matchLanguage('zh-CN')).toBe('zh-CN');
    expect(matchLanguage('zh-Hans-SG')).toBe('zh-CN');
    expect(matchLanguage('zh')).toBe('zh-CN');
    expect(matchLanguage('en-GB')).toBe('en');
    expect(matchLanguage('fr-FR')).toBeUndefined();
  });

  it('prefers the remembered choice, then the first supported browser language, then English', () => {
    expect(detectLanguage('zh-TW', ['en-US'])).toBe('zh-TW');
    expect(detectLanguage(null, ['fr-FR', 'zh-HK', 'en'])).toBe('zh-TW');
    expect(detectLanguage('klingon', ['de-DE'])).toBe('en');
  });
});
