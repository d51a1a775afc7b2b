import { CLIENT_IP, stageContext, testUser, type KnownUser, type StageContextOverrides } from '../../../test/stage-context.js';
import { MAX_CREDENTIAL_LENGTH } from '../stage-runtime.js';
import { INBUILT_BACKEND, TOKEN_BACKEND } from './password-check.js';
import { passwordStage } from './password.stage.js';

const PASSWORD = 'correct horse battery staple';
const APP_PASSWORD = 'app-password-of-alice';
const ALICE: KnownUser = { user: testUser({ pk: '7', username: 'alice' }), password: PASSWORD, appPassword: APP_PASSWORD };
const BOB: KnownUser = { user: testUser({ pk: '8', username: 'bob' }), password: 'bobs password', appPassword: 'app-password-of-bob' };
const WRONG = { kind: 'invalid', errors: { password: ['Invalid password'] }, failedAttempt: true };

const forAlice = (overrides: StageContextOverrides = {}) =>
  stageContext({ users: [ALICE, BOB], plan: { pending_user: '7', pending_user_identifier: 'alice' }, ...overrides });
const forNobody = (overrides: StageContextOverrides = {}) =>
  stageContext({ users: [ALICE, BOB], plan: { pending_user_identifier: 'mallory' }, ...overrides });

describe('passwordStage: challenge', () => {
  it('asks for the password of the identifier the user typed', async () => {
    expect(await passwordStage.challenge(forAlice().ctx)).toEqual({
      kind: 'challenge',
      challenge: { pending_user: 'alice', pending_user_avatar: '' },
    });
  });

  it('asks an unknown user the same way', async () => {
    expect(await passwordStage.challenge(forNobody().ctx)).toEqual({
      kind: 'challenge',
      challenge: { pending_user: 'mallory', pending_user_avatar: '' },
    });
  });

  it('skips itself when an earlier stage already checked a credential of the pending user', async () => {
    const { ctx } = forAlice({ plan: { pending_user: '7', auth_backend: 'password' } });
    expect(await passwordStage.challenge(ctx)).toEqual({ kind: 'next' });
  });

  it('does not skip itself for a checked credential when no user is pending', async () => {
    const { ctx } = forNobody({ plan: { pending_user_identifier: 'mallory', auth_backend: 'password' } });
    expect((await passwordStage.challenge(ctx)).kind).toBe('challenge');
  });
});

