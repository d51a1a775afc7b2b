import { Alert, Button, Content, Flex, FlexItem } from '@patternfly/react-core';
import { startAuthentication, type PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import { useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/locales';
import { stringOf, type StageProps } from '../challenge';
import { CodeField, FormErrors, StageForm } from '../stage-kit';
import { PendingUser } from './pending-user';

/** One device the user may prove themselves with. */
export interface DeviceChallenge {
  device_class: string;
  device_uid: string;
  challenge: Record<string, unknown>;
}

interface ConfigurationStage {
  pk: string;
  name: string;
}

const CLASS_LABELS: Record<string, MessageKey> = {
  totp: 'flow.validate.totp',
  static: 'flow.validate.static',
  sms: 'flow.validate.sms',
  duo: 'flow.validate.duo',
  webauthn: 'flow.validate.webauthn',
};

/** Classes whose code is typed in; the others act on the device. */
const CODE_CLASSES = new Set(['totp', 'static']);

/**
 * ak-stage-authenticator-validate: picks one of the user's devices (or a way to set one up)
 * and proves it: a typed code, a texted code, a Duo push, or a WebAuthn assertion.
 */
export function AuthenticatorValidateStage(props: StageProps) {
  const { challenge } = props;
  const devices = (Array.isArray(challenge.device_challenges) ? challenge.device_challenges : []) as DeviceChallenge[];
  const stages = (Array.isArray(challenge.configuration_stages) ? challenge.configuration_stages : []) as ConfigurationStage[];
  // A code typed for one device class is checked against every code device, so one entry serves them all.
  const choices = devices.filter(
    (d, i) => !CODE_CLASSES.has(d.device_class) || devices.findIndex((o) => o.device_class === d.device_class) === i,
  );
  const [selected, setSelected] = useState<DeviceChallenge | undefined>(() =>
    challenge.sms_sent === true || choices.length === 1 ? choices[0] : undefined,
  );

  if (devices.length === 0 && stages.length > 0) return <ConfigurationChoice {...props} stages={stages} />;
  if (!selected) return <DevicePicker {...props} choices={choices} onPick={setSelected} />;
  const back = choices.length > 1 ? () => setSelected(undefined) : undefined;
  return <DeviceProof {...props} device={selected} onBack={back} />;
}

function DevicePicker({ challenge, choices, onPick }: StageProps & { choices: DeviceChallenge[]; onPick(device: DeviceChallenge): void }) {
  const { t } = useI18n();
  return (
    <>
      <PendingUser username={stringOf(challenge, 'pending_user')} />
      <FormErrors challenge={challenge} shown={[]} />
      <Content component="p">{t('flow.validate.pick')}</Content>
      <Flex direction={{ default: 'column' }} spaceItems={{ default: 'spaceItemsSm' }}>
        {choices.map((device) => (
          <FlexItem key={`${device.device_class}:${device.device_uid}`}>
            <Button variant="secondary" isBlock onClick={() => onPick(device)}>
              {t(CLASS_LABELS[device.device_class] ?? 'flow.validate.other')}
            </Button>
          </FlexItem>
        ))}
      </Flex>
    </>
  );
}

function ConfigurationChoice({ challenge, submit, busy, stages }: StageProps & { stages: ConfigurationStage[] }) {
  const { t } = useI18n();
  return (
    <>
      <FormErrors challenge={challenge} shown={[]} />
      <Content component="p">{t('flow.validate.configure')}</Content>
      <Flex direction={{ default: 'column' }} spaceItems={{ default: 'spaceItemsSm' }}>
        {stages.map((stage) => (
          <FlexItem key={stage.pk}>
            <Button variant="secondary" isBlock isDisabled={busy} onClick={() => void submit({ selected_stage: stage.pk })}>
              {stage.name}
            </Button>
          </FlexItem>
        ))}
      </Flex>
    </>
  );
}

function DeviceProof({ challenge, submit, busy, device, onBack }: StageProps & { device: DeviceChallenge; onBack?: () => void }) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [failure, setFailure] = useState('');
  const selection = { device_class: device.device_class, device_uid: device.device_uid, challenge: {} };
  const backLink = onBack ? (
    <Button variant="link" onClick={onBack}>
      {t('flow.validate.another')}
    </Button>
  ) : undefined;
  const codeForm = (help: MessageKey) => (
    <StageForm busy={busy} action={t('flow.validate.verify')} onSubmit={() => submit({ code })} secondary={backLink}>
      <PendingUser username={stringOf(challenge, 'pending_user')} />
      <FormErrors challenge={challenge} shown={['code']} />
      <Content component="p">{t(help)}</Content>
      <CodeField value={code} onChange={setCode} challenge={challenge} numeric={device.device_class !== 'static'} />
    </StageForm>
  );

  switch (device.device_class) {
    case 'totp':
      return codeForm('flow.validate.totpHelp');
    case 'static':
      return codeForm('flow.validate.staticHelp');
    case 'sms':
      if (challenge.sms_sent === true) return codeForm('flow.sms.sent');
      return (
        <StageForm
          busy={busy}
          action={t('flow.sms.sendCode')}
          onSubmit={() => submit({ selected_challenge: selection })}
          secondary={backLink}
        >
          <FormErrors challenge={challenge} shown={[]} />
          <Content component="p">{t('flow.validate.smsHelp')}</Content>
        </StageForm>
      );
    case 'duo':
      return (
        <StageForm busy={busy} action={t('flow.duo.push')} onSubmit={() => submit({ selected_challenge: selection })} secondary={backLink}>
          <FormErrors challenge={challenge} shown={[]} />
          <Content component="p">{t('flow.validate.duoHelp')}</Content>
        </StageForm>
      );
    case 'webauthn': {
      const authenticate = async () => {
        setFailure('');
        try {
          const response = await startAuthentication({ optionsJSON: device.challenge as unknown as PublicKeyCredentialRequestOptionsJSON });
          await submit({ webauthn: response });
        } catch (error) {
          setFailure(error instanceof Error ? error.message : String(error));
        }
      };
      return (
        <StageForm busy={busy} action={t('flow.webauthn.use')} onSubmit={() => void authenticate()} secondary={backLink}>
          <FormErrors challenge={challenge} shown={[]} />
          <Content component="p">{t('flow.validate.webauthnHelp')}</Content>
          {failure ? (
            <Alert variant="danger" isInline title={t('flow.webauthn.failed')}>
              <p>{failure}</p>
            </Alert>
          ) : null}
        </StageForm>
      );
    }
    default:
      return codeForm('flow.validate.totpHelp');
  }
}
