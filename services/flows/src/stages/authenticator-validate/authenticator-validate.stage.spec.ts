import { TOTP, URI } from 'otpauth';
import {
  CLIENT_IP,
  stageContext,
  stageDefinition,
  stageFakes,
  testDevice,
  testUser,
  type StageFakes,
} from '../../../test/stage-context.js';
import type { StageResult } from '../stage-runtime.js';
import { authenticatorValidateStage } from './authenticator-validate.stage.js';
import { MFA_COOKIE } from './mfa-cookie.js';

const alice = testUser({ pk: '5', username: 'alice' });
const bob = testUser({ pk: '6', username: 'bob' });

function fields(result: StageResult): Record<string, unknown> {
  if (result.kind !== 'challenge') throw new Error(`expected a challenge, got ${JSON.stringify(result)}`);
  return result.challenge;
}

/** A confirmed TOTP device of the user, as the setup stage leaves it; answers the user's app. */
async function totpDevice(fakes: StageFakes, userPk: string): Promise<{ pk: string; app: TOTP }> {
  const started = await fakes.identity.enrollTotp({ user_pk: userPk, name: 'Phone', digits: 6, issuer: 'authmesh' });
  const app = URI.parse(started.config_url) as TOTP;
  // Confirmed with the previous step's code, so the current code is still unused.
  await fakes.identity.confirmDevice({
    user_pk: userPk,
    device_pk: started.device_pk,
    code: app.generate({ timestamp: Date.now() - 30_000 }),
  });
  return { pk: started.device_pk, app };
}

/** Confirmed static codes of the user. */
async function staticCodes(fakes: StageFakes, userPk: string): Promise<{ pk: string; codes: string[] }> {
  const started = await fakes.identity.enrollStatic({ user_pk: userPk, name: 'Codes', token_count: 3, token_length: 12 });
  await fakes.identity.confirmDevice({ user_pk: userPk, device_pk: started.device_pk, code: '' });
  return { pk: started.device_pk, codes: started.tokens };
}

function validation(fakes: StageFakes, settings: Record<string, unknown> = {}, fields: { userPk?: string; cookie?: string } = {}) {
  return stageContext({
    fakes,
    settings: { device_classes: ['totp', 'static'], ...settings },
    plan: { pending_user: fields.userPk ?? '5' },
    request: { cookies: new Map(fields.cookie === undefined ? [] : [[MFA_COOKIE, fields.cookie]]) },
  });
}

describe('authenticatorValidateStage: the device picker', () => {
  it('lists only the user’s confirmed devices of the classes the stage allows', async () => {
    const fakes = stageFakes({ users: [{ user: alice }, { user: bob }] });
    const totp = await totpDevice(fakes, '5');
    const codes = await staticCodes(fakes, '5');
    fakes.identity.devices.push(
      { userPk: '5', device: testDevice({ pk: 'sms-1', type: 'sms', phone_number: '+15550001111' }) },
      { userPk: '5', device: testDevice({ pk: 'duo-1', type: 'duo', duo_user_id: 'DU1' }) },
      { userPk: '5', device: testDevice({ pk: 'totp-unconfirmed', type: 'totp', confirmed: false }) },
      { userPk: '6', device: testDevice({ pk: 'bobs-totp', type: 'totp' }) },
    );
    const shown = fields(await authenticatorValidateStage.challenge(validation(fakes).ctx));
    expect(shown.device_challenges).toEqual([
      { device_class: 'totp', device_uid: totp.pk, challenge: {} },
      { device_class: 'static', device_uid: codes.pk, challenge: {} },
    ]);
    expect(shown.pending_user).toBe('alice');
    const onlyDuo = fields(await authenticatorValidateStage.challenge(validation(fakes, { device_classes: ['duo'] }).ctx));
    expect(onlyDuo.device_challenges).toEqual([{ device_class: 'duo', device_uid: 'duo-1', challenge: {} }]);
  });

  it('denies without a pending user when WebAuthn is not allowed', async () => {
    const fakes = stageFakes({ users: [{ user: alice }] });
    const { ctx } = stageContext({ fakes, settings: { device_classes: ['totp'] } });
    expect((await authenticatorValidateStage.challenge(ctx)).kind).toBe('deny');
    expect((await authenticatorValidateStage.submit(ctx, { code: '123456' })).kind).toBe('deny');
  });
});

