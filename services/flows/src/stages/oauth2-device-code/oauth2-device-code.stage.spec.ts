import { CLIENT_IP, stageContext, testUser, type StageContextOverrides, type TestDeviceCode } from '../../../test/stage-context.js';
import { oauth2DeviceCodeStage } from './oauth2-device-code.stage.js';

const ALICE = testUser({ pk: '7', username: 'alice' });
const SESSION = 'session-of-alice';
const NOT_VALID = { kind: 'invalid', errors: { code: ['This code is not valid, has expired or was already used.'] }, failedAttempt: true };

function forAlice(codes: readonly TestDeviceCode[] = [{ userCode: 'BCDFGHJK', state: 'pending' }], overrides: StageContextOverrides = {}) {
  return stageContext({
    sessionUser: ALICE,
    request: { sessionKey: SESSION },
    deviceCodes: codes,
    deviceSessions: new Map([[SESSION, '7']]),
    ...overrides,
  });
}

describe('oauth2DeviceCodeStage: challenge', () => {
  it('asks for the code, prefilled from the verification_uri_complete link', async () => {
    const { ctx } = forAlice(undefined, { request: { sessionKey: SESSION, query: new URLSearchParams('code=BCDF-GHJK') } });
    expect(await oauth2DeviceCodeStage.challenge(ctx)).toEqual({ kind: 'challenge', challenge: { code: 'BCDF-GHJK' } });
  });

  it('prefills nothing that does not look like a code', async () => {
    const { ctx } = forAlice(undefined, { request: { sessionKey: SESSION, query: new URLSearchParams('code=<script>') } });
    expect(await oauth2DeviceCodeStage.challenge(ctx)).toEqual({ kind: 'challenge', challenge: {} });
  });

  it('denies without a logged-in user', async () => {
    const { ctx } = forAlice(undefined, { sessionUser: null });
    expect(await oauth2DeviceCodeStage.challenge(ctx)).toEqual({ kind: 'deny', message: 'Log in before connecting a device.' });
  });

  it('runs only in memory', () => {
    expect(oauth2DeviceCodeStage.inMemory).toBe(true);
  });
});

describe('oauth2DeviceCodeStage: submit', () => {
  it('accepts a pending code in any case and with spaces, and plans the authorization flow with the finish stage', async () => {
    const { ctx, response, deviceCodes, scores } = forAlice();
    expect(await oauth2DeviceCodeStage.submit(ctx, { code: ' bcdf-ghjk ' })).toEqual({ kind: 'next' });
    expect(response.startedFlows).toEqual([
      {
        slug: 'default-provider-authorization-explicit-consent',
        context: {
          application: 'tv',
          application_name: 'Television',
          consent_permissions: [{ id: 'email', name: 'Your e-mail address' }],
          device_user_code: 'BCDFGHJK',
        },
        append: ['oauth2-device-code-finish'],
      },
    ]);
    expect(ctx.plan.redirect).toBe('/if/flow/default-provider-authorization-explicit-consent/');
    // Finding a code settles nothing, and a good code costs no reputation.
    expect(deviceCodes.codes.get('BCDFGHJK')?.state).toBe('pending');
    expect(scores.scores.size).toBe(0);
  });

  it.each([
    ['an unknown code', [] as TestDeviceCode[]],
    ['an expired code', [{ userCode: 'BCDFGHJK', state: 'expired' }] as TestDeviceCode[]],
    ['a code already used', [{ userCode: 'BCDFGHJK', state: 'approved', userPk: '8' }] as TestDeviceCode[]],
    ['a denied code', [{ userCode: 'BCDFGHJK', state: 'denied' }] as TestDeviceCode[]],
  ])('refuses %s beside the field, changes nothing and charges reputation', async (_name, codes) => {
    const { ctx, response, deviceCodes, scores } = forAlice(codes);
    const before = structuredClone([...deviceCodes.codes.values()]);
    expect(await oauth2DeviceCodeStage.submit(ctx, { code: 'BCDF-GHJK' })).toEqual(NOT_VALID);
    expect([...deviceCodes.codes.values()]).toEqual(before);
    expect(response.startedFlows).toEqual([]);
    expect(ctx.plan).toEqual({});
    expect(scores.scores.get('username:alice')).toBe(-1);
    expect(scores.scores.get(`ip:${CLIENT_IP}`)).toBe(-1);
  });

  it('charges every wrong guess, so guessing codes runs into the reputation policy', async () => {
    const { ctx, scores } = forAlice();
    for (const guess of ['AAAA-AAAA', 'BBBB-BBBB', 'CCCC-CCCC']) await oauth2DeviceCodeStage.submit(ctx, { code: guess });
    expect(scores.scores.get('username:alice')).toBe(-3);
  });

  it('checks no code once wrong guesses spent the user’s reputation, not even a good one', async () => {
    const { ctx, scores, deviceCodes, response } = forAlice();
    for (let i = 0; i < 5; i++) await oauth2DeviceCodeStage.submit(ctx, { code: `WRONG${i}` });
    const calls = deviceCodes.calls.length;
    expect(await oauth2DeviceCodeStage.submit(ctx, { code: 'BCDF-GHJK' })).toEqual({
      kind: 'invalid',
      errors: { code: ['Too many wrong codes. Try again later.'] },
      failedAttempt: false,
    });
    expect(deviceCodes.calls).toHaveLength(calls);
    expect(response.startedFlows).toEqual([]);
    expect(scores.scores.get('username:alice')).toBe(-5);
  });

  it('asks again for an empty answer without charging for it', async () => {
    const { ctx, scores, deviceCodes } = forAlice();
    expect(await oauth2DeviceCodeStage.submit(ctx, {})).toEqual({
      kind: 'invalid',
      errors: { code: ['Enter the code your device shows.'] },
      failedAttempt: false,
    });
    expect(scores.scores.size).toBe(0);
    expect(deviceCodes.calls).toEqual([]);
  });

  it('refuses an oversized answer without asking the oauth2 runtime', async () => {
    const { ctx, deviceCodes } = forAlice();
    expect(await oauth2DeviceCodeStage.submit(ctx, { code: 'B'.repeat(5000) })).toEqual(NOT_VALID);
    expect(deviceCodes.calls).toEqual([]);
  });

  it('finds nothing for a session that is not the user’s', async () => {
    const { ctx } = forAlice(undefined, { request: { sessionKey: 'someone-elses-session' } });
    expect(await oauth2DeviceCodeStage.submit(ctx, { code: 'BCDF-GHJK' })).toEqual(NOT_VALID);
  });

  it('denies the code, and the flow, when the authorization flow cannot be planned for the user', async () => {
    const { ctx, response, deviceCodes } = forAlice();
    response.startFlowAnswer = { planned: false, message: 'Only staff may use this.' };
    expect(await oauth2DeviceCodeStage.submit(ctx, { code: 'BCDF-GHJK' })).toEqual({ kind: 'deny', message: 'Only staff may use this.' });
    expect(deviceCodes.codes.get('BCDFGHJK')).toMatchObject({ state: 'denied', message: 'Only staff may use this.', userPk: '7' });
    expect(ctx.plan.redirect).toBeUndefined();
  });

  it('denies without a logged-in user, asking nothing', async () => {
    const { ctx, deviceCodes } = forAlice(undefined, { sessionUser: null });
    expect(await oauth2DeviceCodeStage.submit(ctx, { code: 'BCDF-GHJK' })).toEqual({
      kind: 'deny',
      message: 'Log in before connecting a device.',
    });
    expect(deviceCodes.calls).toEqual([]);
  });
});
