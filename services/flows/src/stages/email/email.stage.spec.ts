import type { SmtpSettings } from '@authmesh/mail';
import { freePort, startSmtpTestServer, type SmtpTestServer } from '@authmesh/testing';
import { CLIENT_IP, stageContext, testUser, type StageContextOverrides } from '../../../test/stage-context.js';
import { emailStage } from './email.stage.js';

// Real SMTP over loopback, and on first use the mail stack is loaded (and transformed when the cache is cold).
jest.setTimeout(30_000);

const SMTP_PASSWORD = 'smtp-password-never-logged';
const ALICE = testUser({ pk: '7', username: 'alice', name: 'Alice', email: 'alice@example.com' });
const NO_MAIL = testUser({ pk: '8', username: 'nomail', email: '' });
const SENT = { kind: 'challenge', challenge: {} };

let smtp: SmtpTestServer;

beforeEach(async () => {
  smtp = await startSmtpTestServer();
});
afterEach(() => smtp.close());

/** The stage's own SMTP settings, pointing at `port` on loopback. */
const stageSmtp = (port: number) => ({
  host: '127.0.0.1',
  port,
  username: '',
  password: SMTP_PASSWORD,
  use_tls: false,
  use_ssl: false,
  timeout: 10,
  from_address: 'authmesh <noreply@authmesh.example>',
});

const globalSmtp = (port: number): SmtpSettings => ({
  host: '127.0.0.1',
  port,
  username: '',
  password: '',
  useTls: false,
  useSsl: false,
  timeoutSeconds: 10,
  from: 'global <global@authmesh.example>',
});

function build(overrides: StageContextOverrides = {}) {
  return stageContext({
    users: [{ user: ALICE }, { user: NO_MAIL }],
    plan: { pending_user: '7' },
    binding: { pk: 'email-binding' },
    ...overrides,
    settings: { ...stageSmtp(smtp.port), ...overrides.settings },
  });
}

const stage = () => emailStage(globalSmtp(1));

describe('emailStage: sending the link', () => {
  it('mails the pending user a link that resumes this flow with a fresh flow token, and waits', async () => {
    const { ctx, response } = build();
    expect(await stage().challenge(ctx)).toEqual(SENT);
    expect(response.flowTokens).toEqual([{ minutes: 30, secret: 'flow-token-secret-1' }]);
    expect(smtp.messages).toHaveLength(1);
    const [mail] = smtp.messages;
    expect(mail.to).toEqual(['alice@example.com']);
    expect(mail.from).toBe('noreply@authmesh.example');
    expect(mail.text).toContain('https://auth.example.com/if/flow/default-authentication-flow/?flow_token=flow-token-secret-1');
    expect(ctx.plan.email_sent).toBe('email-binding');
  });

  it('uses the configured expiry, template and subject', async () => {
    const { ctx, response } = build({ settings: { token_expiry: 5, template: 'email/password_reset.html', subject: 'Reset it' } });
    await stage().challenge(ctx);
    expect(response.flowTokens).toEqual([{ minutes: 5, secret: expect.any(String) }]);
    expect(smtp.messages[0].subject).toBe('Reset it');
    expect(smtp.messages[0].text).toContain('5 minutes');
  });

  it('uses the template’s own subject when none is configured', async () => {
    const { ctx } = build({ settings: { template: 'email/password_reset.html' } });
    await stage().challenge(ctx);
    expect(smtp.messages[0].subject).toBe('Choose a new password for authmesh');
  });

  it('links over plain http when the browser came over http', async () => {
    const { ctx } = build({ request: { secure: false, host: 'localhost:9000' } });
    await stage().challenge(ctx);
    expect(smtp.messages[0].text).toContain('http://localhost:9000/if/flow/default-authentication-flow/?flow_token=');
  });

  it('sends through the global settings when the stage says so', async () => {
    const { ctx } = build({ settings: { use_global_settings: true, port: 1 } });
    expect(await emailStage(globalSmtp(smtp.port)).challenge(ctx)).toEqual(SENT);
    expect(smtp.messages.map((m) => m.from)).toEqual(['global@authmesh.example']);
  });

  it('records that the message was sent, without the link', async () => {
    const { ctx, events } = build();
    await stage().challenge(ctx);
    expect(events).toEqual([
      {
        action: 'email_sent',
        user: ALICE,
        clientIp: CLIENT_IP,
        context: { to: 'alice@example.com', subject: expect.any(String), template: 'generic' },
      },
    ]);
    expect(JSON.stringify(events)).not.toContain('flow-token-secret');
  });

  it('does not send again when the page is reloaded after sending', async () => {
    const { ctx, response } = build({ plan: { pending_user: '7', email_sent: 'email-binding' } });
    expect(await stage().challenge(ctx)).toEqual(SENT);
    expect(smtp.messages).toEqual([]);
    expect(response.flowTokens).toEqual([]);
  });

  it('sends again when the user asks for it (submit)', async () => {
    const { ctx } = build({ plan: { pending_user: '7', email_sent: 'email-binding' } });
    expect(await stage().submit(ctx, {})).toEqual(SENT);
    expect(smtp.messages).toHaveLength(1);
  });

  it('sends for this binding even when another e-mail binding already sent', async () => {
    const { ctx } = build({ plan: { pending_user: '7', email_sent: 'other-binding' } });
    await stage().challenge(ctx);
    expect(smtp.messages).toHaveLength(1);
    expect(ctx.plan.email_sent).toBe('email-binding');
  });
});

