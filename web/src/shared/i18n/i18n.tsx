import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { catalogLoaded, loadCatalog, pickLocale, translate, type LocaleCode, type MessageKey } from './locales';

/** Where the locale picked by hand is remembered in this browser. */
const STORAGE_KEY = 'authmesh.locale';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

interface I18n {
  locale: LocaleCode;
  /** Picks a locale by hand; remembered in this browser. */
  setLocale(locale: LocaleCode): void;
  /** The user's own preference (their `locale` setting), used unless one was picked by hand. */
  setUserLocale(tag: string | undefined): void;
  t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

function stored(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Provides the locale: picked by hand, else the user's setting, else the browser's languages. */
export function I18nProvider({ children, initial }: { children: ReactNode; initial?: LocaleCode }) {
  const [picked, setPicked] = useState<string | null>(() => initial ?? stored());
  const [userLocale, setUserLocale] = useState<string | undefined>();
  const locale = pickLocale([picked, userLocale, ...(navigator.languages ?? []), navigator.language]);

  // The locale whose catalog is loaded and shown; a newly picked one replaces it once it arrives,
  // so the page never flashes English (nor loses its state) while a catalog is fetched.
  const [shown, setShown] = useState<LocaleCode | undefined>(() => (catalogLoaded(locale) ? locale : undefined));

  useEffect(() => {
    let live = true;
    void loadCatalog(locale)
      .catch(() => undefined)
      .then(() => live && setShown(locale));
    return () => {
      live = false;
    };
  }, [locale]);

  useEffect(() => {
    if (shown) document.documentElement.lang = shown;
  }, [shown]);

  const setLocale = useCallback((code: LocaleCode) => {
    setPicked(code);
    try {
      window.localStorage.setItem(STORAGE_KEY, code);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }, []);

  const value = useMemo<I18n>(
    () => ({ locale, setLocale, setUserLocale, t: (key, params) => translate(shown ?? 'en', key, params) }),
    [locale, setLocale, shown],
  );
  // Only the very first catalog is waited for (a local file, quickly there).
  if (shown === undefined) return null;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current locale and its translate function. */
export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n needs an I18nProvider');
  return context;
}
