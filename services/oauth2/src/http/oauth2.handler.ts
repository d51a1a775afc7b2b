import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '@authmesh/logger';
import type { AuthmeshConfig } from '@authmesh/config';
import { requestContext } from '@authmesh/http';
import type { Request } from 'express';
import type { InteractionHandler } from '../interactions/interaction.handler.js';
import type { Issuer, IssuerRegistry } from '../issuer/issuer-registry.js';
import type { OidcModelRepository } from '../storage/oidc-model.repository.js';
import { renderErrorPage } from './error-page.js';
import { deviceEntryUrl } from '../device/device-codes.js';
import type { GitHubRequest } from '../github/github-compat.handler.js';
import { presentedTokenId } from '../issuer/access-token-jwt.js';
import { presentVerifiedTokenId } from '../issuer/jwt-access-tokens.js';
import { githubTokenResponse } from '../github/github-token-response.js';
import { claimedClientId, presentedAccessToken, readBody, SHARED_ENDPOINTS } from './request-routing.js';
import { routeClientAssertion } from './client-assertion-routing.js';

const INTERACTION = /^\/application\/o\/interaction\/([A-Za-z0-9_-]{1,64})\/?$/;
const PER_APPLICATION = /^\/application\/o\/([-a-zA-Z0-9_]{1,50})\/(\.well-known\/openid-configuration|jwks\/|end-session\/.*)$/;

/**
 * Routes /application/o/ requests to the oidc-provider instance of the client they concern
 * (by application slug in the path, by client_id in the query or form, by client
 * authentication, or by the access token presented), or to the interaction handler.
 */
export class OAuth2Handler {
  constructor(
    private readonly registry: IssuerRegistry,
    private readonly interactions: InteractionHandler,
    private readonly models: OidcModelRepository,
    private readonly config: AuthmeshConfig,
    private readonly logger: Logger,
  ) {}

