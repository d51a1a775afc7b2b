import type { EventRead } from '../events/event.dto.js';
import { actionInWords, notificationBody } from './notification-body.js';

function event(fields: Partial<EventRead>): EventRead {
  return {
    pk: '33333333-3333-4333-8333-333333333333',
    action: 'login_failed',
    app: 'authmesh.flows',
    user: {},
    context: {},
    client_ip: '192.0.2.1',
    brand: {},
    created: '2026-11-29T10:00:00.000Z',
    expires: '2027-11-29T10:00:00.000Z',
    ...fields,
  };
}

describe('notification body', () => {
  it('says the action in words', () => {
    expect(actionInWords('model_created')).toBe('Model created');
    expect(notificationBody(event({}))).toBe('Login failed');
  });

  it("adds the event's message and who caused it", () => {
    expect(notificationBody(event({ context: { message: 'Invalid password' }, user: { pk: 4, username: 'alice' } }))).toBe(
      'Login failed: Invalid password (user alice)',
    );
  });

  it('names the object a model event is about when there is no message', () => {
    const body = notificationBody(
      event({ action: 'model_deleted', context: { model: { app: 'authentik_core', model_name: 'user', pk: 5, name: 'carol' } } }),
    );
    expect(body).toBe('Model deleted: authentik_core.user "carol"');
  });

  it('bounds the length of a long message', () => {
    const body = notificationBody(event({ context: { message: 'x'.repeat(5000) } }));
    expect(body.length).toBe(2000);
    expect(body.endsWith('…')).toBe(true);
  });
});
