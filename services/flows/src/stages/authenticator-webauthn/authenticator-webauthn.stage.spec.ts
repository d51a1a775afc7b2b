import { SoftAuthenticator, type CreationOptions, type RequestOptions } from '@authmesh/testing';
import { stageContext, stageDefinition, stageFakes, testUser, type StageFakes } from '../../../test/stage-context.js';
import { authenticatorValidateStage } from '../authenticator-validate/authenticator-validate.stage.js';
import { identificationStage } from '../identification/identification.stage.js';
import { passwordStage } from '../password/password.stage.js';
import type { StageResult } from '../stage-runtime.js';
import { authenticatorWebauthnStage } from './authenticator-webauthn.stage.js';

const ORIGIN = 'https://auth.example.com';
const alice = testUser({ pk: '5', username: 'alice' });
const bob = testUser({ pk: '6', username: 'bob' });

function fields(result: StageResult): Record<string, unknown> {
  if (result.kind !== 'challenge') throw new Error(`expected a challenge, got ${JSON.stringify(result)}`);
  return result.challenge;
}

/** Runs the registration stage for `userPk` with `key`, on shared fakes. */
async function register(fakes: StageFakes, userPk: string, key: SoftAuthenticator, settings: Record<string, unknown> = {}) {
  const { ctx } = stageContext({ fakes, settings, plan: { pending_user: userPk } });
  const options = fields(await authenticatorWebauthnStage.challenge(ctx)).registration as CreationOptions;
  return { result: await authenticatorWebauthnStage.submit(ctx, { response: key.register(options) }), ctx, options };
}

function validation(fakes: StageFakes, plan: Record<string, unknown>, settings: Record<string, unknown> = {}) {
  return stageContext({
    fakes,
    plan,
    settings: { device_classes: ['webauthn', 'totp'], webauthn_user_verification: 'preferred', ...settings },
  });
}

/** The assertion request in a validation challenge. */
function assertionRequest(result: StageResult): RequestOptions {
  const challenges = fields(result).device_challenges as Array<{ device_class: string; challenge: RequestOptions }>;
  const webauthn = challenges.find((c) => c.device_class === 'webauthn');
  if (!webauthn) throw new Error('no WebAuthn challenge');
  return webauthn.challenge;
}

describe('authenticatorWebauthnStage', () => {
  it('registers a credential whose attestation verifies, named after this site', async () => {
    const fakes = stageFakes({ users: [{ user: alice }] });
    const key = new SoftAuthenticator({ origin: ORIGIN });
    const { result, options } = await register(fakes, '5', key, { friendly_name: 'My key' });
    expect(result).toEqual({ kind: 'next' });
    expect(options.rp.id).toBe('auth.example.com');
    expect(Buffer.from(options.user.id, 'base64url').toString()).toBe(alice.uuid);
    expect(fakes.identity.devices).toHaveLength(1);
    expect(fakes.identity.devices[0]).toMatchObject({
      userPk: '5',
      device: { type: 'webauthn', name: 'My key', webauthn: { credential_id: key.credentials[0].id } },
    });
  });

  it('excludes credentials the user already has, so the same key is not registered twice', async () => {
    const fakes = stageFakes({ users: [{ user: alice }] });
    const key = new SoftAuthenticator({ origin: ORIGIN });
    await register(fakes, '5', key);
    const { ctx } = stageContext({ fakes, plan: { pending_user: '5' } });
    const options = fields(await authenticatorWebauthnStage.challenge(ctx)).registration as CreationOptions;
    expect(options.excludeCredentials?.map((c) => c.id)).toEqual([key.credentials[0].id]);
    expect(() => key.register(options)).toThrow(/excluded/);
  });

  it('refuses an answer made for another origin, and a replay of a verified answer', async () => {
    const fakes = stageFakes({ users: [{ user: alice }] });
    const phishing = await register(fakes, '5', new SoftAuthenticator({ origin: 'https://auth.example.com.evil.test' }));
    expect(phishing.result).toEqual({
      kind: 'invalid',
      errors: { response: ['The authenticator could not be verified.'] },
      failedAttempt: false,
    });

    const { ctx } = stageContext({ fakes, plan: { pending_user: '5' } });
    const key = new SoftAuthenticator({ origin: ORIGIN });
    const answer = key.register(fields(await authenticatorWebauthnStage.challenge(ctx)).registration as CreationOptions);
    expect(await authenticatorWebauthnStage.submit(ctx, { response: answer })).toEqual({ kind: 'next' });
    expect((await authenticatorWebauthnStage.submit(ctx, { response: answer })).kind).toBe('invalid');
    expect(fakes.identity.devices).toHaveLength(1);
  });

  it('asks for user verification when required and refuses an authenticator that did not verify the user', async () => {
    const fakes = stageFakes({ users: [{ user: alice }] });
    const { result, options } = await register(fakes, '5', new SoftAuthenticator({ origin: ORIGIN, userVerified: false }), {
      user_verification: 'required',
    });
    expect((options as unknown as { authenticatorSelection: object }).authenticatorSelection).toMatchObject({
      userVerification: 'required',
    });
    expect(result.kind).toBe('invalid');
    expect(fakes.identity.devices).toHaveLength(0);
  });

  it('registers only the authenticator models the stage allows', async () => {
    const allowed = '2fc0579f-8113-47ea-b116-bb5a8db9202a';
    const settings = { device_type_restrictions: [allowed] };
    const fakes = stageFakes({ users: [{ user: alice }] });
    const other = await register(
      fakes,
      '5',
      new SoftAuthenticator({ origin: ORIGIN, aaguid: 'cb69481e-8ff7-4039-93ec-0a2729a154a8' }),
      settings,
    );
    expect(other.result).toMatchObject({ kind: 'invalid', errors: { response: ['This kind of authenticator is not allowed here.'] } });
    expect((await register(fakes, '5', new SoftAuthenticator({ origin: ORIGIN, aaguid: allowed }), settings)).result).toEqual({
      kind: 'next',
    });
  });

  it('refuses malformed answers without calling core', async () => {
    const fakes = stageFakes({ users: [{ user: alice }] });
    const { ctx } = stageContext({ fakes, plan: { pending_user: '5' } });
    await authenticatorWebauthnStage.challenge(ctx);
    for (const response of [undefined, 'x', { id: 'a', rawId: 'b', type: 'public-key', response: {} }, { id: 'x'.repeat(40_000) }]) {
      await authenticatorWebauthnStage.challenge(ctx);
      expect((await authenticatorWebauthnStage.submit(ctx, { response })).kind).toBe('invalid');
    }
    expect(fakes.identity.callsOf('enrollWebauthn' as never)).toHaveLength(0);
  });
});

