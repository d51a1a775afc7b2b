import { stageContext, testUser, type StageContextOverrides, type TestDeviceCode } from '../../../test/stage-context.js';
import { oauth2DeviceCodeFinishStage } from './oauth2-device-code-finish.stage.js';

const ALICE = testUser({ pk: '7', username: 'alice' });
const SESSION = 'session-of-alice';
const PLAN = { pending_user: '7', application: 'tv', application_name: 'Television', device_user_code: 'BCDFGHJK' };

function forAlice(codes: readonly TestDeviceCode[] = [{ userCode: 'BCDFGHJK', state: 'pending' }], overrides: StageContextOverrides = {}) {
  return stageContext({
    sessionUser: ALICE,
    plan: PLAN,
    request: { sessionKey: SESSION },
    deviceCodes: codes,
    deviceSessions: new Map([[SESSION, '7']]),
    ...overrides,
  });
}

describe('oauth2DeviceCodeFinishStage', () => {
  it('approves the code for the logged-in user and says the device is connected', async () => {
    const { ctx, deviceCodes } = forAlice();
    expect(await oauth2DeviceCodeFinishStage.challenge(ctx)).toEqual({ kind: 'challenge', challenge: { application_name: 'Television' } });
    expect(deviceCodes.codes.get('BCDFGHJK')).toMatchObject({ state: 'approved', userPk: '7' });
    expect(await oauth2DeviceCodeFinishStage.submit(ctx, {})).toEqual({ kind: 'next' });
  });

  it('shows the same page again without approving twice', async () => {
    const { ctx, deviceCodes } = forAlice();
    await oauth2DeviceCodeFinishStage.challenge(ctx);
    expect((await oauth2DeviceCodeFinishStage.challenge(ctx)).kind).toBe('challenge');
    expect(deviceCodes.calls.filter((c) => c.method === 'ApproveDeviceCode')).toHaveLength(1);
  });

  it('denies when the application’s policies refuse the user; the code stays refused', async () => {
    const { ctx, deviceCodes } = forAlice([{ userCode: 'BCDFGHJK', state: 'pending', policyDenies: 'Not for interns.' }]);
    expect(await oauth2DeviceCodeFinishStage.challenge(ctx)).toEqual({ kind: 'deny', message: 'Not for interns.' });
    expect(deviceCodes.codes.get('BCDFGHJK')?.state).toBe('denied');
    expect((await oauth2DeviceCodeFinishStage.submit(ctx, {})).kind).toBe('deny');
  });

  it('denies a code that expired or was used while the authorization flow ran', async () => {
    for (const state of ['expired', 'approved'] as const) {
      const { ctx } = forAlice([{ userCode: 'BCDFGHJK', state }]);
      expect(await oauth2DeviceCodeFinishStage.challenge(ctx)).toEqual({
        kind: 'deny',
        message: 'This code is not valid, has expired or was already used.',
      });
    }
  });

  it('approves nothing for a user other than the one the flow was planned for', async () => {
    const { ctx, deviceCodes } = forAlice(undefined, { plan: { ...PLAN, pending_user: '8' } });
    expect((await oauth2DeviceCodeFinishStage.challenge(ctx)).kind).toBe('deny');
    expect(deviceCodes.calls).toEqual([]);
  });

  it('approves nothing without a device code in the plan or a logged-in user', async () => {
    expect((await oauth2DeviceCodeFinishStage.challenge(forAlice(undefined, { plan: { pending_user: '7' } }).ctx)).kind).toBe('deny');
    const anonymous = forAlice(undefined, { sessionUser: null });
    expect((await oauth2DeviceCodeFinishStage.challenge(anonymous.ctx)).kind).toBe('deny');
    expect(anonymous.deviceCodes.codes.get('BCDFGHJK')?.state).toBe('pending');
  });

  it('denies the code when its flow is abandoned before the end', async () => {
    const { ctx, deviceCodes } = forAlice();
    await oauth2DeviceCodeFinishStage.abandon?.({
      plan: ctx.plan,
      request: ctx.request,
      sessionUser: ALICE,
      services: ctx.services,
      message: 'Cancelled by the user.',
    });
    expect(deviceCodes.codes.get('BCDFGHJK')).toMatchObject({ state: 'denied', message: 'Cancelled by the user.' });
  });

  it('leaves an approved code alone when abandoned afterwards', async () => {
    const { ctx, deviceCodes } = forAlice();
    await oauth2DeviceCodeFinishStage.challenge(ctx);
    await oauth2DeviceCodeFinishStage.abandon?.({
      plan: ctx.plan,
      request: ctx.request,
      sessionUser: ALICE,
      services: ctx.services,
      message: 'x',
    });
    expect(deviceCodes.codes.get('BCDFGHJK')?.state).toBe('approved');
    expect(deviceCodes.calls.map((c) => c.method)).toEqual(['ApproveDeviceCode']);
  });
});
