import { policyRequest } from '../../../test/stage-context.js';
import { eventMatcherPolicy } from './event-matcher.policy.js';

const signal = new AbortController().signal;
const EVENT = {
  action: 'model_created',
  client_ip: '203.0.113.7',
  app: 'authentik.core',
  context: { model: { app: 'authentik_core', model_name: 'user', pk: 7 } },
};
const match = (settings: Record<string, unknown>, event: unknown = EVENT) =>
  eventMatcherPolicy.evaluate(settings, policyRequest({ context: { event } }), signal).then((r) => r.passing);

describe('eventMatcherPolicy', () => {
  it.each([
    ['nothing set', {}],
    ['the action', { action: 'model_created' }],
    ['the client IP', { client_ip: '203.0.113.7' }],
    ['the app', { app: 'authentik.core' }],
    ['the model as app.model_name', { model: 'authentik_core.user' }],
    ['everything', { action: 'model_created', client_ip: '203.0.113.7', app: 'authentik.core', model: 'authentik_core.user' }],
    ['empty and null settings', { action: '', client_ip: null, app: undefined }],
  ])('matches an event by %s', async (_, settings) => {
    expect(await match(settings)).toBe(true);
  });

  it.each([
    ['action', { action: 'login' }],
    ['client IP', { client_ip: '198.51.100.1' }],
    ['app', { app: 'authentik.flows' }],
    ['model', { model: 'authentik_core.group' }],
  ])('does not match an event with another %s', async (_, settings) => {
    expect(await match(settings)).toBe(false);
  });

  it('does not match a model filter against an event without a model', async () => {
    expect(await match({ model: 'authentik_core.user' }, { ...EVENT, context: {} })).toBe(false);
  });

  it('fails when there is no event to match, even with no settings', async () => {
    expect(await eventMatcherPolicy.evaluate({}, policyRequest(), signal)).toEqual({ passing: false, messages: ['No event to match.'] });
    expect(await match({}, 'model_created')).toBe(false);
    expect(await match({}, null)).toBe(false);
  });

  it('compares exactly: case and type count', async () => {
    expect(await match({ action: 'MODEL_CREATED' })).toBe(false);
    expect(await match({ client_ip: ['203.0.113.7'] })).toBe(false);
  });
});
