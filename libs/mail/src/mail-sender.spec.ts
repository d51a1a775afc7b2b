import { inspect } from 'node:util';
import { freePort, startSmtpTestServer, type SmtpTestServer } from '@authmesh/testing';
import { MailDeliveryError } from './mail-delivery-error.js';
import { MailSender, type OutgoingMail } from './mail-sender.js';
import type { SmtpSettings } from './smtp-settings.js';

// Real sockets and TLS handshakes, and on first use the mail stack is loaded (and transformed when the cache is cold):
// on a busy machine that outgrows Jest's 5 s default, although nothing here waits on a timer.
jest.setTimeout(30_000);

const PASSWORD = 'Tr0ub4dor-and-3';
const mail: OutgoingMail = {
  to: 'jane@example.com',
  subject: 'Reset your password',
  text: 'Open the link.',
  html: '<p>Open the link.</p>',
};

function settingsFor(server: { port: number }, overrides: Partial<SmtpSettings> = {}): SmtpSettings {
  return {
    host: '127.0.0.1',
    port: server.port,
    username: '',
    password: '',
    useTls: false,
    useSsl: false,
    timeoutSeconds: 10,
    from: 'authmesh <noreply@authmesh.example>',
    ...overrides,
  };
}

async function failureOf(promise: Promise<unknown>): Promise<MailDeliveryError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(MailDeliveryError);
  return error as MailDeliveryError;
}

describe('MailSender', () => {
  let server: SmtpTestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('delivers a message with both bodies over a plain connection', async () => {
    server = await startSmtpTestServer();
    const { messageId } = await new MailSender(settingsFor(server)).send(mail);

    const received = await server.waitForMessage((message) => message.to.includes('jane@example.com'));
    expect(messageId).toMatch(/^<.+@.+>$/);
    expect(received).toEqual({
      from: 'noreply@authmesh.example',
      to: ['jane@example.com'],
      subject: 'Reset your password',
      text: 'Open the link.',
      html: '<p>Open the link.</p>',
    });
  });

  it('upgrades with STARTTLS and trusts the configured CA', async () => {
    server = await startSmtpTestServer({ starttls: true });
    await new MailSender(settingsFor(server, { useTls: true, caPem: server.caPem })).send(mail);

    expect((await server.waitForMessage()).subject).toBe('Reset your password');
  });

  it('refuses a STARTTLS server whose certificate it does not trust, without retry', async () => {
    server = await startSmtpTestServer({ starttls: true });
    const error = await failureOf(new MailSender(settingsFor(server, { useTls: true })).send(mail));

    expect(error.retryable).toBe(false);
    expect(server.messages).toHaveLength(0);
  });

  it('fails instead of sending in clear text when STARTTLS is required but not offered', async () => {
    server = await startSmtpTestServer();
    const error = await failureOf(new MailSender(settingsFor(server, { useTls: true })).send(mail));

    expect(error.retryable).toBe(false);
    expect(server.messages).toHaveLength(0);
  });

  it('delivers over implicit TLS', async () => {
    server = await startSmtpTestServer({ secure: true });
    await new MailSender(settingsFor(server, { useSsl: true, caPem: server.caPem })).send(mail);

    expect((await server.waitForMessage()).to).toEqual(['jane@example.com']);
  });

  it('authenticates with the configured credentials', async () => {
    server = await startSmtpTestServer({ starttls: true, auth: { username: 'mailer', password: PASSWORD } });
    const sender = new MailSender(settingsFor(server, { useTls: true, caPem: server.caPem, username: 'mailer', password: PASSWORD }));

    await expect(sender.verify()).resolves.toBeUndefined();
    await sender.send(mail);
    expect((await server.waitForMessage()).subject).toBe('Reset your password');
  });

  it('reports a wrong password as final and never repeats the password in any form', async () => {
    server = await startSmtpTestServer({ auth: { username: 'mailer', password: 'the-right-one' } });
    const sender = new MailSender(settingsFor(server, { username: 'mailer', password: PASSWORD }));

    for (const error of [await failureOf(sender.send(mail)), await failureOf(sender.verify())]) {
      expect(error.retryable).toBe(false);
      expect(error.code).toBe('EAUTH');
      const everything = `${error.message}\n${error.stack ?? ''}\n${inspect(error, { depth: 10, showHidden: true })}`;
      for (const form of [PASSWORD, Buffer.from(PASSWORD).toString('base64'), Buffer.from(`\0mailer\0${PASSWORD}`).toString('base64')]) {
        expect(everything).not.toContain(form);
      }
    }
    expect(server.messages).toHaveLength(0);
  });

  it('does not fall back to sending unauthenticated when the server offers no AUTH', async () => {
    server = await startSmtpTestServer();
    const error = await failureOf(new MailSender(settingsFor(server, { username: 'mailer', password: PASSWORD })).send(mail));

    expect(error.retryable).toBe(false);
    expect(error.message).not.toContain(PASSWORD);
    expect(server.messages).toHaveLength(0);
  });

  it('reports a server that is not listening as retryable', async () => {
    const error = await failureOf(new MailSender(settingsFor({ port: await freePort() })).send(mail));

    expect(error.retryable).toBe(true);
    expect(error.message).toContain('127.0.0.1');
  });

  it.each(['jane@example.com, mallory@example.com', 'Jane <jane@example.com>', 'jane@example.com\r\nBcc: mallory@example.com', ''])(
    'refuses the recipient %j, which is not a single address',
    async (to) => {
      server = await startSmtpTestServer();
      const error = await failureOf(new MailSender(settingsFor(server)).send({ ...mail, to }));

      expect(error.retryable).toBe(false);
      expect(server.messages).toHaveLength(0);
    },
  );

  it('refuses settings that ask for STARTTLS and implicit TLS at once', () => {
    expect(() => new MailSender(settingsFor({ port: 465 }, { useTls: true, useSsl: true }))).toThrow(/use_ssl/);
  });

  it('keeps the password out of the error for invalid settings', () => {
    let thrown: unknown;
    try {
      new MailSender(settingsFor({ port: 0 }, { username: 'mailer', password: 'line\nbreak-secret' }));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MailDeliveryError);
    expect((thrown as Error).message).toContain('password');
    expect((thrown as Error).message).not.toContain('break-secret');
  });
});
