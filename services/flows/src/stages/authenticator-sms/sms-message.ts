import type { User__Output } from '@authmesh/rpc';
import { userView } from '../../policies/expression/expression-context.js';
import type { StageContext } from '../stage-runtime.js';
import { sendSms, SmsDeliveryError } from './providers/sms-provider.js';
import { smsSettingsOf } from './sms-settings.js';

/** The webhook mapping core hands over with an SMS stage's settings. */
interface RuntimeMapping {
  pk: string;
  name: string;
  expression: string;
}

/**
 * Texts `message` (which carries `code`) to `phone` with the provider settings of an SMS
 * stage. For the generic provider, the stage's webhook mapping (if any) builds the JSON
 * body from the user, number, message and code; a mapping that fails or answers anything
 * but an object sends nothing.
 */
export async function textCode(
  ctx: StageContext,
  stageSettings: Record<string, unknown>,
  user: User__Output,
  phone: string,
  message: string,
  code: string,
): Promise<void> {
  const settings = smsSettingsOf(stageSettings, ctx.services.twilioUrl);
  const mapping = stageSettings.mapping as RuntimeMapping | null | undefined;
  if (settings.provider !== 'generic' || !mapping?.expression) return sendSms(ctx.services.outbound, settings, phone, message);
  let payload: unknown;
  try {
    payload = await ctx.services.expressions.evaluate({
      source: mapping.expression,
      globals: { user: userView(user), phone_number: phone, from_number: settings.from_number, body: message, code },
    });
  } catch (error) {
    throw new SmsDeliveryError(`webhook mapping "${mapping.name}" failed: ${(error as Error).message}`);
  }
  if (!payload || typeof payload !== 'object' || Array.isArray(payload))
    throw new SmsDeliveryError(`webhook mapping "${mapping.name}" must return an object (the request body)`);
  return sendSms(ctx.services.outbound, settings, phone, message, payload as Record<string, unknown>);
}
