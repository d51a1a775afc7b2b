import de from './locales/de.json';
import en from './locales/en.json';
import es from './locales/es.json';
import fr from './locales/fr.json';
import pl from './locales/pl.json';
import tr from './locales/tr.json';
import zhHans from './locales/zh-Hans.json';
import zhHant from './locales/zh-Hant.json';
import zhTW from './locales/zh-TW.json';

/** A key of the English catalog, the one every other catalog mirrors. */
export type MessageKey = keyof typeof en;
export type Catalog = Record<MessageKey, string>;

/** The interface languages, each named in itself for the picker. */
export const LOCALES = [
  { code: 'en', name: 'English' },
  { code: 'de', name: 'Deutsch' },
  { code: 'es', name: 'Español' },
  { code: 'fr', name: 'Français' },
  { code: 'pl', name: 'Polski' },
  { code: 'tr', name: 'Türkçe' },
  { code: 'zh-Hans', name: '简体中文' },
  { code: 'zh-Hant', name: '繁體中文' },
  { code: 'zh-TW', name: '臺灣華語' },
] as const;

export type LocaleCode = (typeof LOCALES)[number]['code'];

export const CATALOGS: Record<LocaleCode, Partial<Catalog>> = {
  en,
  de,
  es,
  fr,
  pl,
  tr,
  'zh-Hans': zhHans,
  'zh-Hant': zhHant,
  'zh-TW': zhTW,
};

/**
 * The supported locale closest to a BCP 47 tag (`fr-CA` → `fr`, `zh-CN` → `zh-Hans`,
 * `zh-HK` → `zh-Hant`, `zh-TW` → `zh-TW`), or undefined.
 */
export function matchLocale(tag: string | null | undefined): LocaleCode | undefined {
  if (!tag) return undefined;
  const parts = tag.replace(/_/g, '-').split('-');
  const lower = parts.map((p) => p.toLowerCase());
  const exact = LOCALES.find((l) => l.code.toLowerCase() === lower.join('-'));
  if (exact) return exact.code;
  if (lower[0] === 'zh') {
    if (lower.includes('tw')) return 'zh-TW';
    if (lower.includes('hant') || lower.includes('hk') || lower.includes('mo')) return 'zh-Hant';
    return 'zh-Hans';
  }
  return LOCALES.find((l) => l.code === lower[0])?.code;
}

/** The first supported locale among the given preferences, English when none matches. */
export function pickLocale(preferences: readonly (string | null | undefined)[]): LocaleCode {
  for (const preference of preferences) {
    const match = matchLocale(preference);
    if (match) return match;
  }
  return 'en';
}

/** A message in a locale, with `{name}` placeholders filled; English when the locale lacks it. */
export function translate(locale: LocaleCode, key: MessageKey, params?: Record<string, string | number>): string {
  const text = CATALOGS[locale][key] ?? CATALOGS.en[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
