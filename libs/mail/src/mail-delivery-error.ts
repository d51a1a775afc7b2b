/** Thrown when a message could not be handed to the SMTP server; `retryable` says whether a later attempt may succeed. */
export class MailDeliveryError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    /** Nodemailer's error code (`ECONNECTION`, `EAUTH`, ...), when there was one. */
    readonly code?: string,
    /** The SMTP reply code, when the server answered with an error. */
    readonly responseCode?: number,
  ) {
    super(message);
    this.name = 'MailDeliveryError';
  }
}

/** The fields of a nodemailer error that we read; anything else on it (and the error itself) is dropped. */
interface TransportFailure {
  code?: unknown;
  originalCode?: unknown;
  responseCode?: unknown;
  response?: unknown;
  message?: unknown;
}

/** Lost or refused connections and timeouts: the server may well be there on the next attempt. */
const RETRYABLE_CODES = new Set(['ECONNECTION', 'ESOCKET', 'ETIMEDOUT', 'EDNS']);
/** An untrusted certificate or a TLS mode the server does not speak will not change by trying again. */
const TLS_PROBLEM = /CERT|SELF_SIGNED|UNABLE_TO_(?:GET|VERIFY)|ERR_TLS_|ERR_SSL_|HOSTNAME|ALTNAME/i;
const MAX_REASON = 300;

/**
 * Turns whatever the transport threw into a MailDeliveryError whose text names the server and the reason but
 * none of `secrets` (the SMTP password, in every encoding it travels in). The original error is deliberately
 * not kept as `cause`: it and the objects it points to may carry the credentials.
 */
export function toMailDeliveryError(error: unknown, server: string, secrets: string[]): MailDeliveryError {
  const failure: TransportFailure = typeof error === 'object' && error !== null ? error : { message: String(error) };
  const code = typeof failure.code === 'string' ? failure.code : undefined;
  const originalCode = typeof failure.originalCode === 'string' ? failure.originalCode : undefined;
  const responseCode = typeof failure.responseCode === 'number' ? failure.responseCode : undefined;
  const reason = shorten(redact(describe(failure, code, originalCode), secrets));
  return new MailDeliveryError(
    `sending mail through ${server} failed: ${reason}`,
    isRetryable(code, originalCode, responseCode),
    code,
    responseCode,
  );
}

function isRetryable(code: string | undefined, originalCode: string | undefined, responseCode: number | undefined): boolean {
  if (code === 'EAUTH' || code === 'ENOAUTH') return false;
  // RFC 5321: 4yz replies are transient, 5yz permanent; 503 only says the session was in the wrong state.
  if (responseCode !== undefined) return responseCode < 500 || responseCode === 503;
  if (originalCode !== undefined && TLS_PROBLEM.test(originalCode)) return false;
  return code !== undefined && RETRYABLE_CODES.has(code);
}

function describe(failure: TransportFailure, code: string | undefined, originalCode: string | undefined): string {
  const message = typeof failure.message === 'string' && failure.message !== '' ? failure.message : 'unknown error';
  const codes = [code, originalCode].filter((value) => value !== undefined && !message.includes(value));
  return codes.length ? `${message} (${codes.join(', ')})` : message;
}

/** Server replies end up in the message; keep them on one line and short enough for a log entry. */
function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_REASON ? `${oneLine.slice(0, MAX_REASON)}…` : oneLine;
}

function redact(text: string, secrets: string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length > 0) result = result.split(secret).join('[redacted]');
  }
  return result;
}
