import type { OutboundClient } from '@authmesh/outbound';
import { challenge, invalid, next, stringField, type StageRuntime } from '../stage-runtime.js';
import { verifyCaptchaToken } from './captcha-verification.js';

/** Longest widget response accepted; real tokens are a few hundred to about two thousand characters. */
export const MAX_CAPTCHA_TOKEN_LENGTH = 4096;

const MISSING = 'Complete the captcha before continuing.';
const TOO_LONG = `The captcha response is longer than ${MAX_CAPTCHA_TOKEN_LENGTH} characters, so it cannot be genuine.`;
const FAILED = 'The captcha could not be verified. Please try again.';

/**
 * Shows a reCAPTCHA-compatible widget and checks its token with the provider's siteverify API
 * through `outbound`. Anything but a clear "human" verdict refuses the response.
 */
export function captchaStage(outbound: OutboundClient): StageRuntime {
  return {
    type: 'captcha',
    component: 'ak-stage-captcha',
    async challenge(ctx) {
      return challenge({ site_key: setting(ctx.settings, 'public_key'), js_url: setting(ctx.settings, 'js_url') });
    },
    async submit(ctx, response) {
      const token = stringField(response, 'token');
      if (!token) return invalid({ token: [MISSING] });
      if (token.length > MAX_CAPTCHA_TOKEN_LENGTH) return invalid({ token: [TOO_LONG] });

      const privateKey = setting(ctx.settings, 'private_key');
      const apiUrl = setting(ctx.settings, 'api_url');
      if (!privateKey || !apiUrl) {
        ctx.services.logger.warn({ stage: ctx.binding.stage?.name }, 'captcha stage has no private key or API URL; refusing the captcha');
        return invalid({ token: [FAILED] });
      }
      const human = await verifyCaptchaToken(outbound, ctx.services.logger, { apiUrl, privateKey, token, clientIp: ctx.request.clientIp });
      return human ? next() : invalid({ token: [FAILED] });
    },
  };
}

function setting(settings: Record<string, unknown>, key: string): string {
  const value = settings[key];
  return typeof value === 'string' ? value : '';
}