describe('passwordStage: submit', () => {
  it('continues with the right password and records the password backend', async () => {
    const { ctx } = forAlice();
    expect(await passwordStage.submit(ctx, { password: PASSWORD })).toEqual({ kind: 'next' });
    expect(ctx.plan).toEqual({ pending_user: '7', pending_user_identifier: 'alice', auth_backend: 'password' });
  });

  it('refuses a wrong password', async () => {
    const { ctx } = forAlice();
    expect(await passwordStage.submit(ctx, { password: 'guess' })).toEqual(WRONG);
    expect(ctx.plan.auth_backend).toBeUndefined();
  });

  it('refuses another user’s password', async () => {
    const { ctx } = forAlice();
    expect(await passwordStage.submit(ctx, { password: BOB.password })).toEqual(WRONG);
  });

  it('refuses an inactive user’s right password', async () => {
    const inactive = { ...ALICE, user: { ...ALICE.user, is_active: false } };
    const { ctx } = forAlice({ users: [inactive] });
    expect(await passwordStage.submit(ctx, { password: PASSWORD })).toEqual(WRONG);
  });

  it('fails a wrong password and an unknown user identically: result, plan keys, events and cookies', async () => {
    const wrong = forAlice();
    const unknown = forNobody();
    const wrongResult = await passwordStage.submit(wrong.ctx, { password: 'guess' });
    const unknownResult = await passwordStage.submit(unknown.ctx, { password: 'guess' });
    expect(unknownResult).toEqual(wrongResult);
    expect(unknown.response.cookies).toEqual(wrong.response.cookies);
    expect(unknown.events).toEqual([
      {
        action: 'login_failed',
        user: null,
        clientIp: CLIENT_IP,
        context: { username: 'mallory', reason: 'invalid credentials', stage: 'test-stage-1' },
      },
    ]);
    expect(wrong.events).toEqual([
      {
        action: 'login_failed',
        user: null,
        clientIp: CLIENT_IP,
        context: { username: 'alice', reason: 'invalid credentials', stage: 'test-stage-1' },
      },
    ]);
  });

  it('verifies exactly once for an unknown user, with no username, so core hashes against its dummy', async () => {
    const { ctx, identity } = forNobody();
    await passwordStage.submit(ctx, { password: 'guess' });
    expect(identity.callsOf('verifyPassword')).toEqual([
      { username: '', password: 'guess', client_ip: CLIENT_IP, skip_failure_event: true },
    ]);
  });

  it.each([
    ['absent', {}],
    ['empty', { password: '' }],
    ['not a string', { password: 12345 }],
  ])('refuses a password that is %s without verifying or charging anything', async (_, response) => {
    const { ctx, identity, scores } = forAlice();
    expect(await passwordStage.submit(ctx, response)).toEqual({
      kind: 'invalid',
      errors: { password: ['This field is required.'] },
      failedAttempt: false,
    });
    expect(identity.calls).toEqual([]);
    expect(scores.scores.size).toBe(0);
  });

  it(`accepts a password of exactly ${MAX_CREDENTIAL_LENGTH} characters`, async () => {
    const long = 'p'.repeat(MAX_CREDENTIAL_LENGTH);
    const { ctx } = forAlice({ users: [{ ...ALICE, password: long }] });
    expect(await passwordStage.submit(ctx, { password: long })).toEqual({ kind: 'next' });
  });

  it(`refuses a password over ${MAX_CREDENTIAL_LENGTH} characters before verifyPassword is called`, async () => {
    const { ctx, identity, scores, events } = forAlice();
    const result = await passwordStage.submit(ctx, { password: 'p'.repeat(1024 * 1024) });
    expect(result).toEqual({
      kind: 'invalid',
      errors: { password: ['Ensure this field has no more than 1024 characters.'] },
      failedAttempt: false,
    });
    expect(identity.calls).toEqual([]);
    expect(scores.scores.size).toBe(0);
    expect(events).toEqual([]);
  });
});

describe('passwordStage: app passwords', () => {
  it('refuses an app password when only the password backend is enabled, without asking the token backend', async () => {
    const { ctx, identity } = forAlice({ settings: { backends: [INBUILT_BACKEND] } });
    expect(await passwordStage.submit(ctx, { password: APP_PASSWORD })).toEqual(WRONG);
    expect(identity.callsOf('checkToken')).toEqual([]);
  });

  it('refuses an app password with the default backends', async () => {
    const { ctx, identity } = forAlice();
    expect(await passwordStage.submit(ctx, { password: APP_PASSWORD })).toEqual(WRONG);
    expect(identity.callsOf('checkToken')).toEqual([]);
  });

  it('accepts an app password when the token backend is enabled, and records the app password backend', async () => {
    const { ctx, identity } = forAlice({ settings: { backends: [INBUILT_BACKEND, TOKEN_BACKEND] } });
    expect(await passwordStage.submit(ctx, { password: APP_PASSWORD })).toEqual({ kind: 'next' });
    expect(ctx.plan.auth_backend).toBe('app_password');
    expect(identity.callsOf('checkToken')).toEqual([{ key: APP_PASSWORD, intent: 'app_password' }]);
  });

  it('refuses another user’s app password', async () => {
    const { ctx } = forAlice({ settings: { backends: [INBUILT_BACKEND, TOKEN_BACKEND] } });
    expect(await passwordStage.submit(ctx, { password: BOB.appPassword })).toEqual(WRONG);
    expect(ctx.plan.pending_user).toBe('7');
  });

  it('refuses the real password when only the token backend is enabled', async () => {
    const { ctx, identity } = forAlice({ settings: { backends: [TOKEN_BACKEND] } });
    expect(await passwordStage.submit(ctx, { password: PASSWORD })).toEqual(WRONG);
    expect(identity.callsOf('verifyPassword')).toEqual([expect.objectContaining({ username: '' })]);
  });
});

