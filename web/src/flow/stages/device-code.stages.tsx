import { Alert, Content } from '@patternfly/react-core';
import { useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import { stringOf, type StageProps } from '../challenge';
import { FormErrors, StageForm, TextField } from '../stage-kit';

/**
 * ak-provider-oauth2-device-code: the code a device shows (RFC 8628), prefilled when the
 * link carried it. A wrong, expired or used code comes back as an error beside the field.
 */
export function DeviceCodeStage({ challenge, submit, busy }: StageProps) {
  const { t } = useI18n();
  const [code, setCode] = useState(stringOf(challenge, 'code'));
  return (
    <StageForm busy={busy} action={t('flow.continue')} onSubmit={() => submit({ code })}>
      <FormErrors challenge={challenge} shown={['code']} />
      <Content component="p">{t('flow.device.intro')}</Content>
      <TextField
        id="code"
        field="code"
        label={t('flow.device.code')}
        value={code}
        onChange={setCode}
        challenge={challenge}
        autoComplete="off"
        inputMode="text"
        required
      />
    </StageForm>
  );
}

/** ak-provider-oauth2-device-code-finish: the device is connected; nothing is left to do here. */
export function DeviceCodeFinishStage({ challenge }: StageProps) {
  const { t } = useI18n();
  return (
    <Alert variant="success" isInline title={t('flow.device.connectedTitle')}>
      <p>{t('flow.device.connected', { app: stringOf(challenge, 'application_name') })}</p>
      <p>{t('flow.device.close')}</p>
    </Alert>
  );
}
