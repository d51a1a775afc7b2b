import type { IncomingMessage } from 'node:http';
import type { OAuth2Provider__Output } from '@authmesh/rpc';
import { CLIENT_ASSERTION_GRANT } from '../accounts/client-assertion.grant.js';
import { JWT_BEARER_ASSERTION } from '../clients/client-assertion.js';
import { routeClientAssertion } from './client-assertion-routing.js';

const trusted = [{ pk: 's', slug: 'ci', name: 'CI', jwks_json: '{"keys":[]}', user_path: 'p' }];
const config = (fields: Partial<OAuth2Provider__Output> = {}) =>
  ({ client_id: 'm2m', client_secret: 'sekret', client_type: 'confidential', jwks_sources: trusted, ...fields }) as OAuth2Provider__Output;
const request = (headers: Record<string, string> = {}) => ({ headers }) as unknown as IncomingMessage & { body?: string };
const form = (fields: Record<string, string> = {}) =>
  new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: 'm2m',
    client_assertion_type: JWT_BEARER_ASSERTION,
    client_assertion: 'a.b.c',
    ...fields,
  });

describe('routeClientAssertion', () => {
  it('routes a confidential client to the assertion grant, authenticated to oidc-provider as itself', () => {
    const req = request();
    expect(routeClientAssertion(req, form({ scope: 'email' }), config())).toBeNull();
    const body = new URLSearchParams(req.body);
    expect(body.get('grant_type')).toBe(CLIENT_ASSERTION_GRANT);
    expect(body.get('scope')).toBe('email');
    expect(body.has('client_assertion')).toBe(false);
    expect(req.headers.authorization).toBe(`Basic ${Buffer.from('m2m:sekret').toString('base64')}`);
  });

  it('sends a public client on with its id only', () => {
    const req = request();
    expect(routeClientAssertion(req, form(), config({ client_type: 'public', client_secret: '' }))).toBeNull();
    expect(req.headers.authorization).toBeUndefined();
    expect(new URLSearchParams(req.body).get('client_id')).toBe('m2m');
  });

  it('refuses other assertion types, a missing assertion, two authentication methods and clients trusting no source', () => {
    expect(routeClientAssertion(request(), form({ client_assertion_type: 'urn:x' }), config())?.body.error).toBe('invalid_client');
    expect(routeClientAssertion(request(), form({ client_assertion: '' }), config())?.body.error).toBe('invalid_client');
    expect(routeClientAssertion(request({ authorization: 'Basic eA==' }), form(), config())?.body.error).toBe('invalid_request');
    const none = request();
    expect(routeClientAssertion(none, form(), config({ jwks_sources: [] }))?.status).toBe(401);
    expect(none.headers.authorization).toBeUndefined();
  });
});
