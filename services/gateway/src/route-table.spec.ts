import { matchRoute, routedServices, ROUTES, type Route } from './route-table.js';

describe('route table', () => {
  it('prefers the longest matching prefix whatever the table order', () => {
    const reversed: Route[] = [...ROUTES].reverse();
    for (const routes of [ROUTES, reversed]) {
      expect(matchRoute('/api/v3/events/events/', routes)?.service).toBe('events');
      expect(matchRoute('/api/v3/flows/executor/default/', routes)?.service).toBe('flows');
      expect(matchRoute('/api/v3/flows/instances/', routes)?.service).toBe('core');
    }
  });

  it('matches whole prefixes only, and a prefix without its trailing slash', () => {
    expect(matchRoute('/api/v3/eventsx/')?.service).toBe('core');
    expect(matchRoute('/api/v3')?.service).toBe('core');
    expect(matchRoute('/flows')?.service).toBe('flows');
    expect(matchRoute('/flowsx/')).toBeUndefined();
  });

  it('routes nothing outside the table', () => {
    expect(matchRoute('/')).toBeUndefined();
    expect(matchRoute('/application/saml/x/sso/binding/redirect/')).toBeUndefined();
    expect(matchRoute('/API/V3/core/')).toBeUndefined();
  });

  it('sends the OAuth2 paths to the oauth2 runtime', () => {
    expect(matchRoute('/application/o/authorize/')?.service).toBe('oauth2');
    expect(matchRoute('/application/o/grafana/.well-known/openid-configuration')?.service).toBe('oauth2');
    expect(matchRoute('/login/oauth/access_token')?.service).toBe('oauth2');
    expect(matchRoute('/user')?.service).toBe('oauth2');
    expect(matchRoute('/user/teams')?.service).toBe('oauth2');
    expect(matchRoute('/users/')).toBeUndefined();
  });

  it('sends the device verification URI to the flows service', () => {
    expect(matchRoute('/device')?.service).toBe('flows');
    expect(matchRoute('/device/')?.service).toBe('flows');
    expect(matchRoute('/devices/')).toBeUndefined();
  });

  it('sends notification rules and transports to core, and the user notifications to events', () => {
    expect(matchRoute('/api/v3/events/rules/')?.service).toBe('core');
    expect(matchRoute('/api/v3/events/rules/4b7f7a52-2c1e-4f7e-9d2a-0c6a1c3f9e11/used_by/')?.service).toBe('core');
    expect(matchRoute('/api/v3/events/transports/')?.service).toBe('core');
    expect(matchRoute('/api/v3/events/transports')?.service).toBe('core');
    expect(matchRoute('/api/v3/events/transports/4b7f7a52-2c1e-4f7e-9d2a-0c6a1c3f9e11/test/')?.service).toBe('core');
    expect(matchRoute('/api/v3/events/notifications/')?.service).toBe('events');
    expect(matchRoute('/api/v3/events/rulesx/')?.service).toBe('events');
  });

  it('sends reputation scores to the flows service, and other policy paths to core', () => {
    expect(matchRoute('/api/v3/policies/reputation/scores/')?.service).toBe('flows');
    expect(matchRoute('/api/v3/policies/reputation/scores/0b6f0c7e-5a52-4c1e-9d0f-3a7c2b1e4d5f/used_by/')?.service).toBe('flows');
    expect(matchRoute('/api/v3/policies/reputation/')?.service).toBe('core');
    expect(matchRoute('/api/v3/policies/all/')?.service).toBe('core');
  });

  it('lists each routed service once', () => {
    expect(routedServices()).toEqual(['events', 'flows', 'oauth2', 'core']);
  });
});