describe('passwordStage: failed attempts', () => {
  it('allows failures below the limit (5 by default)', async () => {
    const { ctx } = forAlice({ attempts: 3 });
    expect(await passwordStage.submit(ctx, { password: 'guess' })).toEqual(WRONG);
  });

  it('denies the flow on the failure that reaches the limit (5 by default)', async () => {
    const { ctx } = forAlice({ attempts: 4 });
    expect(await passwordStage.submit(ctx, { password: 'guess' })).toEqual({
      kind: 'deny',
      message: 'Too many failed attempts. Start again.',
    });
  });

  it('denies an unknown user at the same attempt as a known one', async () => {
    const { ctx } = forNobody({ attempts: 4 });
    expect(await passwordStage.submit(ctx, { password: 'guess' })).toEqual({
      kind: 'deny',
      message: 'Too many failed attempts. Start again.',
    });
  });

  it('uses the configured limit', async () => {
    const first = forAlice({ settings: { failed_attempts_before_cancel: 1 } });
    expect((await passwordStage.submit(first.ctx, { password: 'guess' })).kind).toBe('deny');
    const second = forAlice({ settings: { failed_attempts_before_cancel: 3 }, attempts: 1 });
    expect(await passwordStage.submit(second.ctx, { password: 'guess' })).toEqual(WRONG);
  });

  it('still lets the right password through on the last allowed attempt', async () => {
    const { ctx } = forAlice({ attempts: 4 });
    expect(await passwordStage.submit(ctx, { password: PASSWORD })).toEqual({ kind: 'next' });
  });
});

describe('passwordStage: reputation', () => {
  it('charges the username and address before the password is verified', async () => {
    const { ctx, timeline } = forAlice();
    await passwordStage.submit(ctx, { password: 'guess' });
    const verifiedAt = timeline.indexOf('verifyPassword');
    expect(timeline.slice(0, verifiedAt)).toEqual(expect.arrayContaining(['reputation username -1', 'reputation ip -1']));
    expect(timeline.slice(verifiedAt)).not.toEqual(expect.arrayContaining([expect.stringMatching(/^reputation/)]));
  });

  it('lowers both scores by one for a failure, for known and unknown users alike', async () => {
    const known = forAlice();
    await passwordStage.submit(known.ctx, { password: 'guess' });
    expect(await known.reputation.scoreOf('username', 'alice')).toBe(-1);
    expect(await known.reputation.scoreOf('ip', CLIENT_IP)).toBe(-1);
    const unknown = forNobody();
    await passwordStage.submit(unknown.ctx, { password: 'guess' });
    expect(await unknown.reputation.scoreOf('username', 'mallory')).toBe(-1);
    expect(await unknown.reputation.scoreOf('ip', CLIENT_IP)).toBe(-1);
  });

  it('refunds the charge after a success, crediting one point in the end', async () => {
    const { ctx, reputation, timeline } = forAlice();
    await passwordStage.submit(ctx, { password: PASSWORD });
    expect(timeline.indexOf('reputation username +2')).toBeGreaterThan(timeline.indexOf('verifyPassword'));
    expect(await reputation.scoreOf('username', 'alice')).toBe(1);
    expect(await reputation.scoreOf('ip', CLIENT_IP)).toBe(1);
  });

  it('charges the username of the pending user, not what was typed', async () => {
    const { ctx, reputation } = forAlice({ plan: { pending_user: '7', pending_user_identifier: 'ALICE@example.com' } });
    await passwordStage.submit(ctx, { password: 'guess' });
    expect(await reputation.scoreOf('username', 'alice')).toBe(-1);
  });

  it('counts every one of many parallel wrong attempts before any of them is judged', async () => {
    const first = forAlice();
    let release: () => void = () => undefined;
    first.identity.verifyGate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const contexts = [first, ...Array.from({ length: 4 }, () => forAlice({ fakes: first }))];
    const attempts = contexts.map(({ ctx }) => passwordStage.submit(ctx, { password: 'guess' }));
    await new Promise((resolve) => setImmediate(resolve));
    expect(first.identity.callsOf('verifyPassword')).toHaveLength(5);
    expect(await first.reputation.scoreOf('username', 'alice')).toBe(-5);
    release();
    expect(await Promise.all(attempts)).toEqual(Array.from({ length: 5 }, () => WRONG));
  });
});
