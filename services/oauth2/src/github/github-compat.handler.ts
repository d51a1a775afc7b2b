import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FlowClient, IdentityClient, User__Output } from '@authmesh/rpc';
import { GrpcStatus, RpcCallError } from '@authmesh/rpc';
import type { SubjectDirectory } from '../accounts/subject-directory.js';
import { accessTokenKeys, presentedTokenId, verifiedAccessTokenId } from '../issuer/access-token-jwt.js';
import type { ClientConfigCache } from '../clients/client-config.cache.js';
import type { OidcModelRepository } from '../storage/oidc-model.repository.js';

/** A request the GitHub token path rewrote: GitHub clients leave out `grant_type`. */
export type GitHubRequest = IncomingMessage & { githubTokenRequest?: boolean };

/** The GitHub API paths some applications only know; served from the same tokens and users. */
export const GITHUB_PREFIXES = ['/login/oauth/', '/user/'];

/**
 * GitHub-compatible endpoints, as the reference product offers them: `/login/oauth/authorize`
 * and `/login/oauth/access_token` lead to the OAuth2 endpoints, `/user` and `/user/teams`
 * describe the token's user in GitHub's shape (groups as teams).
 */
export class GitHubCompat {
  constructor(
    private readonly models: OidcModelRepository,
    private readonly subjects: SubjectDirectory,
    private readonly clients: ClientConfigCache,
    private readonly identity: IdentityClient,
    private readonly flows: FlowClient,
  ) {}

  /** Rewrites the OAuth paths in place (answers true), or serves /user (answers after responding). */
  async handle(req: IncomingMessage, res: ServerResponse, clientIp: string): Promise<'rewritten' | 'served'> {
    const url = new URL(req.url ?? '/', 'http://internal');
    if (url.pathname === '/login/oauth/authorize' || url.pathname === '/login/oauth/authorize/') {
      if (!url.searchParams.has('response_type')) url.searchParams.set('response_type', 'code');
      res.statusCode = 302;
      res.setHeader('Location', `/application/o/authorize/?${url.searchParams.toString()}`);
      res.end();
      return 'served';
    }
    if (url.pathname === '/login/oauth/access_token' || url.pathname === '/login/oauth/access_token/') {
      req.url = `/application/o/token/${url.search}`;
      (req as GitHubRequest).githubTokenRequest = true;
      (req as IncomingMessage & { originalUrl?: string }).originalUrl = req.url;
      return 'rewritten';
    }
    if (url.pathname === '/user' || url.pathname === '/user/' || url.pathname === '/user/teams' || url.pathname === '/user/teams/') {
      const user = await this.userOfToken(req, clientIp);
      if (!user) return this.json(res, 401, { message: 'Bad credentials' });
      return this.json(res, 200, url.pathname.startsWith('/user/teams') ? teams(user) : githubUser(user));
    }
    return this.json(res, 404, { message: 'Not Found' });
  }

  /** The active user an access token (Bearer or GitHub's `token`) was issued to, if the application still lets them in. */
  private async userOfToken(req: IncomingMessage, clientIp: string): Promise<User__Output | null> {
    const match = /^(?:bearer|token)\s+(\S{1,16384})$/i.exec(String(req.headers.authorization ?? ''));
    const id = match ? presentedTokenId(match[1]) : null;
    if (!match || !id || id.length > 512) return null;
    const token = await this.models.find('AccessToken', 'id', id);
    // Sender-constrained (DPoP) tokens need their proof, which this API has no way to take.
    if (!token || token.consumed || token.jkt || typeof token.clientId !== 'string' || typeof token.accountId !== 'string') return null;
    if (typeof token.exp === 'number' && token.exp * 1000 <= Date.now()) return null;
    const userPk = await this.subjects.userOf(token.clientId, token.accountId);
    const config = await this.clients.byClientId(token.clientId);
    if (!userPk || !config?.application) return null;
    // A JWT is accepted only with the provider's signature; a bare id only where tokens are opaque.
    const keys = accessTokenKeys(config);
    if (keys ? (await verifiedAccessTokenId(keys, match[1])) !== id : id !== match[1]) return null;
    const user = await this.identity.getUser({ pk: userPk }).catch((error: unknown) => {
      if (error instanceof RpcCallError && error.status === GrpcStatus.NOT_FOUND) return null;
      throw error;
    });
    if (!user?.is_active) return null;
    const access = await this.flows.checkApplicationAccess({
      application_pk: config.application.pk,
      policy_engine_mode: config.application.policy_engine_mode,
      user_pk: user.pk,
      client_ip: clientIp,
      host: String(req.headers.host ?? ''),
      user_agent: String(req.headers['user-agent'] ?? ''),
      context_json: JSON.stringify({ oauth_route: 'github_user' }),
    });
    return access.passing ? user : null;
  }

  private json(res: ServerResponse, status: number, body: unknown): 'served' {
    res.statusCode = status;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.end(JSON.stringify(body));
    return 'served';
  }
}

/** A user in the shape of GitHub's `GET /user`. */
export function githubUser(user: User__Output): Record<string, unknown> {
  return {
    login: user.username,
    id: Number(user.pk),
    node_id: user.uuid,
    avatar_url: '',
    gravatar_id: '',
    type: 'User',
    site_admin: false,
    name: user.name,
    company: '',
    blog: '',
    location: '',
    email: user.email,
    hireable: false,
    bio: '',
    public_repos: 0,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: user.last_login || null,
    updated_at: user.last_login || null,
  };
}

/** The user's groups in the shape of GitHub's `GET /user/teams`. */
export function teams(user: User__Output): Array<Record<string, unknown>> {
  return user.groups.map((group) => ({
    id: group.pk,
    node_id: group.pk,
    name: group.name,
    slug: group.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, ''),
    description: '',
    privacy: 'closed',
    permission: 'pull',
    parent: null,
    organization: {},
  }));
}
