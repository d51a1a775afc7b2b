import { GrpcStatus, RpcCallError } from '@authmesh/rpc';
import {
  CLIENT_IP,
  stageContext,
  stageDefinition,
  testUser,
  type KnownUser,
  type StageContextOverrides,
} from '../../../test/stage-context.js';
import { INBUILT_BACKEND, TOKEN_BACKEND } from '../password/password-check.js';
import { MAX_CREDENTIAL_LENGTH } from '../stage-runtime.js';
import { identificationStage } from './identification.stage.js';

const ALICE: KnownUser = {
  user: testUser({
    pk: '7',
    username: 'alice',
    email: 'Alice@Example.com',
    attributes_json: JSON.stringify({ upn: 'alice@corp.example' }),
  }),
  password: 'correct horse battery staple',
  appPassword: 'app-password-of-alice',
};
const PASSWORD_STAGE = stageDefinition('password-stage', 'password', { backends: [INBUILT_BACKEND] });

const build = (overrides: StageContextOverrides = {}) => stageContext({ users: [ALICE], stages: [PASSWORD_STAGE], ...overrides });

describe('identificationStage: challenge', () => {
  it('asks for username or e-mail by default, without a password field', async () => {
    const { ctx } = build();
    const result = await identificationStage.challenge(ctx);
    expect(result).toEqual({
      kind: 'challenge',
      challenge: expect.objectContaining({
        user_fields: ['username', 'email'],
        password_fields: false,
        flow_designation: 'authentication',
      }),
    });
  });

  it('shows a password field when a password stage is configured', async () => {
    const { ctx } = build({ settings: { password_stage: PASSWORD_STAGE.pk, user_fields: ['email'] } });
    const result = await identificationStage.challenge(ctx);
    expect(result).toEqual({ kind: 'challenge', challenge: expect.objectContaining({ user_fields: ['email'], password_fields: true }) });
  });

  it('links to the enrollment, recovery and passwordless flows, keeping the query and encoding the slug', async () => {
    const { ctx } = build({
      settings: { enrollment_flow_slug: 'sign up', recovery_flow_slug: 'recovery', passwordless_flow_slug: '' },
      request: { query: new URLSearchParams({ next: '/app?x=1' }) },
    });
    const result = await identificationStage.challenge(ctx);
    if (result.kind !== 'challenge') throw new Error(`expected a challenge, got ${result.kind}`);
    expect(result.challenge.enroll_url).toBe('/if/flow/sign%20up/?next=%2Fapp%3Fx%3D1');
    expect(result.challenge.recovery_url).toBe('/if/flow/recovery/?next=%2Fapp%3Fx%3D1');
    expect(result.challenge).not.toHaveProperty('passwordless_url');
  });

  it('links without a trailing "?" when the flow was started without a query', async () => {
    const { ctx } = build({ settings: { recovery_flow_slug: 'recovery' } });
    const result = await identificationStage.challenge(ctx);
    expect(result).toEqual({ kind: 'challenge', challenge: expect.objectContaining({ recovery_url: '/if/flow/recovery/' }) });
  });
});

