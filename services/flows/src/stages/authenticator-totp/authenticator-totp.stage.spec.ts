import { TOTP, URI } from 'otpauth';
import { stageContext, stageFakes, testUser, CLIENT_IP, type StageFakes } from '../../../test/stage-context.js';
import type { StageResult } from '../stage-runtime.js';
import { authenticatorTotpStage } from './authenticator-totp.stage.js';

const alice = testUser({ pk: '5', username: 'alice' });

function configUrl(result: StageResult): string {
  if (result.kind !== 'challenge') throw new Error(`expected a challenge, got ${JSON.stringify(result)}`);
  return result.challenge.config_url as string;
}

/** The authenticator app the user scanned the QR code into. */
function app(url: string): TOTP {
  const parsed = URI.parse(url);
  if (!(parsed instanceof TOTP)) throw new Error('not a TOTP URI');
  return parsed;
}

/** A code no clock drift would accept right now. */
function wrongCode(totp: TOTP): string {
  const valid = new Set([-1, 0, 1].map((step) => totp.generate({ timestamp: Date.now() + step * 30_000 })));
  for (let n = 0; ; n++) {
    const candidate = String(n).padStart(totp.digits, '0');
    if (!valid.has(candidate)) return candidate;
  }
}

function enrollment(fakes: StageFakes, settings: Record<string, unknown> = {}, plan: Record<string, unknown> = { pending_user: '5' }) {
  return stageContext({ fakes, settings, plan, flow: { title: 'Example Inc' } });
}

const totpDevices = (fakes: StageFakes) => fakes.identity.devices.filter((d) => d.device.type === 'totp').map((d) => d.device);

describe('authenticatorTotpStage', () => {
  it('shows the same otpauth URI until the device is confirmed, for the pending user and the flow’s title', async () => {
    const fakes = stageFakes({ users: [{ user: alice }] });
    const { ctx } = enrollment(fakes);
    const first = configUrl(await authenticatorTotpStage.challenge(ctx));
    expect(first).toMatch(/^otpauth:\/\/totp\/Example%20Inc:alice\?/);
    expect(new URL(first).searchParams.get('digits')).toBe('6');
    expect(configUrl(await authenticatorTotpStage.challenge(ctx))).toBe(first);
    expect(await authenticatorTotpStage.submit(ctx, { code: wrongCode(app(first)) })).toMatchObject({ kind: 'invalid' });
    expect(configUrl(await authenticatorTotpStage.challenge(ctx))).toBe(first);
    expect(fakes.identity.callsOf('enrollTotp')).toHaveLength(1);
    expect(totpDevices(fakes)).toEqual([expect.objectContaining({ confirmed: false })]);
  });

  it('starts over with a new secret in a new flow, replacing the unconfirmed device', async () => {
    const fakes = stageFakes({ users: [{ user: alice }] });
    const first = configUrl(await authenticatorTotpStage.challenge(enrollment(fakes).ctx));
    const second = configUrl(await authenticatorTotpStage.challenge(enrollment(fakes).ctx));
    expect(app(second).secret.base32).not.toBe(app(first).secret.base32);
    expect(totpDevices(fakes)).toHaveLength(1);
  });

  it('refuses a wrong code, charging the username and the address, and keeps the device unconfirmed', async () => {
    const fakes = stageFakes({ users: [{ user: alice }] });
    const { ctx } = enrollment(fakes);
    const url = configUrl(await authenticatorTotpStage.challenge(ctx));
    expect(await authenticatorTotpStage.submit(ctx, { code: wrongCode(app(url)) })).toEqual({
      kind: 'invalid',
      errors: { code: ['Code does not match. Check the time on your device and try again.'] },
      failedAttempt: true,
    });
    expect(await fakes.reputation.scoreOf('username', 'alice')).toBe(-1);
    expect(await fakes.reputation.scoreOf('ip', CLIENT_IP)).toBe(-1);
    expect(totpDevices(fakes)[0].confirmed).toBe(false);
  });

  it('confirms the device with the app’s current code, refunds the attempt and forgets the enrollment', async () => {
    const fakes = stageFakes({ users: [{ user: alice }] });
    const { ctx } = enrollment(fakes, { digits: 8, friendly_name: 'Phone' });
    const url = configUrl(await authenticatorTotpStage.challenge(ctx));
    expect(app(url).digits).toBe(8);
    const code = app(url).generate();
    expect(await authenticatorTotpStage.submit(ctx, { code: `${code.slice(0, 4)} ${code.slice(4)}` })).toEqual({ kind: 'next' });
    expect(totpDevices(fakes)).toEqual([expect.objectContaining({ confirmed: true, name: 'Phone' })]);
    expect(await fakes.reputation.scoreOf('username', 'alice')).toBe(1);
    expect(ctx.plan.totp_enrollment).toBeUndefined();
  });

  it('asks for a code without charging anyone when none is sent', async () => {
    const fakes = stageFakes({ users: [{ user: alice }] });
    const { ctx } = enrollment(fakes);
    await authenticatorTotpStage.challenge(ctx);
    expect(await authenticatorTotpStage.submit(ctx, { code: '  ' })).toEqual({
      kind: 'invalid',
      errors: { code: ['This field is required.'] },
      failedAttempt: false,
    });
    expect(fakes.scores.scores.size).toBe(0);
    expect(fakes.identity.callsOf('confirmDevice')).toEqual([]);
  });

  it('denies without a pending user and enrolls nothing', async () => {
    const fakes = stageFakes({ users: [{ user: alice }] });
    const { ctx } = enrollment(fakes, {}, {});
    expect((await authenticatorTotpStage.challenge(ctx)).kind).toBe('deny');
    expect((await authenticatorTotpStage.submit(ctx, { code: '123456' })).kind).toBe('deny');
    expect(fakes.identity.devices).toEqual([]);
  });
});
