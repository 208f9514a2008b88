// Engine messages read naturally in every language: formula errors (type names translated too) and cell problems.
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import {
  CELL_PROBLEM_CODES,
  compileFormula,
  FORMULA_ERROR_CODES,
  FormulaError,
  localizeFormulaError,
} from '../../src/engine';
import en from '../../src/locales/en.json';
import zhCN from '../../src/locales/zh-CN.json';
import zhTW from '../../src/locales/zh-TW.json';

async function translator(
  language: string,
): Promise<(key: string, params: Record<string, unknown>) => string> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN }, 'zh-TW': { translation: zhTW } },
    interpolation: { escapeValue: false },
  });
  return (key, params) => instance.t(key, params);
}

function failure(source: string): FormulaError {
  try {
    compileFormula(source, [{ id: 'f1', name: '健康分', kind: 'number' }]);
  } catch (error) {
    if (error instanceof FormulaError) return error;
  }
  throw new Error('expected a FormulaError');
}

describe.each(['en', 'zh-CN', 'zh-TW'])('formula errors in %s', (language) => {
  it('has a message for every error code', async () => {
    const t = await translator(language);
    for (const code of FORMULA_ERROR_CODES) {
      const key = `formula.errors.${code}`;
      expect(t(key, { count: 2 }), key).not.toBe(key);
    }
  });
});

describe('localized formula errors', () => {
  it('says what is wrong in Simplified Chinese, with the type names translated', async () => {
    const t = await translator('zh-CN');
    expect(localizeFormulaError(failure('YEAR(TRUE)'), t)).toBe(
      'YEAR 的第 1 个参数应为日期，却是逻辑值（TRUE/FALSE）。',
    );
    expect(localizeFormulaError(failure('{健康} + 1'), t)).toBe('没有名为“健康”的字段。您是不是指“健康分”？');
  });

  it('uses Traditional Chinese terms in zh-TW', async () => {
    const t = await translator('zh-TW');
    expect(localizeFormulaError(failure('SUMM(1)'), t)).toBe('沒有名為 SUMM 的函式。您是不是要用 SUM？');
  });

  it('uses singular and plural in English', async () => {
    const t = await translator('en');
    expect(localizeFormulaError(failure('LEN()'), t)).toBe('LEN takes 1 argument, not 0.');
    expect(localizeFormulaError(failure('ROUND(1)'), t)).toBe('ROUND takes 2 arguments, not 1.');
  });
});

describe.each(['en', 'zh-CN', 'zh-TW'])('cell problems in %s', (language) => {
  it('has a message for every problem a typed or imported cell can have', async () => {
    const t = await translator(language);
    for (const code of CELL_PROBLEM_CODES) {
      const key = `cellProblems.${code}`;
      expect(t(key, {}), key).not.toBe(key);
    }
  });
});