describe('identificationStage: who is it', () => {
  it('puts a known user into the plan', async () => {
    const { ctx } = build();
    expect(await identificationStage.submit(ctx, { uid_field: 'alice' })).toEqual({ kind: 'next' });
    expect(ctx.plan).toEqual({ pending_user: '7', pending_user_identifier: 'alice' });
  });

  it('finds a user by e-mail address', async () => {
    const { ctx } = build();
    expect(await identificationStage.submit(ctx, { uid_field: 'Alice@Example.com' })).toEqual({ kind: 'next' });
    expect(ctx.plan.pending_user).toBe('7');
  });

  it('finds a user by UPN only when UPN is one of the user fields', async () => {
    const withUpn = build({ settings: { user_fields: ['upn'] } });
    await identificationStage.submit(withUpn.ctx, { uid_field: 'alice@corp.example' });
    expect(withUpn.ctx.plan.pending_user).toBe('7');

    const withoutUpn = build();
    await identificationStage.submit(withoutUpn.ctx, { uid_field: 'alice@corp.example' });
    expect(withoutUpn.ctx.plan.pending_user).toBeUndefined();
  });

  it('ignores user fields it does not know instead of looking users up by them', async () => {
    const { ctx, identity } = build({ settings: { user_fields: ['pk', 'username'] } });
    await identificationStage.submit(ctx, { uid_field: '7' });
    expect(ctx.plan.pending_user).toBeUndefined();
    expect(identity.callsOf('getUser')).toEqual([{ username: '7' }]);
  });

  it('answers an unknown user exactly like a known one: same result, no cookies, no events', async () => {
    const known = build();
    const unknown = build();
    const knownResult = await identificationStage.submit(known.ctx, { uid_field: 'alice' });
    const unknownResult = await identificationStage.submit(unknown.ctx, { uid_field: 'mallory' });
    expect(unknownResult).toEqual(knownResult);
    expect(unknown.response.cookies).toEqual(known.response.cookies);
    expect(unknown.events).toEqual([]);
    expect(known.events).toEqual([]);
    expect(unknown.ctx.plan).toEqual({ pending_user_identifier: 'mallory' });
  });

  it('forgets a user identified earlier when the next identifier matches nobody', async () => {
    const { ctx } = build({ plan: { pending_user: '7', pending_user_identifier: 'alice', auth_backend: 'password' } });
    expect(await identificationStage.submit(ctx, { uid_field: 'mallory' })).toEqual({ kind: 'next' });
    expect(ctx.plan).toEqual({ pending_user_identifier: 'mallory' });
  });

  it('drops a credential checked for the previous identifier', async () => {
    const { ctx } = build({ plan: { pending_user: '7', auth_backend: 'password' } });
    await identificationStage.submit(ctx, { uid_field: 'alice' });
    expect(ctx.plan.auth_backend).toBeUndefined();
  });

  it('trims surrounding spaces from the identifier', async () => {
    const { ctx } = build();
    await identificationStage.submit(ctx, { uid_field: '  alice\t' });
    expect(ctx.plan).toEqual({ pending_user: '7', pending_user_identifier: 'alice' });
  });

  it('matches usernames and e-mail addresses ignoring case by default', async () => {
    const byName = build();
    await identificationStage.submit(byName.ctx, { uid_field: 'ALICE' });
    expect(byName.ctx.plan.pending_user).toBe('7');
    const byMail = build();
    await identificationStage.submit(byMail.ctx, { uid_field: 'alice@example.COM' });
    expect(byMail.ctx.plan.pending_user).toBe('7');
  });

  it('matches exactly when case-insensitive matching is turned off, still answering like for a known user', async () => {
    const { ctx } = build({ settings: { case_insensitive_matching: false } });
    expect(await identificationStage.submit(ctx, { uid_field: 'ALICE' })).toEqual({ kind: 'next' });
    expect(ctx.plan).toEqual({ pending_user_identifier: 'ALICE' });

    const exact = build({ settings: { case_insensitive_matching: false } });
    await identificationStage.submit(exact.ctx, { uid_field: 'Alice@Example.com' });
    expect(exact.ctx.plan.pending_user).toBe('7');
  });

  it.each([
    ['absent', {}],
    ['empty', { uid_field: '' }],
    ['only spaces', { uid_field: '   ' }],
    ['not a string', { uid_field: ['alice'] }],
  ])('refuses an identifier that is %s without looking anyone up', async (_, response) => {
    const { ctx, identity } = build();
    expect(await identificationStage.submit(ctx, response)).toEqual({
      kind: 'invalid',
      errors: { uid_field: ['This field is required.'] },
      failedAttempt: false,
    });
    expect(identity.calls).toEqual([]);
    expect(ctx.plan).toEqual({});
  });

  it(`accepts an identifier of ${MAX_CREDENTIAL_LENGTH} characters and refuses a longer one without looking it up`, async () => {
    const fits = build();
    expect(await identificationStage.submit(fits.ctx, { uid_field: 'a'.repeat(MAX_CREDENTIAL_LENGTH) })).toEqual({ kind: 'next' });

    const { ctx, identity } = build();
    const result = await identificationStage.submit(ctx, { uid_field: 'a'.repeat(MAX_CREDENTIAL_LENGTH + 1) });
    expect(result).toEqual({ kind: 'invalid', errors: { uid_field: [expect.stringContaining('1024')] }, failedAttempt: false });
    expect(identity.calls).toEqual([]);
    expect(ctx.plan).toEqual({});
  });

  it('fails when core cannot answer, instead of treating the user as unknown', async () => {
    const { ctx, identity } = build();
    jest.spyOn(identity, 'getUser').mockRejectedValue(new RpcCallError('GetUser', GrpcStatus.UNAVAILABLE, 'down'));
    await expect(identificationStage.submit(ctx, { uid_field: 'alice' })).rejects.toThrow(RpcCallError);
    expect(ctx.plan).toEqual({});
  });
});

