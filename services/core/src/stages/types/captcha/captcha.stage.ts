import { z } from 'zod';
import type { StageType } from '../../stage-type.js';

/** A reCAPTCHA-compatible challenge (reCAPTCHA, hCaptcha, Turnstile speak the same verify API). */
export const captchaStage: StageType = {
  type: 'captcha',
  path: 'captcha',
  modelName: 'authmesh_stages_captcha.captchastage',
  alias: 'authentik_stages_captcha.captchastage',
  component: 'ak-stage-captcha',
  secrets: ['private_key'],
  settings: z.object({
    public_key: z.string().min(1, 'This field may not be blank.').max(500),
    private_key: z.string().min(1, 'This field may not be blank.').max(500),
    js_url: z.url().default('https://www.recaptcha.net/recaptcha/api.js'),
    api_url: z.url().default('https://www.recaptcha.net/recaptcha/api/siteverify'),
  }),
};
