import { GrpcStatus, RpcCallError } from '@authmesh/rpc';
import { pendingUser } from '../pending-user.js';
import { challenge, deny, invalid, next, stringField, type StageContext, type StageResult, type StageRuntime } from '../stage-runtime.js';
import { textCode } from './sms-message.js';
import { codeMatches, newCode, type PendingCode } from './sms-code.js';

const E164 = /^\+[1-9]\d{6,14}$/;

/** What the plan keeps while a number is being verified. */
interface Enrollment {
  binding: string;
  phone: string;
  code: PendingCode;
}

/**
 * Enrolls a phone number: texts it a code and records the device once the code comes back.
 * A number the flow already knows (prompt data `phone_number`) is used as is: a number in
 * the request never replaces it.
 */
export const authenticatorSmsStage: StageRuntime = {
  type: 'authenticator_sms',
  component: 'ak-stage-authenticator-sms',
  async challenge(ctx) {
    if (!(await pendingUser(ctx))) return deny('Log in before adding a phone.');
    const enrollment = current(ctx);
    if (enrollment) return challenge({ phone_number_required: false });
    const known = establishedNumber(ctx);
    if (known) return send(ctx, known);
    return challenge({ phone_number_required: true });
  },
  async submit(ctx, response) {
    const user = await pendingUser(ctx);
    if (!user) return deny('Log in before adding a phone.');
    const enrollment = current(ctx);
    if (!enrollment) {
      const phone = establishedNumber(ctx) ?? stringField(response, 'phone_number')?.replace(/[\s()-]/g, '');
      if (!phone || !E164.test(phone)) return invalid({ phone_number: ['Use the international format, e.g. +4915112345678.'] });
      return send(ctx, phone);
    }
    const code = stringField(response, 'code');
    if (!code) return invalid({ code: ['This field is required.'] });
    await ctx.services.reputation.charge(user.username, ctx.request.clientIp);
    if (!codeMatches(ctx.services.cookieSecret, enrollment.code, code.slice(0, 16)))
      return invalid({ code: ['Code does not match.'] }, true);
    await ctx.services.reputation.succeeded(user.username, ctx.request.clientIp);
    delete ctx.plan.sms_enrollment;
    try {
      // Verify-only keeps just a digest of the number: proof it was verified, and no reuse by another account.
      await ctx.services.identity.enrollSms({
        user_pk: user.pk,
        name: String(ctx.settings.friendly_name || 'SMS device'),
        phone_number: enrollment.phone,
        hash_phone_number: ctx.settings.verify_only === true,
        stage_pk: ctx.binding.stage?.pk ?? '',
      });
    } catch (error) {
      if (error instanceof RpcCallError && error.status === GrpcStatus.INVALID_ARGUMENT)
        return invalid({ phone_number: ['This phone number cannot be used.'] });
      throw error;
    }
    return next();
  },
};

function current(ctx: StageContext): Enrollment | undefined {
  const enrollment = ctx.plan.sms_enrollment as Enrollment | undefined;
  return enrollment?.binding === ctx.binding.pk ? enrollment : undefined;
}

/** A number an earlier stage established (prompt data), which the request cannot override. */
function establishedNumber(ctx: StageContext): string | undefined {
  const value = ctx.plan.prompt_data?.phone_number;
  return typeof value === 'string' && E164.test(value) ? value : undefined;
}

async function send(ctx: StageContext, phone: string): Promise<StageResult> {
  const user = await pendingUser(ctx);
  if (!user) return deny('Log in before adding a phone.');
  const { code, pending } = newCode(ctx.services.cookieSecret, `enroll:${phone}`);
  try {
    await textCode(ctx, ctx.settings, user, phone, `Your authmesh verification code is ${code}`, code);
  } catch (error) {
    ctx.services.logger.warn({ err: (error as Error).message, stage: ctx.binding.stage?.name }, 'SMS not sent');
    return invalid({ phone_number: ['The text message could not be sent. Try again in a moment.'] });
  }
  ctx.plan.sms_enrollment = { binding: ctx.binding.pk, phone, code: pending } satisfies Enrollment;
  return challenge({ phone_number_required: false });
}
