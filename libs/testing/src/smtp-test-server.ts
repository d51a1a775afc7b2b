import { KeyObject, timingSafeEqual, webcrypto } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { SMTPServer, SMTPServerOptions } from 'smtp-server';

export interface SmtpTestServerOptions {
  /** Implicit TLS from the first byte (port 465 style). */
  secure?: boolean;
  /** Offer STARTTLS on the plain connection; authentication is then only accepted after the upgrade. */
  starttls?: boolean;
  /** Require AUTH PLAIN/LOGIN with exactly these credentials; without it AUTH is not offered at all. */
  auth?: { username: string; password: string };
}

/** One message the test server accepted: envelope addresses, and the content as mailparser read it. */
export interface ReceivedMail {
  /** MAIL FROM address of the envelope. */
  from: string;
  /** RCPT TO addresses of the envelope. */
  to: string[];
  subject: string;
  text: string;
  html: string;
}

export interface SmtpTestServer {
  host: '127.0.0.1';
  port: number;
  /** Every accepted message, oldest first. */
  messages: ReceivedMail[];
  /** Resolves with the first message (already received or still to come) that matches; 5 s by default. */
  waitForMessage(predicate?: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  /** PEM of the self-signed certificate in the TLS modes, for `SmtpSettings.caPem`. */
  caPem?: string;
  close(): Promise<void>;
}

interface Waiter {
  predicate: (mail: ReceivedMail) => boolean;
  resolve: (mail: ReceivedMail) => void;
}

const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

/** Starts an SMTP server on 127.0.0.1 (free port) that keeps every message it is sent, for tests of mail delivery. */
export async function startSmtpTestServer(options: SmtpTestServerOptions = {}): Promise<SmtpTestServer> {
  if (options.secure && options.starttls) throw new Error('choose either secure (implicit TLS) or starttls, not both');
  // Loaded on first use, so suites that import @authmesh/testing for other helpers do not load the mail stack.
  const [{ SMTPServer }, { simpleParser }] = await Promise.all([import('smtp-server'), import('mailparser')]);
  const tlsMode = Boolean(options.secure || options.starttls);
  const certificate = tlsMode ? await generateLoopbackCertificate() : undefined;
  const messages: ReceivedMail[] = [];
  let waiters: Waiter[] = [];

  const receive = (mail: ReceivedMail): void => {
    messages.push(mail);
    const matched = waiters.filter((waiter) => waiter.predicate(mail));
    waiters = waiters.filter((waiter) => !matched.includes(waiter));
    for (const waiter of matched) waiter.resolve(mail);
  };

  const serverOptions: SMTPServerOptions = {
    secure: Boolean(options.secure),
    key: certificate?.privateKeyPem,
    cert: certificate?.certificatePem,
    logger: false,
    disableReverseLookup: true,
    size: MAX_MESSAGE_BYTES,
    rejectOversized: true,
    closeTimeout: 1_000,
    disabledCommands: [...(options.starttls ? [] : ['STARTTLS']), ...(options.auth ? [] : ['AUTH'])],
    authOptional: !options.auth,
    // On a plain server credentials can only travel in clear text; in the STARTTLS mode they must wait for the upgrade.
    allowInsecureAuth: !tlsMode,
    onAuth(auth, _session, callback) {
      const expected = options.auth;
      if (expected && sameText(auth.username ?? '', expected.username) && sameText(auth.password ?? '', expected.password)) {
        callback(null, { user: auth.username });
        return;
      }
      callback(Object.assign(new Error('Authentication credentials invalid'), { responseCode: 535 }));
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          receive({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((recipient) => recipient.address),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: parsed.html || '',
          });
          callback();
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    },
  };
  const server = new SMTPServer(serverOptions);
  const port = await listen(server);

  return {
    host: '127.0.0.1',
    port,
    messages,
    caPem: certificate?.certificatePem,
    waitForMessage(predicate = () => true, timeoutMs = 5_000) {
      const existing = messages.find(predicate);
      if (existing) return Promise.resolve(existing);
      return new Promise((resolve, reject) => {
        const waiter: Waiter = {
          predicate,
          resolve: (mail) => {
            clearTimeout(timer);
            resolve(mail);
          },
        };
        const timer = setTimeout(() => {
          waiters = waiters.filter((other) => other !== waiter);
          reject(new Error(`no matching message arrived within ${timeoutMs} ms (${messages.length} received)`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function listen(server: SMTPServer): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      // Later errors belong to single connections (a client that hung up); they must not crash the test run.
      server.on('error', () => undefined);
      resolve((server.server.address() as AddressInfo).port);
    });
  });
}

function sameText(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A one-day self-signed ECDSA certificate for the IP address 127.0.0.1, which is what clients check when they dial it. */
async function generateLoopbackCertificate(): Promise<{ certificatePem: string; privateKeyPem: string }> {
  // @peculiar/x509 resolves its services through tsyringe, which needs the Reflect metadata API.
  await import('reflect-metadata');
  const x509 = await import('@peculiar/x509');
  // Node's webcrypto implements the standard Crypto interface; the cast only bridges the DOM and Node declarations.
  x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
  const notBefore = new Date(Date.now() - 60_000);
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: positiveSerialNumber(),
    name: 'CN=authmesh SMTP test server',
    notBefore,
    notAfter: new Date(notBefore.getTime() + 86_400_000),
    keys,
    signingAlgorithm: algorithm,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyCertSign, true),
      new x509.SubjectAlternativeNameExtension([
        { type: 'ip', value: '127.0.0.1' },
        { type: 'dns', value: 'localhost' },
      ]),
    ],
  });
  const privateKeyPem = KeyObject.from(keys.privateKey).export({ type: 'pkcs8', format: 'pem' }).toString();
  return { certificatePem: certificate.toString('pem'), privateKeyPem };
}

/** 16 random bytes with the top bit clear (positive) and the next set (no leading zero byte). */
function positiveSerialNumber(): string {
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0] = (bytes[0] & 0x3f) | 0x40;
  return Buffer.from(bytes).toString('hex');
}
