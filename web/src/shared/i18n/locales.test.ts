import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import { loadCatalog, LOCALES, matchLocale, pickLocale, translate } from './locales';

describe('locales', () => {
  it('maps browser and user tags to the supported locales', () => {
    expect(matchLocale('fr-CA')).toBe('fr');
    expect(matchLocale('de')).toBe('de');
    expect(matchLocale('pl_PL')).toBe('pl');
    expect(matchLocale('zh-CN')).toBe('zh-Hans');
    expect(matchLocale('zh-Hans')).toBe('zh-Hans');
    expect(matchLocale('zh-TW')).toBe('zh-TW');
    expect(matchLocale('zh-Hant-TW')).toBe('zh-TW');
    expect(matchLocale('zh-HK')).toBe('zh-Hant');
    expect(matchLocale('zh-hant')).toBe('zh-Hant');
    expect(matchLocale('ja')).toBeUndefined();
    expect(matchLocale('')).toBeUndefined();
  });

  it('picks the first supported preference, else English', () => {
    expect(pickLocale([null, undefined, 'ja-JP', 'es-MX', 'fr'])).toBe('es');
    expect(pickLocale(['ja'])).toBe('en');
  });

  it('fills placeholders and falls back to English for a missing message', async () => {
    expect(translate('fr', 'user.welcome', { name: 'Zoé' })).toBe('Welcome, Zoé');
    await loadCatalog('fr');
    await loadCatalog('tr');
    expect(translate('fr', 'user.welcome', { name: 'Zoé' })).toBe('Bienvenue, Zoé');
    expect(translate('tr', 'flow.identification.sourceLogin', { name: 'Corp' })).toBe('Corp ile devam et');
  });

  it('has a catalog for each of the nine locales, each as complete as the English one', async () => {
    expect(LOCALES.map((l) => l.code).sort()).toEqual(['de', 'en', 'es', 'fr', 'pl', 'tr', 'zh-Hans', 'zh-Hant', 'zh-TW'].sort());
    const keys = Object.keys(en).sort();
    for (const locale of LOCALES) expect(Object.keys(await loadCatalog(locale.code)).sort()).toEqual(keys);
  });
});
