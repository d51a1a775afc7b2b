import { ClipboardCopy } from '@patternfly/react-core';
import { useI18n } from '../../shared/i18n/i18n';

/** A read-only value with a copy button (an endpoint URL, a secret shown once). */
export function CopyValue({ value, label }: { value: string; label: string }) {
  const { t } = useI18n();
  return (
    <ClipboardCopy isReadOnly hoverTip={t('flow.copy')} clickTip={t('flow.copied')} textAriaLabel={label} toggleAriaLabel={label}>
      {value}
    </ClipboardCopy>
  );
}