  /** The public origin: the configured external URL, else what the gateway forwarded. */
  origin(req: IncomingMessage): string {
    if (this.config.external_url) return this.config.external_url.replace(/\/+$/, '');
    const proto = String(req.headers['x-forwarded-proto'] ?? 'http')
      .split(',')[0]
      .trim();
    const host = String(req.headers['x-forwarded-host'] ?? req.headers.host ?? 'localhost')
      .split(',')[0]
      .trim();
    return `${proto === 'https' ? 'https' : 'http'}://${host}`;
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://internal');
    const origin = this.origin(req);
    const clientIp = requestContext(req as Request).clientIp;
    if ((req as GitHubRequest).githubTokenRequest) githubTokenResponse(req, res);
    const interaction = INTERACTION.exec(url.pathname);
    if (interaction) return this.interactions.handle(req, res, interaction[1], origin, clientIp);
    if (url.pathname.startsWith('/application/o/device/verify/')) {
      // The code is entered in the flow executor; links to oidc-provider's own page land there.
      const code = url.searchParams.get('user_code') ?? '';
      res.statusCode = 303;
      res.setHeader('Location', deviceEntryUrl('', code));
      res.setHeader('Cache-Control', 'no-store');
      return void res.end();
    }

    const perApp = PER_APPLICATION.exec(url.pathname);
    if (perApp && !SHARED_ENDPOINTS.has(perApp[1])) {
      const issuer = await this.registry.byApplicationSlug(perApp[1], origin);
      if (!issuer) return this.notFound(res);
      if (perApp[2] === '.well-known/openid-configuration') {
        // oidc-provider takes the part of originalUrl before url as its mount path; it has none.
        req.url = `/.well-known/openid-configuration${url.search}`;
        (req as IncomingMessage & { originalUrl?: string }).originalUrl = req.url;
      }
      return this.serve(issuer, req, res, origin);
    }

    const endpoint = /^\/application\/o\/([a-z]+)\//.exec(url.pathname)?.[1];
    if (!endpoint || !SHARED_ENDPOINTS.has(endpoint)) return this.notFound(res);
    let form = new URLSearchParams();
    if (req.method === 'POST' && /^application\/x-www-form-urlencoded/i.test(String(req.headers['content-type'] ?? ''))) {
      let body: string;
      try {
        body = await readBody(req);
      } catch {
        return this.json(res, 413, { error: 'invalid_request', error_description: 'request body too large' });
      }
      (req as IncomingMessage & { body?: string }).body = body;
      form = new URLSearchParams(body);
      if ((req as GitHubRequest).githubTokenRequest && !form.has('grant_type')) {
        form.set('grant_type', 'authorization_code');
        (req as IncomingMessage & { body?: string }).body = form.toString();
      }
      moveClientSecretToBasic(req, form);
    }
    if (endpoint === 'authorize' || endpoint === 'par') rewritePlainPkce(req, url, form);
    const clientId = await this.clientOf(endpoint, req, url, form);
    const issuer = clientId ? await this.registry.byClientId(clientId, origin) : null;
    if (!issuer) {
      if (endpoint === 'authorize') return this.page(res, 400, 'invalid_client', 'The application is not known.');
      return this.json(res, endpoint === 'userinfo' ? 401 : 400, {
        error: endpoint === 'userinfo' ? 'invalid_token' : 'invalid_client',
        error_description: endpoint === 'userinfo' ? 'invalid token provided' : 'client authentication failed',
      });
    }
    if (url.pathname === '/application/o/device/' && req.method === 'POST') {
      const refused = unconfiguredScope(issuer.config.scopes, form.get('scope'));
      if (refused)
        return this.json(res, 400, { error: 'invalid_scope', error_description: `scope not configured for this provider: ${refused}` });
    }
    if (endpoint === 'token' && form.get('grant_type') === 'client_credentials' && form.has('client_assertion_type')) {
      // Machine-to-machine login with a JWT signed by a source the provider trusts.
      const refused = unconfiguredScope(issuer.config.scopes, form.get('scope'));
      if (refused)
        return this.json(res, 400, { error: 'invalid_scope', error_description: `scope not configured for this provider: ${refused}` });
      const refusal = routeClientAssertion(req, form, issuer.config);
      if (refusal) return this.json(res, refusal.status, refusal.body);
    } else if (endpoint === 'token' && form.get('grant_type') === 'client_credentials' && form.has('username') && form.has('password')) {
      // The reference product's client credentials with a user's app password is the password grant.
      form.set('grant_type', 'password');
      (req as IncomingMessage & { body?: string }).body = form.toString();
    } else if (endpoint === 'token' && form.get('grant_type') === 'client_credentials') {
      // Machine-to-machine tokens carry only scopes the provider maps; anything else is refused, not dropped.
      const refused = unconfiguredScope(issuer.config.scopes, form.get('scope'));
      if (refused)
        return this.json(res, 400, { error: 'invalid_scope', error_description: `scope not configured for this provider: ${refused}` });
    }
    if (endpoint === 'introspect' || endpoint === 'revoke') await presentVerifiedTokenId(req, form, issuer.provider, issuer.config);
    return this.serve(issuer, req, res, origin);
  }

  private async clientOf(endpoint: string, req: IncomingMessage, url: URL, form: URLSearchParams): Promise<string | null> {
    // Resuming after an interaction (`/application/o/authorize//<uid>`): the interaction names the client.
    const resume = /^\/application\/o\/authorize\/+([A-Za-z0-9_-]{1,64})$/.exec(url.pathname);
    if (resume) {
      const interaction = await this.models.find('Interaction', 'id', resume[1]);
      const clientId = (interaction?.params as { client_id?: unknown } | undefined)?.client_id;
      return typeof clientId === 'string' ? clientId : null;
    }
    if (endpoint === 'authorize') return url.searchParams.get('client_id') ?? form.get('client_id');
    if (endpoint === 'userinfo') {
      const presented = presentedAccessToken(req.headers.authorization, form);
      // A JWT access token names its stored token in `jti`; oidc-provider verifies the signature.
      const token = presented && presented.length <= 16_384 ? presentedTokenId(presented) : null;
      if (!token || token.length > 512) return null;
      const stored = await this.models.find('AccessToken', 'id', token);
      return typeof stored?.clientId === 'string' ? stored.clientId : null;
    }
    return claimedClientId(req.headers.authorization, form) ?? url.searchParams.get('client_id');
  }

