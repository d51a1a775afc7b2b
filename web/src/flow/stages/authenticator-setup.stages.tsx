import { Alert, ClipboardCopy, Content, List, ListItem } from '@patternfly/react-core';
import { startRegistration, type PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/browser';
import { useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import { stringOf, type StageProps } from '../challenge';
import { CodeField, FormErrors, StageForm, TextField } from '../stage-kit';
import { QrCode } from './qr-code';

/** The base32 secret inside an otpauth URI, for people who type it in. */
export function totpSecret(configUrl: string): string {
  try {
    return new URL(configUrl).searchParams.get('secret') ?? '';
  } catch {
    return '';
  }
}

/** ak-stage-authenticator-totp: QR code and secret of a new authenticator app, confirmed by a first code. */
export function TotpSetupStage({ challenge, submit, busy }: StageProps) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const url = stringOf(challenge, 'config_url');
  const secret = totpSecret(url);
  return (
    <StageForm busy={busy} action={t('flow.totp.confirm')} onSubmit={() => submit({ code })}>
      <FormErrors challenge={challenge} shown={['code']} />
      <Content component="p">{t('flow.totp.scan')}</Content>
      <div className="am-qr-box">
        <QrCode value={url} label={t('flow.totp.qrLabel')} />
      </div>
      <Content component="p">{t('flow.totp.manual')}</Content>
      <ClipboardCopy isReadOnly hoverTip={t('flow.copy')} clickTip={t('flow.copied')} data-testid="totp-secret">
        {secret}
      </ClipboardCopy>
      <CodeField value={code} onChange={setCode} challenge={challenge} />
    </StageForm>
  );
}

/** ak-stage-authenticator-static: recovery codes, shown this once. */
export function StaticSetupStage({ challenge, submit, busy }: StageProps) {
  const { t } = useI18n();
  const codes = Array.isArray(challenge.codes) ? (challenge.codes as string[]) : [];
  return (
    <StageForm busy={busy} action={t('flow.static.saved')} onSubmit={() => submit({})}>
      <FormErrors challenge={challenge} shown={[]} />
      <Alert variant="warning" isInline title={t('flow.static.once')} />
      <List isPlain className="am-codes" aria-label={t('flow.static.codes')}>
        {codes.map((code) => (
          <ListItem key={code}>
            <code>{code}</code>
          </ListItem>
        ))}
      </List>
    </StageForm>
  );
}

/** ak-stage-authenticator-sms: the phone number first, then the texted code. */
export function SmsSetupStage({ challenge, submit, busy }: StageProps) {
  const { t } = useI18n();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  if (challenge.phone_number_required === true) {
    return (
      <StageForm busy={busy} action={t('flow.sms.send')} onSubmit={() => submit({ phone_number: phone })}>
        <FormErrors challenge={challenge} shown={['phone_number']} />
        <TextField
          id="phone_number"
          field="phone_number"
          label={t('flow.sms.phone')}
          value={phone}
          onChange={setPhone}
          challenge={challenge}
          type="tel"
          autoComplete="tel"
          inputMode="tel"
          help={t('flow.sms.phoneHelp')}
          required
        />
      </StageForm>
    );
  }
  return (
    <StageForm busy={busy} action={t('flow.totp.confirm')} onSubmit={() => submit({ code })}>
      <FormErrors challenge={challenge} shown={['code']} />
      <Content component="p">{t('flow.sms.sent')}</Content>
      <CodeField value={code} onChange={setCode} challenge={challenge} />
    </StageForm>
  );
}

/** ak-stage-authenticator-duo: Duo's activation QR code; continuing asks Duo whether it was scanned. */
export function DuoSetupStage({ challenge, submit, busy }: StageProps) {
  const { t } = useI18n();
  const barcode = stringOf(challenge, 'activation_barcode');
  return (
    <StageForm busy={busy} action={t('flow.duo.scanned')} onSubmit={() => submit({})}>
      <FormErrors challenge={challenge} shown={[]} />
      <Content component="p">{t('flow.duo.scan')}</Content>
      {barcode ? (
        <div className="am-qr-box">
          <img src={barcode} alt={t('flow.duo.qrLabel')} width={200} height={200} />
        </div>
      ) : null}
      <Content component="p">
        {t('flow.duo.code')} <code>{stringOf(challenge, 'activation_code')}</code>
      </Content>
    </StageForm>
  );
}

/** ak-stage-authenticator-webauthn: registers a security key or passkey with the browser's WebAuthn API. */
export function WebauthnSetupStage({ challenge, submit, busy }: StageProps) {
  const { t } = useI18n();
  const [failure, setFailure] = useState('');
  const register = async () => {
    setFailure('');
    try {
      const response = await startRegistration({ optionsJSON: challenge.registration as PublicKeyCredentialCreationOptionsJSON });
      await submit({ response });
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <StageForm busy={busy} action={t('flow.webauthn.register')} onSubmit={() => void register()}>
      <FormErrors challenge={challenge} shown={[]} />
      <Content component="p">{t('flow.webauthn.registerHelp')}</Content>
      {failure ? (
        <Alert variant="danger" isInline title={t('flow.webauthn.failed')}>
          <p>{failure}</p>
        </Alert>
      ) : null}
    </StageForm>
  );
}