describe('WebAuthn in the validation stage', () => {
  async function setup() {
    const fakes = stageFakes({ users: [{ user: alice }, { user: bob }] });
    const aliceKey = new SoftAuthenticator({ origin: ORIGIN });
    const bobKey = new SoftAuthenticator({ origin: ORIGIN });
    await register(fakes, '5', aliceKey);
    await register(fakes, '6', bobKey);
    return { fakes, aliceKey, bobKey };
  }

  it("accepts an assertion by one of the user's keys and records the device", async () => {
    const { fakes, aliceKey } = await setup();
    const { ctx } = validation(fakes, { pending_user: '5' });
    const request = assertionRequest(await authenticatorValidateStage.challenge(ctx));
    expect(request.allowCredentials?.map((c) => c.id)).toEqual([aliceKey.credentials[0].id]);
    expect(await authenticatorValidateStage.submit(ctx, { webauthn: aliceKey.assert(request) })).toEqual({ kind: 'next' });
    expect(ctx.plan.mfa_device).toBe(fakes.identity.devices[0].device.pk);
  });

  it("refuses an assertion by another user's credential", async () => {
    const { fakes, bobKey } = await setup();
    const { ctx } = validation(fakes, { pending_user: '5' });
    const request = assertionRequest(await authenticatorValidateStage.challenge(ctx));
    const result = await authenticatorValidateStage.submit(ctx, { webauthn: bobKey.assert({ ...request, allowCredentials: [] }) });
    expect(result).toEqual({
      kind: 'invalid',
      errors: { webauthn: ['This authenticator is not registered for this account.'] },
      failedAttempt: true,
    });
    expect(ctx.plan.mfa_device).toBeUndefined();
  });

  it('refuses a cloned key whose signature counter went backwards', async () => {
    const { fakes, aliceKey } = await setup();
    const clone = new SoftAuthenticator({ origin: ORIGIN });
    clone.credentials.push({ ...aliceKey.credentials[0] });
    const first = validation(fakes, { pending_user: '5' }).ctx;
    expect(
      (
        await authenticatorValidateStage.submit(first, {
          webauthn: aliceKey.assert(assertionRequest(await authenticatorValidateStage.challenge(first))),
        })
      ).kind,
    ).toBe('next');
    expect(
      (
        await authenticatorValidateStage.submit(first, {
          webauthn: aliceKey.assert(assertionRequest(await authenticatorValidateStage.challenge(first))),
        })
      ).kind,
    ).toBe('next');
    const second = validation(fakes, { pending_user: '5' }).ctx;
    const request = assertionRequest(await authenticatorValidateStage.challenge(second));
    expect(await authenticatorValidateStage.submit(second, { webauthn: clone.assert(request) })).toMatchObject({
      kind: 'invalid',
      errors: { webauthn: ['This authenticator may have been copied; it was refused.'] },
    });
  });

  it("stops checking answers once the account's reputation is spent", async () => {
    const { fakes, aliceKey } = await setup();
    await fakes.scores.change('username', 'alice', -5);
    const { ctx } = validation(fakes, { pending_user: '5' });
    const request = assertionRequest(await authenticatorValidateStage.challenge(ctx));
    expect(await authenticatorValidateStage.submit(ctx, { webauthn: aliceKey.assert(request) })).toMatchObject({
      kind: 'invalid',
      errors: { non_field_errors: ['Too many failed attempts. Try again later.'] },
    });
    expect(fakes.identity.callsOf('useWebauthnDevice')).toHaveLength(0);
  });

  it('refuses a WebAuthn answer when the stage does not allow the class, even from the owner', async () => {
    const { fakes, aliceKey } = await setup();
    const { ctx } = validation(fakes, { pending_user: '5' }, { device_classes: ['totp'], not_configured_action: 'deny' });
    expect(await authenticatorValidateStage.challenge(ctx)).toMatchObject({ kind: 'deny' });
    const request = { challenge: 'AAAA', rpId: 'auth.example.com' };
    expect((await authenticatorValidateStage.submit(ctx, { webauthn: aliceKey.assert(request) })).kind).toBe('deny');
  });

  it('refuses an assertion signed over a different challenge', async () => {
    const { fakes, aliceKey } = await setup();
    const { ctx } = validation(fakes, { pending_user: '5' });
    const request = assertionRequest(await authenticatorValidateStage.challenge(ctx));
    const forged = aliceKey.assert({ ...request, challenge: Buffer.from('other challenge').toString('base64url') });
    expect(await authenticatorValidateStage.submit(ctx, { webauthn: forged })).toMatchObject({
      kind: 'invalid',
      errors: { webauthn: ['The authenticator could not be verified.'] },
    });
  });

  it('signs in without a username: the passkey names its user, and the password stage then passes', async () => {
    const { fakes, bobKey } = await setup();
    const { ctx } = validation(fakes, {});
    const request = assertionRequest(await authenticatorValidateStage.challenge(ctx));
    expect(request.allowCredentials).toEqual([]);
    expect(await authenticatorValidateStage.submit(ctx, { webauthn: bobKey.assert(request) })).toEqual({ kind: 'next' });
    expect(ctx.plan).toMatchObject({ pending_user: '6', pending_user_identifier: 'bob', auth_method: 'auth_webauthn_pwl' });
    const password = stageContext({ fakes, plan: ctx.plan, settings: {} }).ctx;
    expect(await passwordStage.challenge(password)).toEqual({ kind: 'next' });
  });

  it('refuses a passwordless assertion whose user handle does not match the credential owner', async () => {
    const { fakes, bobKey } = await setup();
    bobKey.credentials[0].userHandle = Buffer.from(alice.uuid).toString('base64url');
    const { ctx } = validation(fakes, {});
    const request = assertionRequest(await authenticatorValidateStage.challenge(ctx));
    expect((await authenticatorValidateStage.submit(ctx, { webauthn: bobKey.assert(request) })).kind).toBe('invalid');
    expect(ctx.plan.pending_user).toBeUndefined();
  });
});