  private serve(issuer: Issuer, req: IncomingMessage, res: ServerResponse, origin: string): Promise<void> {
    // oidc-provider builds its URLs from these (proxy mode); they carry the public origin.
    const parsed = new URL(origin);
    req.headers['x-forwarded-proto'] = parsed.protocol.replace(':', '');
    req.headers['x-forwarded-host'] = parsed.host;
    return new Promise((resolve) => {
      res.on('finish', resolve);
      res.on('close', resolve);
      issuer.handler(req, res);
    });
  }

  private notFound(res: ServerResponse): void {
    this.json(res, 404, { detail: 'Not found.' });
  }

  private json(res: ServerResponse, status: number, body: unknown): void {
    res.statusCode = status;
    res.setHeader('Content-Type', 'application/json');
    res.setHeader('Cache-Control', 'no-store');
    res.end(JSON.stringify(body));
  }

  private page(res: ServerResponse, status: number, error: string, description: string): void {
    res.statusCode = status;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.end(renderErrorPage(error, description));
  }
}

/**
 * PKCE `plain` (also the RFC 7636 default when a challenge comes without a method) is turned
 * into the equivalent S256 challenge, the only method oidc-provider checks: S256(verifier)
 * equals S256(challenge) exactly when the verifier is the plain challenge.
 */
export function rewritePlainPkce(req: IncomingMessage, url: URL, form: URLSearchParams): void {
  for (const [params, apply] of [
    [
      url.searchParams,
      () => {
        req.url = `${url.pathname}?${url.searchParams.toString()}`;
        (req as IncomingMessage & { originalUrl?: string }).originalUrl = req.url;
      },
    ],
    [form, () => ((req as IncomingMessage & { body?: string }).body = form.toString())],
  ] as const) {
    const challenge = params.get('code_challenge');
    const method = params.get('code_challenge_method');
    if (!challenge || (method !== null && method !== 'plain')) continue;
    if (!/^[A-Za-z0-9._~-]{43,128}$/.test(challenge)) continue;
    params.set('code_challenge', createHash('sha256').update(challenge).digest('base64url'));
    params.set('code_challenge_method', 'S256');
    apply();
  }
}

/** The first requested scope no mapping of the provider answers, or null. Machine grants refuse it. */
export function unconfiguredScope(scopes: ReadonlyArray<{ scope_name: string }>, requested: string | null): string | null {
  const known = new Set(scopes.map((s) => s.scope_name));
  return (requested ?? '').split(' ').find((s) => s !== '' && !known.has(s)) ?? null;
}

/**
 * Clients may send their secret in the form (client_secret_post), as the reference product
 * and GitHub's token endpoint accept; oidc-provider allows one method per client, so the
 * credentials move to the HTTP Basic header they are registered with. A request that also
 * has an Authorization header is left alone (oidc-provider refuses two methods at once).
 */
export function moveClientSecretToBasic(req: IncomingMessage, form: URLSearchParams): void {
  const clientId = form.get('client_id');
  const secret = form.get('client_secret');
  if (!clientId || secret === null || req.headers.authorization) return;
  req.headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64')}`;
  // client_id stays: endpoints like PAR read it as a request parameter too.
  form.delete('client_secret');
  (req as IncomingMessage & { body?: string }).body = form.toString();
}