describe('identificationStage: with a password field', () => {
  const settings = { password_stage: PASSWORD_STAGE.pk };
  const failed = { kind: 'invalid', errors: { non_field_errors: ['Failed to authenticate.'] }, failedAttempt: true };

  it('continues with the right password and records that a password was checked', async () => {
    const { ctx } = build({ settings });
    expect(await identificationStage.submit(ctx, { uid_field: 'alice', password: ALICE.password })).toEqual({ kind: 'next' });
    expect(ctx.plan).toEqual({ pending_user: '7', pending_user_identifier: 'alice', auth_backend: 'password' });
  });

  it('fails a wrong password and an unknown user with the same answer, events and identity work', async () => {
    const wrong = build({ settings });
    const unknown = build({ settings });
    const wrongResult = await identificationStage.submit(wrong.ctx, { uid_field: 'alice', password: 'guess' });
    const unknownResult = await identificationStage.submit(unknown.ctx, { uid_field: 'mallory', password: 'guess' });
    expect(wrongResult).toEqual(failed);
    expect(unknownResult).toEqual(wrongResult);
    expect(unknown.response.cookies).toEqual(wrong.response.cookies);
    expect(unknown.events.map((e) => [e.action, e.user, Object.keys(e.context)])).toEqual(
      wrong.events.map((e) => [e.action, e.user, Object.keys(e.context)]),
    );
    expect(unknown.identity.callsOf('verifyPassword')).toHaveLength(1);
    expect(wrong.identity.callsOf('verifyPassword')).toHaveLength(1);
    expect(unknown.ctx.plan.auth_backend).toBeUndefined();
    expect(wrong.ctx.plan.auth_backend).toBeUndefined();
  });

  it('uses the backends of the password stage it names', async () => {
    const tokenStage = stageDefinition('token-stage', 'password', { backends: [INBUILT_BACKEND, TOKEN_BACKEND] });
    const { ctx } = build({ settings: { password_stage: tokenStage.pk }, stages: [tokenStage] });
    expect(await identificationStage.submit(ctx, { uid_field: 'alice', password: ALICE.appPassword })).toEqual({ kind: 'next' });
    expect(ctx.plan.auth_backend).toBe('app_password');
  });

  it('refuses a missing password without checking anything', async () => {
    const { ctx, identity, scores } = build({ settings });
    expect(await identificationStage.submit(ctx, { uid_field: 'alice' })).toEqual({
      kind: 'invalid',
      errors: { password: ['This field is required.'] },
      failedAttempt: false,
    });
    expect(identity.callsOf('verifyPassword')).toEqual([]);
    expect(scores.scores.size).toBe(0);
  });

  it(`refuses a password over ${MAX_CREDENTIAL_LENGTH} characters before it is verified or charged`, async () => {
    const { ctx, identity, scores } = build({ settings });
    const result = await identificationStage.submit(ctx, { uid_field: 'alice', password: 'x'.repeat(MAX_CREDENTIAL_LENGTH + 1) });
    expect(result).toEqual({ kind: 'invalid', errors: { password: [expect.stringContaining('1024')] }, failedAttempt: false });
    expect(identity.callsOf('verifyPassword')).toEqual([]);
    expect(scores.scores.size).toBe(0);
  });

  it('charges the username and the client address for a failed attempt', async () => {
    const { ctx, reputation } = build({ settings });
    await identificationStage.submit(ctx, { uid_field: 'mallory', password: 'guess' });
    expect(await reputation.scoreOf('username', 'mallory')).toBe(-1);
    expect(await reputation.scoreOf('ip', CLIENT_IP)).toBe(-1);
  });
});
