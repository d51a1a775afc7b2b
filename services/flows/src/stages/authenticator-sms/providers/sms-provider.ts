import { OutboundRequestError, type OutboundClient, type OutboundResponse } from '@authmesh/outbound';

/** How an SMS authenticator stage reaches its provider; the credentials are write-only secrets. */
export interface SmsSettings {
  provider: 'twilio' | 'generic';
  from_number: string;
  /** Twilio: the account SID; generic: the URL to POST to. */
  account_sid: string;
  /** Twilio: the auth token; generic: bearer token or basic-auth username. */
  auth: string;
  /** Generic basic auth password. */
  auth_password: string;
  auth_type: 'basic' | 'bearer';
  /** Default https://api.twilio.com. */
  twilio_base_url?: string;
}

/** The message was not accepted by the provider. The message never holds credentials or the text that was to be sent. */
export class SmsDeliveryError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SmsDeliveryError';
  }
}

export const DEFAULT_TWILIO_BASE_URL = 'https://api.twilio.com';
const E164 = /^\+[1-9]\d{6,14}$/;
// Twilio refuses longer bodies (error 21617); refusing here keeps an oversized body off the wire.
const MAX_BODY_LENGTH = 1600;
// Text from the provider reaches error messages and logs; keep it short.
const MAX_PROVIDER_TEXT = 200;

/**
 * Sends one SMS through the configured provider. Resolves once the provider accepted it; rejects with
 * an `SmsDeliveryError` for an invalid number, a misconfiguration, an unreachable provider or a refusal.
 */
export async function sendSms(
  client: OutboundClient,
  settings: SmsSettings,
  to: string,
  body: string,
  /** The generic provider's JSON body, when a webhook mapping built it (default: From, To, Body). */
  payload?: Record<string, unknown>,
): Promise<void> {
  if (!E164.test(to)) throw new SmsDeliveryError('recipient is not an E.164 phone number');
  if (body.length === 0 || body.length > MAX_BODY_LENGTH)
    throw new SmsDeliveryError(`message body must be 1 to ${MAX_BODY_LENGTH} characters`);
  if (settings.from_number === '') throw new SmsDeliveryError('SMS provider has no sender number configured');
  // Settings come from the database; an unknown provider or auth type must not fall through to a default.
  if (settings.provider === 'twilio') return sendWithTwilio(client, settings, to, body);
  if (settings.provider === 'generic') return sendWithGeneric(client, settings, to, body, payload);
  throw new SmsDeliveryError('SMS provider is not supported');
}

async function sendWithTwilio(client: OutboundClient, settings: SmsSettings, to: string, body: string): Promise<void> {
  if (settings.account_sid === '' || settings.auth === '') throw new SmsDeliveryError('Twilio account SID or auth token is not configured');
  if (settings.account_sid.includes(':')) throw new SmsDeliveryError('Twilio account SID is malformed');
  const base = (settings.twilio_base_url ?? DEFAULT_TWILIO_BASE_URL).replace(/\/+$/, '');
  const url = `${base}/2010-04-01/Accounts/${encodeURIComponent(settings.account_sid)}/Messages.json`;
  const response = await post(client, url, 'Twilio', secretsOf(settings, body), {
    headers: {
      authorization: basicAuthorization(settings.account_sid, settings.auth),
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    },
    body: new URLSearchParams({ To: to, From: settings.from_number, Body: body }).toString(),
  });
  if (response.status === 201) return;
  const detail = twilioErrorDetail(response, secretsOf(settings, body));
  throw new SmsDeliveryError(`Twilio refused the message (HTTP ${response.status}${detail})`);
}

async function sendWithGeneric(
  client: OutboundClient,
  settings: SmsSettings,
  to: string,
  body: string,
  payload?: Record<string, unknown>,
): Promise<void> {
  const response = await post(client, settings.account_sid, 'generic SMS provider', secretsOf(settings, body), {
    headers: {
      authorization: genericAuthorization(settings),
      'content-type': 'application/json',
      accept: 'application/json',
    },
    body: JSON.stringify(payload ?? { From: settings.from_number, To: to, Body: body }),
  });
  if (response.status >= 200 && response.status < 300) return;
  throw new SmsDeliveryError(`generic SMS provider refused the message (HTTP ${response.status})`);
}

function genericAuthorization(settings: SmsSettings): string {
  if (settings.auth_type === 'bearer') {
    if (settings.auth === '') throw new SmsDeliveryError('generic SMS provider has no bearer token configured');
    // A control character would be refused by the HTTP layer anyway; refusing here keeps the reason plain.
    if (/[\0-\x1f\x7f]/.test(settings.auth)) throw new SmsDeliveryError('generic SMS provider bearer token is malformed');
    return `Bearer ${settings.auth}`;
  }
  if (settings.auth_type === 'basic') {
    // RFC 7617: a user-id containing ':' cannot be told apart from the password.
    if (settings.auth === '' || settings.auth.includes(':'))
      throw new SmsDeliveryError('generic SMS provider basic-auth username is malformed');
    return basicAuthorization(settings.auth, settings.auth_password);
  }
  throw new SmsDeliveryError('generic SMS provider auth type is not supported');
}

function basicAuthorization(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}

async function post(
  client: OutboundClient,
  url: string,
  providerName: string,
  secrets: string[],
  init: { headers: Record<string, string>; body: string },
): Promise<OutboundResponse> {
  try {
    return await client.request(url, { method: 'POST', ...init });
  } catch (error) {
    // OutboundRequestError messages name only the host; anything else is reduced to its name, never its text.
    const reason = error instanceof OutboundRequestError ? redact(error.message, secrets) : 'request failed';
    throw new SmsDeliveryError(`${providerName} could not be reached: ${reason}`);
  }
}

/** `, Twilio error <code>: <message>` from Twilio's JSON error body, or '' when it has none. */
function twilioErrorDetail(response: OutboundResponse, secrets: string[]): string {
  let error: unknown;
  try {
    error = response.json();
  } catch {
    return '';
  }
  if (typeof error !== 'object' || error === null) return '';
  const { code, message } = error as Record<string, unknown>;
  const parts: string[] = [];
  if (typeof code === 'number' && Number.isSafeInteger(code)) parts.push(`Twilio error ${code}`);
  if (typeof message === 'string' && message !== '') parts.push(redact(message, secrets));
  return parts.length === 0 ? '' : `, ${parts.join(': ')}`;
}

function secretsOf(settings: SmsSettings, body: string): string[] {
  return [settings.auth, settings.auth_password, body].filter((secret) => secret.length > 0);
}

// The provider is a remote party: it may echo what it was sent, so secrets and the body are cut out of its text.
function redact(text: string, secrets: string[]): string {
  let clean = text.replace(/[\0-\x1f\x7f]/g, ' ');
  for (const secret of secrets) clean = clean.split(secret).join('[redacted]');
  return clean.length > MAX_PROVIDER_TEXT ? `${clean.slice(0, MAX_PROVIDER_TEXT)}…` : clean;
}