describe('authenticatorValidateStage: users without a usable device', () => {
  const setupStages = [stageDefinition('setup-totp', 'authenticator_totp'), stageDefinition('setup-static', 'authenticator_static')];

  it('lets the user through with skip (the default), also when the only device is of a class not allowed', async () => {
    const fakes = stageFakes({ users: [{ user: alice }] });
    expect(await authenticatorValidateStage.challenge(validation(fakes).ctx)).toEqual({ kind: 'next' });
    fakes.identity.devices.push({ userPk: '5', device: testDevice({ pk: 'sms-1', type: 'sms' }) });
    expect(await authenticatorValidateStage.challenge(validation(fakes, { not_configured_action: 'skip' }).ctx)).toEqual({ kind: 'next' });
  });

  it('refuses with deny', async () => {
    const fakes = stageFakes({ users: [{ user: alice }] });
    const { ctx } = validation(fakes, { not_configured_action: 'deny' });
    expect(await authenticatorValidateStage.challenge(ctx)).toEqual({
      kind: 'deny',
      message: 'A second factor is required, and no authenticator is set up for this account.',
    });
    expect((await authenticatorValidateStage.submit(ctx, {})).kind).toBe('deny');
  });

  it('runs the only configuration stage with configure', async () => {
    const fakes = stageFakes({ users: [{ user: alice }], stages: setupStages });
    const { ctx } = validation(fakes, { not_configured_action: 'configure', configuration_stages: ['setup-totp'] });
    expect(await authenticatorValidateStage.challenge(ctx)).toEqual({ kind: 'inject', stagePk: 'setup-totp' });
  });

  it('lets the user choose among several configuration stages, and only among them', async () => {
    const fakes = stageFakes({ users: [{ user: alice }], stages: [...setupStages, stageDefinition('elsewhere', 'user_write')] });
    const settings = { not_configured_action: 'configure', configuration_stages: ['setup-totp', 'setup-static'] };
    const { ctx } = validation(fakes, settings);
    expect(fields(await authenticatorValidateStage.challenge(ctx))).toEqual({
      device_challenges: [],
      configuration_stages: [
        { pk: 'setup-totp', name: 'authenticator_totp-setup-totp', meta_model_name: 'authentik_stages_authenticator_totp' },
        { pk: 'setup-static', name: 'authenticator_static-setup-static', meta_model_name: 'authentik_stages_authenticator_static' },
      ],
    });
    expect(await authenticatorValidateStage.submit(ctx, { selected_stage: 'setup-static' })).toEqual({
      kind: 'inject',
      stagePk: 'setup-static',
    });
    const other = await authenticatorValidateStage.submit(validation(fakes, settings).ctx, { selected_stage: 'elsewhere' });
    expect(other.kind).toBe('challenge');
    // A selection means nothing when the stage does not offer configuration.
    const denied = await authenticatorValidateStage.submit(validation(fakes, { ...settings, not_configured_action: 'deny' }).ctx, {
      selected_stage: 'setup-static',
    });
    expect(denied.kind).toBe('deny');
  });

  it('refuses configure without any configuration stage', async () => {
    const fakes = stageFakes({ users: [{ user: alice }] });
    expect((await authenticatorValidateStage.challenge(validation(fakes, { not_configured_action: 'configure' }).ctx)).kind).toBe('deny');
  });
});

