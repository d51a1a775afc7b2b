import { Alert, Button, Flex, FlexItem } from '@patternfly/react-core';
import { startAuthentication, WebAuthnAbortService, type PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/locales';
import { stringOf, type StageProps } from '../challenge';
import { FormErrors, StageForm, TextField } from '../stage-kit';

/** A source (external identity provider) the user may log in with instead. */
interface SourceLink {
  name: string;
  url: string;
}

function sourcesOf(value: unknown): SourceLink[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((source: Record<string, unknown>) => {
    const challenge = source?.challenge as Record<string, unknown> | undefined;
    const url = typeof challenge?.to === 'string' ? challenge.to : typeof source?.url === 'string' ? source.url : '';
    return typeof source?.name === 'string' && url.startsWith('/') ? [{ name: source.name, url }] : [];
  });
}

/** The label of the user field: which identifiers the stage accepts. */
function uidLabel(fields: unknown): MessageKey {
  const list = Array.isArray(fields) ? fields : [];
  const email = list.includes('email');
  const username = list.includes('username') || list.includes('upn');
  if (email && username) return 'flow.identification.usernameOrEmail';
  if (email) return 'flow.identification.email';
  return 'flow.identification.username';
}

/**
 * Passkey sign-in offered with the form (`passkey_challenge`): the browser lists passkeys in
 * the username field's autofill, and a button asks for one directly. Either answers
 * `{passkey}`, which identifies and authenticates at once.
 */
function usePasskey(challenge: StageProps['challenge'], submit: StageProps['submit']) {
  const options = challenge.passkey_challenge as PublicKeyCredentialRequestOptionsJSON | undefined;
  const [failed, setFailed] = useState(false);
  // The latest submit, read when a passkey arrives: the ceremony must not restart (and answer a
  // second time) just because the executor re-rendered while the first answer was on its way.
  const latestSubmit = useRef(submit);
  latestSubmit.current = submit;
  useEffect(() => {
    if (!options) return undefined;
    let active = true;
    // Conditional mediation: nothing shows until the user picks a passkey from autofill.
    startAuthentication({ optionsJSON: options, useBrowserAutofill: true }).then(
      (passkey) => (active ? latestSubmit.current({ passkey }) : undefined),
      () => undefined,
    );
    return () => {
      active = false;
      WebAuthnAbortService.cancelCeremony();
    };
  }, [options]);
  const ask = async () => {
    if (!options) return;
    setFailed(false);
    try {
      await submit({ passkey: await startAuthentication({ optionsJSON: options }) });
    } catch {
      setFailed(true);
    }
  };
  return { offered: Boolean(options), failed, ask };
}

/** ak-stage-identification: who is logging in, and the password too when the stage asks for it. */
export function IdentificationStage({ challenge, submit, busy }: StageProps) {
  const { t } = useI18n();
  const [uid, setUid] = useState('');
  const [password, setPassword] = useState('');
  const passkey = usePasskey(challenge, submit);
  const withPassword = challenge.password_fields === true;
  const fields = Array.isArray(challenge.user_fields) ? challenge.user_fields : [];
  const onlyEmail = fields.length === 1 && fields[0] === 'email';
  const sources = sourcesOf(challenge.sources);
  const enroll = stringOf(challenge, 'enroll_url');
  const recovery = stringOf(challenge, 'recovery_url');
  const passwordless = stringOf(challenge, 'passwordless_url');

  return (
    <>
      <StageForm
        busy={busy}
        action={t('flow.identification.submit')}
        onSubmit={() => submit(withPassword ? { uid_field: uid, password } : { uid_field: uid })}
      >
        <FormErrors challenge={challenge} shown={['uid_field', 'password']} />
        {passkey.failed ? <Alert variant="danger" isInline title={t('flow.identification.passkeyFailed')} /> : null}
        <TextField
          id="uid_field"
          field="uid_field"
          label={t(uidLabel(challenge.user_fields))}
          value={uid}
          onChange={setUid}
          challenge={challenge}
          type={onlyEmail ? 'email' : 'text'}
          autoComplete={`${onlyEmail ? 'email' : 'username'}${passkey.offered ? ' webauthn' : ''}`}
          required
        />
        {withPassword ? (
          <TextField
            id="password"
            field="password"
            label={t('flow.password.label')}
            value={password}
            onChange={setPassword}
            challenge={challenge}
            type="password"
            autoComplete="current-password"
            required
          />
        ) : null}
      </StageForm>
      {passkey.offered ? (
        <Button variant="secondary" isBlock isDisabled={busy} onClick={() => void passkey.ask()}>
          {t('flow.identification.passkey')}
        </Button>
      ) : null}
      <Flex direction={{ default: 'column' }} spaceItems={{ default: 'spaceItemsSm' }} className="am-flow-links">
        {passwordless ? (
          <FlexItem>
            <a href={passwordless}>{t('flow.identification.passwordless')}</a>
          </FlexItem>
        ) : null}
        {recovery ? (
          <FlexItem>
            <a href={recovery}>{t('flow.identification.recovery')}</a>
          </FlexItem>
        ) : null}
        {enroll ? (
          <FlexItem>
            {t('flow.identification.noAccount')} <a href={enroll}>{t('flow.identification.enroll')}</a>
          </FlexItem>
        ) : null}
      </Flex>
      {sources.length > 0 ? (
        <ul className="am-sources" aria-label={t('flow.identification.sources')}>
          {sources.map((source) => (
            <li key={source.url}>
              <Button component="a" href={source.url} variant="secondary" isBlock>
                {t('flow.identification.sourceLogin', { name: source.name })}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
