import type { IncomingMessage } from 'node:http';
import type { OAuth2Provider__Output } from '@authmesh/rpc';
import { attachAssertion, CLIENT_ASSERTION_GRANT } from '../accounts/client-assertion.grant.js';
import { JWT_BEARER_ASSERTION } from '../clients/client-assertion.js';

/** An OAuth error answered before the request reaches oidc-provider. */
export interface RoutingRefusal {
  status: number;
  body: { error: string; error_description: string };
}

/**
 * Routes `grant_type=client_credentials` with a JWT client assertion to the client-assertion
 * grant. oidc-provider authenticates a client one registered way only, so the request is
 * authenticated to it as the client itself (its secret, or its id for a public client) and
 * the grant verifies the assertion, which is the client's real credential. Anything that
 * is not exactly one jwt-bearer assertion from a client trusting signing sources is refused.
 */
export function routeClientAssertion(req: IncomingMessage, form: URLSearchParams, config: OAuth2Provider__Output): RoutingRefusal | null {
  const refuse = (status: number, error: string, description: string) => ({ status, body: { error, error_description: description } });
  if (form.get('client_assertion_type') !== JWT_BEARER_ASSERTION) {
    return refuse(401, 'invalid_client', 'unsupported client_assertion_type');
  }
  const assertion = form.get('client_assertion');
  if (!assertion) return refuse(401, 'invalid_client', 'client_assertion is missing');
  // A client secret in the form was moved to this header: two authentication methods at once.
  if (req.headers.authorization) return refuse(400, 'invalid_request', 'only one client authentication method may be used');
  if (config.jwks_sources.length === 0) return refuse(401, 'invalid_client', 'this client accepts no client assertions');

  form.delete('client_assertion');
  form.delete('client_assertion_type');
  form.set('grant_type', CLIENT_ASSERTION_GRANT);
  form.set('client_id', config.client_id);
  if (config.client_type === 'confidential') {
    if (!config.client_secret) return refuse(401, 'invalid_client', 'client authentication failed');
    const basic = `${encodeURIComponent(config.client_id)}:${encodeURIComponent(config.client_secret)}`;
    req.headers.authorization = `Basic ${Buffer.from(basic).toString('base64')}`;
  }
  attachAssertion(req, assertion);
  (req as IncomingMessage & { body?: string }).body = form.toString();
  return null;
}
