import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nProvider } from '../shared/i18n/i18n';
import type { LocaleCode } from '../shared/i18n/locales';

/** Renders inside the providers the app has, in English unless told otherwise. */
export function renderWithI18n(ui: ReactElement, locale: LocaleCode = 'en') {
  return render(<I18nProvider initial={locale}>{ui}</I18nProvider>);
}
