import { createTransport, type SMTPTransportOptions, type Transporter } from 'nodemailer';
import { MailDeliveryError, toMailDeliveryError } from './mail-delivery-error.js';
import { isSingleAddress, validateSmtpSettings, type SmtpSettings } from './smtp-settings.js';

/** One message to one recipient, with a plain-text and an HTML body. */
export interface OutgoingMail {
  /** A single bare address; lists and display names are refused so a crafted value cannot add a recipient. */
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Delivers messages through one SMTP server, opening a fresh connection for each. */
export class MailSender {
  private readonly transport: Transporter;
  private readonly server: string;
  private readonly secrets: string[];

  /** Throws MailDeliveryError (not retryable) when the settings do not pass validateSmtpSettings. */
  constructor(private readonly settings: SmtpSettings) {
    const problems = Object.entries(validateSmtpSettings(settings));
    this.server = `${String(settings.host)}:${String(settings.port)}`;
    if (problems.length) {
      const summary = problems.map(([field, messages]) => `${field}: ${messages.join(' ')}`).join('; ');
      throw new MailDeliveryError(`invalid SMTP settings for ${this.server}: ${summary}`, false, 'ECONFIG');
    }
    this.secrets = credentialForms(settings.username, settings.password);
    this.transport = createTransport(transportOptions(settings));
  }

  /** Sends one message; resolves with the Message-ID, rejects with MailDeliveryError. */
  async send(mail: OutgoingMail): Promise<{ messageId: string }> {
    if (!isSingleAddress(mail.to)) throw new MailDeliveryError('the recipient is not a single e-mail address', false, 'EENVELOPE');
    try {
      const info = await this.transport.sendMail({
        from: this.settings.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
      });
      return { messageId: String(info.messageId) };
    } catch (error) {
      throw toMailDeliveryError(error, this.server, this.secrets);
    }
  }

  /** Connects, upgrades to TLS as configured and authenticates, then hangs up; for the "test" action of the settings. */
  async verify(): Promise<void> {
    try {
      await this.transport.verify();
    } catch (error) {
      throw toMailDeliveryError(error, this.server, this.secrets);
    }
  }
}

function transportOptions(settings: SmtpSettings): SMTPTransportOptions {
  const timeoutMs = settings.timeoutSeconds * 1000;
  const authenticate = settings.username !== '';
  return {
    host: settings.host,
    port: settings.port,
    secure: settings.useSsl,
    requireTLS: settings.useTls,
    // Without either flag the administrator chose a plain connection; an opportunistic upgrade could fail on a certificate they never configured.
    ignoreTLS: !settings.useTls && !settings.useSsl,
    auth: authenticate ? { user: settings.username, pass: settings.password } : undefined,
    // Configured credentials are used or the delivery fails; never silently send unauthenticated.
    forceAuth: authenticate,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    dnsTimeout: timeoutMs,
    tls: settings.caPem ? { ca: settings.caPem } : undefined,
    logger: false,
    debug: false,
    // Message content is our own text; it must never make the transport read a file or fetch a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

/** The password as typed and as it travels in AUTH LOGIN and AUTH PLAIN, so none of them can reach an error text. */
function credentialForms(username: string, password: string): string[] {
  if (password === '') return [];
  const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
  return [
    password,
    base64(password),
    base64(`\u0000${username}\u0000${password}`),
    base64(`${username}\u0000${username}\u0000${password}`),
  ];
}
