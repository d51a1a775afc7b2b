import en from './locales/en.json';

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

/**
 * The catalogs loaded so far. English is part of the main bundle (every message falls back to
 * it); each other catalog is its own file, fetched when its locale is first used.
 */
const loaded: Partial<Record<LocaleCode, Partial<Catalog>>> = { en };

const loaders = import.meta.glob<{ default: Partial<Catalog> }>(['./locales/*.json', '!./locales/en.json']);

/** Whether a locale's catalog is ready to use. */
export function catalogLoaded(locale: LocaleCode): boolean {
  return loaded[locale] !== undefined;
}

/** Loads a locale's catalog (once); a catalog that cannot be fetched leaves English in place. */
export async function loadCatalog(locale: LocaleCode): Promise<Partial<Catalog>> {
  const known = loaded[locale];
  if (known) return known;
  const load = loaders[`./locales/${locale}.json`];
  const catalog = load ? (await load()).default : {};
  loaded[locale] = catalog;
  return catalog;
}

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
  const text = loaded[locale]?.[key] ?? en[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
