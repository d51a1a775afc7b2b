import { stageContext, stageFakes, testUser, type StageFakes } from '../../../test/stage-context.js';
import type { StageResult } from '../stage-runtime.js';
import { authenticatorValidateStage } from '../authenticator-validate/authenticator-validate.stage.js';
import { authenticatorStaticStage } from './authenticator-static.stage.js';

const alice = testUser({ pk: '5', username: 'alice' });

function codes(result: StageResult): string[] {
  if (result.kind !== 'challenge') throw new Error(`expected a challenge, got ${JSON.stringify(result)}`);
  return result.challenge.codes as string[];
}

function enrollment(fakes: StageFakes, settings: Record<string, unknown> = {}, plan: Record<string, unknown> = { pending_user: '5' }) {
  return stageContext({ fakes, settings, plan });
}

const staticDevices = (fakes: StageFakes) => fakes.identity.devices.filter((d) => d.device.type === 'static').map((d) => d.device);

describe('authenticatorStaticStage', () => {
  it('shows as many codes of the configured length as the stage says, the same ones until the user goes on', async () => {
    const fakes = stageFakes({ users: [{ user: alice }] });
    const { ctx } = enrollment(fakes, { token_count: 4, token_length: 10 });
    const shown = codes(await authenticatorStaticStage.challenge(ctx));
    expect(shown).toHaveLength(4);
    expect(new Set(shown).size).toBe(4);
    for (const code of shown) expect(code).toMatch(/^[a-z2-9]{10}$/);
    expect(codes(await authenticatorStaticStage.challenge(ctx))).toEqual(shown);
    expect(fakes.identity.callsOf('enrollStatic')).toHaveLength(1);
    expect(staticDevices(fakes)).toEqual([expect.objectContaining({ confirmed: false })]);
  });

  it('confirms the device when the user goes on, and the plan no longer holds the codes', async () => {
    const fakes = stageFakes({ users: [{ user: alice }] });
    const { ctx } = enrollment(fakes, { friendly_name: 'Recovery' });
    const shown = codes(await authenticatorStaticStage.challenge(ctx));
    expect(await authenticatorStaticStage.submit(ctx, {})).toEqual({ kind: 'next' });
    expect(staticDevices(fakes)).toEqual([expect.objectContaining({ confirmed: true, name: 'Recovery' })]);
    const plan = JSON.stringify(ctx.plan);
    for (const code of shown) expect(plan).not.toContain(code);
  });

  it('shows codes once: after confirming, the codes work once each at the validation stage, and a new flow shows new ones', async () => {
    const fakes = stageFakes({ users: [{ user: alice }] });
    const { ctx } = enrollment(fakes);
    const [first, second] = codes(await authenticatorStaticStage.challenge(ctx));
    await authenticatorStaticStage.submit(ctx, {});
    const validate = (code: string) =>
      authenticatorValidateStage.submit(
        stageContext({ fakes, plan: { pending_user: '5' }, settings: { device_classes: ['static'] } }).ctx,
        {
          code,
        },
      );
    expect(await validate(first)).toEqual({ kind: 'next' });
    expect(await validate(first)).toMatchObject({ kind: 'invalid', failedAttempt: true });
    expect(await validate(second)).toEqual({ kind: 'next' });
    const again = codes(await authenticatorStaticStage.challenge(enrollment(fakes).ctx));
    expect(again).not.toContain(first);
    // Codes of an enrollment the user never finished are not usable.
    expect(await validate(again[0])).toMatchObject({ kind: 'invalid' });
  });

  it('refuses to go on when core no longer has the enrollment', async () => {
    const fakes = stageFakes({ users: [{ user: alice }] });
    const { ctx } = enrollment(fakes);
    await authenticatorStaticStage.challenge(ctx);
    // Another flow of the same user started over in the meantime, replacing the unconfirmed device.
    await authenticatorStaticStage.challenge(enrollment(fakes).ctx);
    expect(await authenticatorStaticStage.submit(ctx, {})).toEqual({
      kind: 'invalid',
      errors: { non_field_errors: ['These codes could not be saved; start again.'] },
      failedAttempt: false,
    });
    expect(staticDevices(fakes).filter((d) => d.confirmed)).toEqual([]);
  });

  it('denies without a pending user and enrolls nothing', async () => {
    const fakes = stageFakes({ users: [{ user: alice }] });
    const { ctx } = enrollment(fakes, {}, {});
    expect((await authenticatorStaticStage.challenge(ctx)).kind).toBe('deny');
    expect((await authenticatorStaticStage.submit(ctx, {})).kind).toBe('deny');
    expect(fakes.identity.devices).toEqual([]);
  });
});
