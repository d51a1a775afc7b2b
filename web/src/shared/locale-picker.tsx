import { FormSelect, FormSelectOption } from '@patternfly/react-core';
import { useI18n } from './i18n/i18n';
import { LOCALES, matchLocale } from './i18n/locales';

/** The language menu shown on every page. */
export function LocalePicker() {
  const { t, locale, setLocale } = useI18n();
  return (
    <FormSelect
      id="locale-picker"
      aria-label={t('locale.label')}
      value={locale}
      onChange={(_event, value) => {
        const match = matchLocale(value);
        if (match) setLocale(match);
      }}
      className="am-locale-picker"
    >
      {LOCALES.map((l) => (
        <FormSelectOption key={l.code} value={l.code} label={l.name} />
      ))}
    </FormSelect>
  );
}
