import { CSRF_COOKIE, SESSION_COOKIE } from '@authmesh/http';
import { CLIENT_IP, stageContext, testUser, type StageContextOverrides } from '../../../test/stage-context.js';
import { userLogoutStage } from './user-logout.stage.js';

const ALICE = testUser({ pk: '7', username: 'alice' });
const CLEARED = [
  { name: SESSION_COOKIE, value: '', maxAgeSeconds: 0, httpOnly: true },
  { name: CSRF_COOKIE, value: '', maxAgeSeconds: 0, httpOnly: false },
];

function loggedIn(overrides: StageContextOverrides = {}) {
  const built = stageContext({ users: [{ user: ALICE }], sessionUser: ALICE, request: { sessionKey: 'session-key-a' }, ...overrides });
  built.identity.sessions.set('session-key-a', '7');
  built.identity.sessions.set('session-key-other-browser', '7');
  return built;
}

describe('userLogoutStage', () => {
  it('ends this browser’s session in core and continues', async () => {
    const { ctx, identity } = loggedIn();
    expect(await userLogoutStage.challenge(ctx)).toEqual({ kind: 'next' });
    expect(identity.callsOf('endSession')).toEqual(['session-key-a']);
    expect(identity.sessions.has('session-key-a')).toBe(false);
  });

  it('leaves the user’s sessions in other browsers alone', async () => {
    const { ctx, identity } = loggedIn();
    await userLogoutStage.challenge(ctx);
    expect(identity.sessions.has('session-key-other-browser')).toBe(true);
  });

  it('clears the session and CSRF cookies', async () => {
    const { ctx, response } = loggedIn();
    await userLogoutStage.challenge(ctx);
    expect(response.cookies).toEqual(CLEARED);
  });

  it('records a logout event for the logged-in user', async () => {
    const { ctx, events } = loggedIn();
    await userLogoutStage.challenge(ctx);
    expect(events).toEqual([{ action: 'logout', user: ALICE, clientIp: CLIENT_IP, context: {} }]);
  });

  it('still clears the cookies of a browser without a session, calling nothing and recording nothing', async () => {
    const { ctx, identity, response, events } = stageContext({});
    expect(await userLogoutStage.challenge(ctx)).toEqual({ kind: 'next' });
    expect(identity.calls).toEqual([]);
    expect(events).toEqual([]);
    expect(response.cookies).toEqual(CLEARED);
  });

  it('does the same on submit', async () => {
    const { ctx, identity, response } = loggedIn();
    expect(await userLogoutStage.submit(ctx, {})).toEqual({ kind: 'next' });
    expect(identity.callsOf('endSession')).toEqual(['session-key-a']);
    expect(response.cookies).toEqual(CLEARED);
  });
});
