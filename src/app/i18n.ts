// Internationalization: i18next with the three catalogs bundled (the app works offline from the first visit).
// The language defaults to the browser's and is remembered in localStorage once chosen.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json';
import zhCN from '../locales/zh-CN.json';
import zhTW from '../locales/zh-TW.json';

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'zh-CN', label: '简体中文' },
  { code: 'zh-TW', label: '繁體中文' },
] as const;

export type LanguageCode = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'liucun.language';

/** Maps a BCP 47 tag to one of our languages: Traditional for TW/HK/MO/Hant, Simplified for other Chinese. */
export function matchLanguage(tag: string): LanguageCode | undefined {
  const lower = tag.toLowerCase();
  if (lower.startsWith('zh')) return /-(tw|hk|mo|hant)\b/.test(lower) ? 'zh-TW' : 'zh-CN';
  if (lower.startsWith('en')) return 'en';
  return undefined;
}

function isLanguage(value: string | null): value is LanguageCode {
  return LANGUAGES.some((language) => language.code === value);
}

export function detectLanguage(stored: string | null, browser: readonly string[]): LanguageCode {
  if (isLanguage(stored)) return stored;
  for (const tag of browser) {
    const match = matchLanguage(tag);
    if (match) return match;
  }
  return 'en';
}

function readStoredLanguage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export async function initI18n(): Promise<typeof i18next> {
  const language = detectLanguage(
    readStoredLanguage(),
    navigator.languages.length > 0 ? navigator.languages : [navigator.language],
  );
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN }, 'zh-TW': { translation: zhTW } },
    lng: language,
    fallbackLng: { 'zh-TW': ['zh-CN', 'en'], default: ['en'] },
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  document.documentElement.lang = language;
  i18next.on('languageChanged', (code) => {
    document.documentElement.lang = code;
  });
  return i18next;
}

/** Switches the language and remembers the choice. */
export function setLanguage(code: string): void {
  if (!isLanguage(code)) return;
  void i18next.changeLanguage(code);
  try {
    localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // Storage may be blocked; the switch still applies to this session.
  }
}
