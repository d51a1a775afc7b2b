import { Alert, ClipboardCopy, FormGroup } from '@patternfly/react-core';
import { useI18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/locales';

/** A secret shown once, in a read-only field with a copy button; it is not kept anywhere. */
export function ShowOnce({ id, label, value, note }: { id: string; label: MessageKey; value: string; note?: MessageKey }) {
  const { t } = useI18n();
  return (
    <>
      <FormGroup label={t(label)} fieldId={id}>
        <ClipboardCopy
          id={id}
          isReadOnly
          hoverTip={t('admin.directory.copy')}
          clickTip={t('admin.directory.copied')}
          textAriaLabel={t(label)}
          toggleAriaLabel={t(label)}
        >
          {value}
        </ClipboardCopy>
      </FormGroup>
      {note ? <Alert variant="info" isInline isPlain title={t(note)} /> : null}
    </>
  );
}
