import { X509Certificate } from 'node:crypto';

/** How to reach an SMTP server: the installation's global settings or an e-mail stage's own. */
export interface SmtpSettings {
  host: string;
  port: number;
  /** Empty: no authentication. */
  username: string;
  password: string;
  /** STARTTLS upgrade on a plain connection; delivery fails when the server does not offer it. */
  useTls: boolean;
  /** Implicit TLS from the first byte (port 465 style); useTls and useSsl together are invalid. */
  useSsl: boolean;
  /** Limit for connecting, for the greeting and for each later wait on the server. */
  timeoutSeconds: number;
  /** Sender, `user@example.com` or `Name <user@example.com>`. */
  from: string;
  /** For tests and private CAs: trust this PEM CA (instead of the system roots) when verifying the server. */
  caPem?: string;
}

const MAX_TEXT = 255;
const MAX_TIMEOUT_SECONDS = 600;
const MAX_CA_PEM = 256 * 1024;
// One address, optionally behind a display name; no quoting, comments or groups, so nothing can smuggle a second one.
const ADDRESS = String.raw`[^\s@<>,;:"()\[\]\\]+@[^\s@<>,;:"()\[\]\\]+`;
const SINGLE_ADDRESS = new RegExp(`^${ADDRESS}$`);
const FROM_ADDRESS = new RegExp(`^(?:[^<>\\r\\n"]*<${ADDRESS}>|${ADDRESS})$`);
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;
const CERTIFICATE_BLOCK = /-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\s]+?-----END CERTIFICATE-----/;

/**
 * Checks settings before they are stored or used; `{}` when valid, otherwise API field name → messages
 * (`host`, `port`, `username`, `password`, `use_tls`, `use_ssl`, `timeout`, `from_address`, `ca_pem`).
 * Messages never repeat the password.
 */
export function validateSmtpSettings(settings: SmtpSettings): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const add = (field: string, message: string): void => {
    (errors[field] ??= []).push(message);
  };
  const { host, port, username, password, useTls, useSsl, timeoutSeconds, from, caPem } = settings;

  if (typeof host !== 'string' || host.trim() === '') add('host', 'Enter the host name or IP address of the SMTP server.');
  else if (host.length > MAX_TEXT || /\s/.test(host) || CONTROL_CHARACTER.test(host)) add('host', 'Enter a host name without spaces.');
  if (!Number.isInteger(port) || port < 1 || port > 65535) add('port', 'Enter a port between 1 and 65535.');
  if (typeof username !== 'string' || username.length > MAX_TEXT || CONTROL_CHARACTER.test(username)) {
    add('username', `Enter at most ${MAX_TEXT} characters without line breaks.`);
  }
  if (typeof password !== 'string' || password.length > MAX_TEXT || CONTROL_CHARACTER.test(password)) {
    add('password', `Enter at most ${MAX_TEXT} characters without line breaks.`);
  }
  if (typeof useTls !== 'boolean') add('use_tls', 'Must be true or false.');
  if (typeof useSsl !== 'boolean') add('use_ssl', 'Must be true or false.');
  if (useTls === true && useSsl === true) {
    add('use_ssl', 'Choose STARTTLS (use_tls) or implicit TLS (use_ssl), not both.');
  }
  if (!Number.isInteger(timeoutSeconds) || timeoutSeconds < 1 || timeoutSeconds > MAX_TIMEOUT_SECONDS) {
    add('timeout', `Enter a whole number of seconds between 1 and ${MAX_TIMEOUT_SECONDS}.`);
  }
  if (typeof from !== 'string' || from.length > MAX_TEXT || !FROM_ADDRESS.test(from.trim())) {
    add('from_address', 'Enter one e-mail address, optionally as "Name <address>".');
  }
  if (caPem !== undefined && !isCertificatePem(caPem)) add('ca_pem', 'Enter a PEM-encoded CA certificate.');
  return errors;
}

/** True for exactly one bare e-mail address (no display name, no list). */
export function isSingleAddress(value: string): boolean {
  return typeof value === 'string' && value.length <= 254 && SINGLE_ADDRESS.test(value);
}

function isCertificatePem(pem: string): boolean {
  if (typeof pem !== 'string' || pem.length > MAX_CA_PEM) return false;
  const block = CERTIFICATE_BLOCK.exec(pem)?.[0];
  if (!block) return false;
  try {
    new X509Certificate(block);
    return true;
  } catch {
    return false;
  }
}
