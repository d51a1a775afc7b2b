import { CSRF_COOKIE, SESSION_COOKIE } from '@authmesh/http';
import { CLIENT_IP, stageContext, testUser, type StageContextOverrides } from '../../../test/stage-context.js';
import { userDeleteStage } from './user-delete.stage.js';

const ALICE = testUser({ pk: '7', username: 'alice' });
const BOB = testUser({ pk: '8', username: 'bob' });
const CLEARED = [
  { name: SESSION_COOKIE, value: '', maxAgeSeconds: 0, httpOnly: true },
  { name: CSRF_COOKIE, value: '', maxAgeSeconds: 0, httpOnly: false },
];

function unenrolling(overrides: StageContextOverrides = {}) {
  const built = stageContext({
    users: [{ user: ALICE }, { user: BOB }],
    sessionUser: ALICE,
    plan: { pending_user: '7' },
    request: { sessionKey: 'session-key-a' },
    ...overrides,
  });
  built.identity.sessions.set('session-key-a', '7');
  return built;
}

describe('userDeleteStage', () => {
  it('deletes the pending user, and only that user', async () => {
    const { ctx, identity } = unenrolling();
    expect(await userDeleteStage.challenge(ctx)).toEqual({ kind: 'next' });
    expect(identity.callsOf('deleteUser')).toEqual([{ userPk: '7', clientIp: CLIENT_IP }]);
    expect([...identity.users.keys()]).toEqual(['8']);
  });

  it('ends this browser’s session and clears its cookies', async () => {
    const { ctx, identity, response } = unenrolling();
    await userDeleteStage.challenge(ctx);
    expect(identity.callsOf('endSession')).toEqual(['session-key-a']);
    expect(identity.sessions.size).toBe(0);
    expect(response.cookies).toEqual(CLEARED);
  });

  it('forgets the deleted user in the plan', async () => {
    const { ctx } = unenrolling();
    await userDeleteStage.challenge(ctx);
    expect(ctx.plan.pending_user).toBeUndefined();
  });

  it('clears the cookies even when the browser had no session', async () => {
    const { ctx, identity, response } = unenrolling({ request: { sessionKey: null } });
    await userDeleteStage.challenge(ctx);
    expect(identity.callsOf('endSession')).toEqual([]);
    expect(response.cookies).toEqual(CLEARED);
  });

  it('denies when no user is pending, deleting nothing and keeping the session', async () => {
    const { ctx, identity, response } = unenrolling({ plan: {} });
    expect(await userDeleteStage.challenge(ctx)).toEqual({ kind: 'deny', message: 'There is no account to delete.' });
    expect(identity.calls).toEqual([]);
    expect(response.cookies).toEqual([]);
  });

  it('does the same on submit', async () => {
    const { ctx, identity } = unenrolling();
    expect(await userDeleteStage.submit(ctx, {})).toEqual({ kind: 'next' });
    expect(identity.callsOf('deleteUser')).toHaveLength(1);
  });

  it('keeps the session and plan when core cannot delete the user', async () => {
    const { ctx, identity, response } = unenrolling();
    jest.spyOn(identity, 'deleteUser').mockRejectedValue(new Error('core unreachable'));
    await expect(userDeleteStage.challenge(ctx)).rejects.toThrow('core unreachable');
    expect(identity.callsOf('endSession')).toEqual([]);
    expect(response.cookies).toEqual([]);
    expect(ctx.plan.pending_user).toBe('7');
  });
});