describe('authenticatorValidateStage: codes', () => {
  it('accepts the app’s current code once, credits reputation and notes the device', async () => {
    const fakes = stageFakes({ users: [{ user: alice }] });
    const totp = await totpDevice(fakes, '5');
    const code = totp.app.generate();
    const { ctx } = validation(fakes);
    expect(await authenticatorValidateStage.submit(ctx, { code })).toEqual({ kind: 'next' });
    expect(ctx.plan.mfa_device).toBe(totp.pk);
    expect(await fakes.reputation.scoreOf('username', 'alice')).toBe(1);
    expect(await authenticatorValidateStage.submit(validation(fakes).ctx, { code })).toMatchObject({
      kind: 'invalid',
      failedAttempt: true,
    });
  });

  it('refuses a wrong code, charging the username and the address, and records login_failed', async () => {
    const fakes = stageFakes({ users: [{ user: alice }] });
    const totp = await totpDevice(fakes, '5');
    const current = totp.app.generate();
    const wrong = current === '000000' ? '000001' : '000000';
    const { ctx } = validation(fakes);
    expect(await authenticatorValidateStage.submit(ctx, { code: wrong })).toEqual({
      kind: 'invalid',
      errors: { code: ['Invalid code.'] },
      failedAttempt: true,
    });
    expect(await fakes.reputation.scoreOf('username', 'alice')).toBe(-1);
    expect(await fakes.reputation.scoreOf('ip', CLIENT_IP)).toBe(-1);
    expect(fakes.events).toEqual([
      { action: 'login_failed', user: alice, clientIp: CLIENT_IP, context: { username: 'alice', reason: 'invalid second factor' } },
    ]);
    expect(ctx.plan.mfa_device).toBeUndefined();
  });

  it('asks for a code, and refuses an overlong one, without charging anyone', async () => {
    const fakes = stageFakes({ users: [{ user: alice }] });
    await totpDevice(fakes, '5');
    expect(await authenticatorValidateStage.submit(validation(fakes).ctx, {})).toMatchObject({
      errors: { code: ['This field is required.'] },
    });
    expect(await authenticatorValidateStage.submit(validation(fakes).ctx, { code: '1'.repeat(65) })).toMatchObject({
      errors: { code: ['Invalid code.'] },
    });
    expect(fakes.scores.scores.size).toBe(0);
    expect(fakes.identity.callsOf('verifyDeviceCode')).toEqual([]);
  });

  it('refuses a code of a class the stage does not allow, even from the user’s own device, without using it up', async () => {
    const fakes = stageFakes({ users: [{ user: alice }] });
    await totpDevice(fakes, '5');
    const codes = await staticCodes(fakes, '5');
    const totpOnly = validation(fakes, { device_classes: ['totp'] });
    expect(await authenticatorValidateStage.submit(totpOnly.ctx, { code: codes.codes[0] })).toMatchObject({
      kind: 'invalid',
      failedAttempt: true,
    });
    expect(fakes.identity.callsOf('verifyDeviceCode')).toEqual([{ user_pk: '5', code: codes.codes[0], types: ['totp'] }]);
    expect(
      await authenticatorValidateStage.submit(validation(fakes, { device_classes: ['static'] }).ctx, { code: codes.codes[0] }),
    ).toEqual({
      kind: 'next',
    });
  });

  it('refuses another user’s code', async () => {
    const fakes = stageFakes({ users: [{ user: alice }, { user: bob }] });
    await totpDevice(fakes, '5');
    const bobs = await staticCodes(fakes, '6');
    expect(await authenticatorValidateStage.submit(validation(fakes).ctx, { code: bobs.codes[0] })).toMatchObject({ kind: 'invalid' });
  });
});

describe('authenticatorValidateStage: last_auth_threshold', () => {
  async function passedWith(fakes: StageFakes, settings: Record<string, unknown>) {
    const totp = await totpDevice(fakes, '5');
    const built = validation(fakes, settings);
    expect(await authenticatorValidateStage.submit(built.ctx, { code: totp.app.generate() })).toEqual({ kind: 'next' });
    return built.response.cookie(MFA_COOKIE);
  }

  it('sets a signed, HTTP-only cookie for the threshold and skips the stage for the same user', async () => {
    const fakes = stageFakes({ users: [{ user: alice }, { user: bob }] });
    const cookie = await passedWith(fakes, { last_auth_threshold: 'minutes=5' });
    expect(cookie).toMatchObject({ name: MFA_COOKIE, maxAgeSeconds: 300, httpOnly: true });
    const listed = fakes.identity.callsOf('listDevices').length;
    const again = validation(fakes, { last_auth_threshold: 'minutes=5' }, { cookie: cookie?.value });
    expect(await authenticatorValidateStage.challenge(again.ctx)).toEqual({ kind: 'next' });
    expect(fakes.identity.callsOf('listDevices')).toHaveLength(listed);
  });

  it('does not skip the stage for another user, for a tampered cookie, or when the stage has no threshold', async () => {
    const fakes = stageFakes({ users: [{ user: alice }, { user: bob }] });
    const cookie = (await passedWith(fakes, { last_auth_threshold: 'minutes=5' }))?.value ?? '';
    await totpDevice(fakes, '6');
    const asBob = validation(fakes, { last_auth_threshold: 'minutes=5' }, { userPk: '6', cookie });
    expect((await authenticatorValidateStage.challenge(asBob.ctx)).kind).toBe('challenge');
    const tampered = `${cookie.slice(0, -1)}${cookie.endsWith('A') ? 'B' : 'A'}`;
    expect(
      (await authenticatorValidateStage.challenge(validation(fakes, { last_auth_threshold: 'minutes=5' }, { cookie: tampered }).ctx)).kind,
    ).toBe('challenge');
    expect((await authenticatorValidateStage.challenge(validation(fakes, {}, { cookie }).ctx)).kind).toBe('challenge');
  });

  it('sets no cookie without a threshold', async () => {
    const fakes = stageFakes({ users: [{ user: alice }] });
    expect(await passedWith(fakes, {})).toBeUndefined();
  });
});
