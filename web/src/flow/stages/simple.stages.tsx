import { Alert, Button, Checkbox, Content, List, ListItem } from '@patternfly/react-core';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import { stringOf, type StageProps } from '../challenge';
import { FormErrors, StageForm } from '../stage-kit';
import { PendingUser } from './pending-user';

/** ak-stage-consent: what the application asks for; agreeing returns the one-time token. */
export function ConsentStage({ challenge, submit, busy }: StageProps) {
  const { t } = useI18n();
  const list = (value: unknown) => (Array.isArray(value) ? (value as { id: string; name: string }[]) : []);
  const permissions = list(challenge.permissions);
  const additional = list(challenge.additional_permissions);
  return (
    <StageForm busy={busy} action={t('flow.consent.accept')} onSubmit={() => submit({ token: stringOf(challenge, 'token') })}>
      <PendingUser username={stringOf(challenge, 'pending_user')} />
      <FormErrors challenge={challenge} shown={[]} />
      <Content component="p">{stringOf(challenge, 'header_text')}</Content>
      {permissions.length > 0 ? (
        <>
          <Content component="p">{t('flow.consent.permissions')}</Content>
          <List>
            {permissions.map((p) => (
              <ListItem key={p.id}>{p.name || p.id}</ListItem>
            ))}
          </List>
        </>
      ) : null}
      {additional.length > 0 ? (
        <>
          <Content component="p">{t('flow.consent.additional')}</Content>
          <List>
            {additional.map((p) => (
              <ListItem key={p.id}>{p.name || p.id}</ListItem>
            ))}
          </List>
        </>
      ) : null}
    </StageForm>
  );
}

/** ak-stage-access-denied: the reason, and a way back to the start. */
export function AccessDeniedStage({ challenge }: StageProps) {
  const { t } = useI18n();
  const message = stringOf(challenge, 'error_message');
  return (
    <>
      <Alert variant="danger" isInline title={t('flow.denied.title')}>
        {message ? <p>{message}</p> : null}
      </Alert>
      <p className="am-flow-links">
        <a href="/flows/-/cancel/">{t('flow.denied.restart')}</a>
      </p>
    </>
  );
}

/** ak-stage-email: the link is on its way; answering asks for another message. */
export function EmailStage({ challenge, submit, busy }: StageProps) {
  const { t } = useI18n();
  return (
    <StageForm busy={busy} action={t('flow.email.resend')} onSubmit={() => submit({})}>
      <FormErrors challenge={challenge} shown={[]} />
      <Content component="p">{t('flow.email.sent')}</Content>
    </StageForm>
  );
}

/**
 * Stages that only need a nod: ak-stage-dummy, and the invitation, user write, delete and
 * logout stages should they ever ask.
 */
export function ContinueStage({ challenge, submit, busy }: StageProps) {
  const { t } = useI18n();
  return (
    <StageForm busy={busy} action={t('flow.continue')} onSubmit={() => submit({})}>
      <FormErrors challenge={challenge} shown={[]} />
    </StageForm>
  );
}

/** ak-stage-user-login: asks whether to stay signed in when the stage offers it. */
export function UserLoginStage({ challenge, submit, busy }: StageProps) {
  const { t } = useI18n();
  const [remember, setRemember] = useState(false);
  return (
    <StageForm busy={busy} action={t('flow.continue')} onSubmit={() => submit({ remember_me: remember })}>
      <FormErrors challenge={challenge} shown={[]} />
      <Checkbox id="remember_me" label={t('flow.login.rememberMe')} isChecked={remember} onChange={(_e, checked) => setRemember(checked)} />
    </StageForm>
  );
}

/** The captcha providers' render APIs we drive (reCAPTCHA, hCaptcha and Turnstile share this shape). */
interface CaptchaApi {
  render(element: HTMLElement, options: { sitekey: string; callback(token: string): void }): unknown;
}

function captchaApi(): CaptchaApi | undefined {
  const globals = window as unknown as Record<string, CaptchaApi | undefined>;
  return globals.turnstile ?? globals.hcaptcha ?? globals.grecaptcha;
}

/** ak-stage-captcha: loads the provider's widget script and answers with its token. */
export function CaptchaStage({ challenge, submit, busy }: StageProps) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const [token, setToken] = useState('');
  const jsUrl = stringOf(challenge, 'js_url');
  const siteKey = stringOf(challenge, 'site_key');

  useEffect(() => {
    let done = false;
    const render = () => {
      const api = captchaApi();
      if (!api || !box.current || done) return setFailed(!api);
      done = true;
      api.render(box.current, { sitekey: siteKey, callback: (value) => setToken(value) });
    };
    if (captchaApi()) return render();
    const script = document.createElement('script');
    script.src = jsUrl;
    script.async = true;
    script.onload = () => window.setTimeout(render, 0);
    script.onerror = () => setFailed(true);
    document.head.appendChild(script);
    return () => {
      done = true;
    };
  }, [jsUrl, siteKey]);

  return (
    <StageForm busy={busy} action={t('flow.continue')} onSubmit={() => submit({ token })}>
      <FormErrors challenge={challenge} shown={[]} />
      {failed ? <Alert variant="danger" isInline title={t('flow.captcha.failed')} /> : null}
      <div ref={box} className="am-captcha" data-testid="captcha" />
    </StageForm>
  );
}

/** ak-stage-autosubmit: a form that posts itself to another site (e.g. a SAML response). */
export function AutosubmitStage({ challenge }: StageProps) {
  const { t } = useI18n();
  const form = useRef<HTMLFormElement>(null);
  const attrs = (challenge.attrs ?? {}) as Record<string, string>;
  useEffect(() => {
    form.current?.submit();
  }, []);
  return (
    <form ref={form} method="post" action={stringOf(challenge, 'url')}>
      {Object.entries(attrs).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={String(value)} />
      ))}
      <Content component="p">{stringOf(challenge, 'title') || t('flow.autosubmit.title')}</Content>
      <Button type="submit" variant="primary">
        {t('flow.continue')}
      </Button>
    </form>
  );
}
