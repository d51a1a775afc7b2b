import { DuoApiError, duoAuthClientFor } from '@authmesh/duo';
import type { OutboundClient } from '@authmesh/outbound';
import { pendingUser } from '../pending-user.js';
import { challenge, deny, invalid, next, type StageContext, type StageResult, type StageRuntime } from '../stage-runtime.js';

/** What the plan keeps while Duo Mobile is being activated. */
interface Enrollment {
  binding: string;
  duoUserId: string;
  activationCode: string;
  activationBarcode: string;
}

/**
 * Enrolls Duo Mobile: shows Duo's activation QR code, and records the device once Duo
 * reports the activation done (the user answers the challenge after scanning).
 */
export function authenticatorDuoStage(outbound: OutboundClient, duoUrl: string | undefined): StageRuntime {
  return {
    type: 'authenticator_duo',
    component: 'ak-stage-authenticator-duo',
    async challenge(ctx) {
      const user = await pendingUser(ctx);
      if (!user) return deny('Log in before setting up Duo.');
      return show(ctx, await enrollmentOf(ctx, user.username, outbound, duoUrl));
    },
    async submit(ctx) {
      const user = await pendingUser(ctx);
      if (!user) return deny('Log in before setting up Duo.');
      const enrollment = ctx.plan.duo_enrollment as Enrollment | undefined;
      if (enrollment?.binding !== ctx.binding.pk) return show(ctx, await enrollmentOf(ctx, user.username, outbound, duoUrl));
      try {
        const status = await duoAuthClientFor(outbound, ctx.settings, duoUrl).enrollStatus(enrollment.duoUserId, enrollment.activationCode);
        if (status === 'waiting') return invalid({ non_field_errors: ['Duo Mobile is not activated yet: scan the code, then continue.'] });
        if (status !== 'success') {
          delete ctx.plan.duo_enrollment;
          return invalid({ non_field_errors: ['The activation expired; scan the new code.'] });
        }
      } catch (error) {
        return unreachable(ctx, error);
      }
      await ctx.services.identity.enrollDuo({
        user_pk: user.pk,
        name: String(ctx.settings.friendly_name || 'Duo device'),
        duo_user_id: enrollment.duoUserId,
        stage_pk: ctx.binding.stage?.pk ?? '',
      });
      delete ctx.plan.duo_enrollment;
      return next();
    },
  };
}

async function enrollmentOf(
  ctx: StageContext,
  username: string,
  outbound: OutboundClient,
  duoUrl: string | undefined,
): Promise<Enrollment | Error> {
  const existing = ctx.plan.duo_enrollment as Enrollment | undefined;
  if (existing?.binding === ctx.binding.pk) return existing;
  try {
    const started = await duoAuthClientFor(outbound, ctx.settings, duoUrl).enroll(username);
    const enrollment = {
      binding: ctx.binding.pk,
      duoUserId: started.userId,
      activationCode: started.activationCode,
      activationBarcode: started.activationBarcode,
    };
    ctx.plan.duo_enrollment = enrollment;
    return enrollment;
  } catch (error) {
    return error as Error;
  }
}

function show(ctx: StageContext, enrollment: Enrollment | Error): StageResult {
  if (enrollment instanceof Error) return unreachable(ctx, enrollment);
  return challenge({
    activation_barcode: enrollment.activationBarcode,
    activation_code: enrollment.activationCode,
    stage_uuid: ctx.binding.stage?.pk ?? '',
  });
}

function unreachable(ctx: StageContext, error: unknown): StageResult {
  ctx.services.logger.warn(
    { err: error instanceof DuoApiError ? error.message : 'request failed', stage: ctx.binding.stage?.name },
    'Duo request failed',
  );
  return invalid({ non_field_errors: ['Duo could not be reached. Try again in a moment.'] });
}