describe('emailStage: no enumeration', () => {
  it.each([
    ['no user is pending', {}],
    ['the pending user no longer exists', { pending_user: '404' }],
    ['the pending user has no address', { pending_user: '8' }],
  ])('shows the same waiting screen and sends nothing when %s', async (_, plan) => {
    const { ctx, response, events } = build({ plan });
    expect(await stage().challenge(ctx)).toEqual(SENT);
    expect(smtp.messages).toEqual([]);
    expect(response.flowTokens).toEqual([]);
    expect(response.cookies).toEqual([]);
    expect(events).toEqual([]);
    expect(ctx.plan.email_sent).toBe('email-binding');
  });
});

describe('emailStage: delivery failures', () => {
  it('asks to try again and does not mark the message as sent when the SMTP server cannot be reached', async () => {
    const closedPort = await freePort();
    const { ctx, events, log } = build({ settings: stageSmtp(closedPort) });
    expect(await stage().challenge(ctx)).toEqual({
      kind: 'invalid',
      errors: { non_field_errors: ['The e-mail could not be sent. Try again in a moment.'] },
      failedAttempt: false,
    });
    expect(ctx.plan.email_sent).toBeUndefined();
    expect(events).toEqual([]);
    expect(log.lines()).toEqual([expect.objectContaining({ level: 'warn', msg: 'e-mail not sent' })]);
    expect(log.text()).not.toContain(SMTP_PASSWORD);
  });

  it('sends on the next try once the server is back', async () => {
    const closedPort = await freePort();
    const { ctx } = build({ settings: stageSmtp(closedPort) });
    expect((await stage().challenge(ctx)).kind).toBe('invalid');
    ctx.settings.port = smtp.port;
    expect(await stage().challenge(ctx)).toEqual(SENT);
    expect(smtp.messages).toHaveLength(1);
  });

  it('fails closed when the stage’s SMTP settings are invalid', async () => {
    const { ctx } = build({ settings: { host: '' } });
    expect((await stage().challenge(ctx)).kind).toBe('invalid');
    expect(ctx.plan.email_sent).toBeUndefined();
  });
});

describe('emailStage: after the link was followed', () => {
  it('continues without sending anything', async () => {
    const { ctx, identity } = build({ plan: { pending_user: '7', email_sent: 'email-binding', email_verified: 'email-binding' } });
    expect(await stage().challenge(ctx)).toEqual({ kind: 'next' });
    expect(await stage().submit(ctx, {})).toEqual({ kind: 'next' });
    expect(smtp.messages).toEqual([]);
    expect(identity.callsOf('writeUser')).toEqual([]);
  });

  it('does not count a link followed for another e-mail binding', async () => {
    const { ctx } = build({ plan: { pending_user: '7', email_verified: 'other-binding' } });
    expect(await stage().challenge(ctx)).toEqual(SENT);
    expect(smtp.messages).toHaveLength(1);
  });

  it('activates the user when configured', async () => {
    const { ctx, identity } = build({
      settings: { activate_user_on_success: true },
      plan: { pending_user: '7', email_verified: 'email-binding' },
    });
    expect(await stage().challenge(ctx)).toEqual({ kind: 'next' });
    expect(identity.callsOf('writeUser')).toEqual([
      { user_pk: '7', fields_json: JSON.stringify({ is_active: true }), password: '', add_group_pk: '', client_ip: CLIENT_IP },
    ]);
  });

  it('does not continue when core refuses the activation', async () => {
    const { ctx, identity } = build({
      settings: { activate_user_on_success: true },
      plan: { pending_user: '7', email_verified: 'email-binding' },
    });
    identity.writeErrors = { non_field_errors: ['not written'] };
    expect(await stage().challenge(ctx)).toEqual({
      kind: 'invalid',
      errors: { non_field_errors: ['The account could not be activated.'] },
      failedAttempt: false,
    });
  });
});
