import type { Logger } from '@authmesh/logger';
import { OutboundRequestError, type OutboundClient, type OutboundResponse } from '@authmesh/outbound';

/** reCAPTCHA v3 scores below this (Google's suggested default) are taken for a bot. */
export const MIN_CAPTCHA_SCORE = 0.5;

/** One token to check against a siteverify endpoint (reCAPTCHA, hCaptcha and Turnstile alike). */
export interface CaptchaVerification {
  apiUrl: string;
  privateKey: string;
  token: string;
  clientIp: string;
}

// Codes that mean the stage itself is misconfigured, so every login would fail until an admin acts.
const MISCONFIGURATION_CODES = new Set(['missing-input-secret', 'invalid-input-secret', 'invalid-keys', 'sitekey-secret-mismatch']);

/**
 * Asks the siteverify API whether `token` was issued to a human. True only for an HTTP 200 JSON
 * answer with `success: true` and, when the answer has a score, a score of at least
 * `MIN_CAPTCHA_SCORE`; every other outcome, including an unreachable API, is false.
 */
export async function verifyCaptchaToken(outbound: OutboundClient, logger: Logger, check: CaptchaVerification): Promise<boolean> {
  const host = hostOf(check.apiUrl);
  const form = new URLSearchParams({ secret: check.privateKey, response: check.token });
  if (check.clientIp) form.set('remoteip', check.clientIp);

  let response: OutboundResponse;
  try {
    response = await outbound.request(check.apiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form.toString(),
    });
  } catch (error) {
    // Only the reason and host: the form (secret and token) never reaches a log line.
    const reason = error instanceof OutboundRequestError ? error.reason : 'unknown';
    logger.warn({ host, reason }, 'captcha verification API could not be reached; refusing the captcha');
    return false;
  }
  if (response.status !== 200) {
    logger.warn({ host, status: response.status }, 'captcha verification API answered with an error status; refusing the captcha');
    return false;
  }
  let answer: unknown;
  try {
    answer = response.json();
  } catch {
    logger.warn({ host }, 'captcha verification API answered with something other than JSON; refusing the captcha');
    return false;
  }
  return isHumanVerdict(answer, host, logger);
}

function isHumanVerdict(answer: unknown, host: string, logger: Logger): boolean {
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) return false;
  const verdict = answer as Record<string, unknown>;
  if (verdict.success !== true) {
    const codes = errorCodes(verdict['error-codes']);
    if (codes.some((code) => MISCONFIGURATION_CODES.has(code))) {
      logger.warn({ host, error_codes: codes }, 'captcha verification API refused the stage key; check the captcha stage settings');
    }
    return false;
  }
  if (!('score' in verdict)) return true;
  const score = verdict.score;
  return typeof score === 'number' && Number.isFinite(score) && score >= MIN_CAPTCHA_SCORE;
}

// The codes come from a remote party; keep only short, plain ones before they reach a log line.
function errorCodes(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((code): code is string => typeof code === 'string' && /^[a-z0-9-]{1,64}$/.test(code)).slice(0, 10);
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '(not a URL)';
  }
}