describe('passkey sign-in on the identification stage', () => {
  it('offers a passkey request when a WebAuthn stage is linked, and a passkey answer identifies and authenticates', async () => {
    const validate = stageDefinition('validate-1', 'authenticator_validate', { webauthn_user_verification: 'preferred' });
    const fakes = stageFakes({ users: [{ user: alice }], stages: [validate] });
    const key = new SoftAuthenticator({ origin: ORIGIN });
    await register(fakes, '5', key);
    const { ctx } = stageContext({ fakes, settings: { user_fields: ['username'], webauthn_stage: 'validate-1' } });
    const request = fields(await identificationStage.challenge(ctx)).passkey_challenge as RequestOptions;
    expect(request.allowCredentials).toEqual([]);
    expect(await identificationStage.submit(ctx, { passkey: key.assert(request) })).toEqual({ kind: 'next' });
    expect(ctx.plan).toMatchObject({ pending_user: '5', auth_backend: 'webauthn', auth_method: 'auth_webauthn_pwl' });
    const mfa = validation(fakes, ctx.plan).ctx;
    expect(await authenticatorValidateStage.challenge(mfa)).toEqual({ kind: 'next' });
  });

  it('offers no passkey request without a linked stage and ignores a passkey answer then', async () => {
    const fakes = stageFakes({ users: [{ user: alice }] });
    const { ctx } = stageContext({ fakes, settings: { user_fields: ['username'] } });
    expect(fields(await identificationStage.challenge(ctx))).not.toHaveProperty('passkey_challenge');
    expect(await identificationStage.submit(ctx, { passkey: { id: 'x' } })).toMatchObject({
      kind: 'invalid',
      errors: { uid_field: expect.any(Array) },
    });
  });
});
