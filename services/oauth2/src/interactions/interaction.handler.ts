import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InteractionDetails } from 'oidc-provider';
import { parseCookies, secretsEqual, serializeCookie, SESSION_COOKIE } from '@authmesh/http';
import type { Logger } from '@authmesh/logger';
import type { FlowClient, FlowConfigClient, IdentityClient, OAuth2ConfigClient, User__Output } from '@authmesh/rpc';
import type { Issuer, IssuerRegistry } from '../issuer/issuer-registry.js';
import type { OidcModelRepository } from '../storage/oidc-model.repository.js';
import { renderErrorPage } from '../http/error-page.js';
import type { SubjectDirectory } from '../accounts/subject-directory.js';

const FLOW_COOKIE = 'authmesh_flow';
/** Where the interaction's own state lives beside oidc-provider's artifacts. */
const STATE_MODEL = 'AuthmeshInteraction';

/** What this runtime remembers about one interaction between the browser's visits. */
interface InteractionState {
  /** Digest of the one-time token only a completed authorization flow reveals (its redirect). */
  doneDigest?: string;
  /** The user the authorization flow was prepared for. */
  userPk?: string;
  /** The session that must be replaced by a fresh login (prompt=login, max_age). */
  staleSession?: string;
}

/** Where the browser is sent: the flow interface for a flow. */
export function flowInterfaceUrl(slug: string, query: string): string {
  return `/if/flow/${slug}/${query ? `?${query}` : ''}`;
}

/** The subset of the runtime an interaction needs. */
export interface InteractionDependencies {
  registry: IssuerRegistry;
  models: OidcModelRepository;
  identity: IdentityClient;
  flows: FlowClient;
  flowConfig: FlowConfigClient;
  core: OAuth2ConfigClient;
  subjects: SubjectDirectory;
  logger: Logger;
  /** Records an event; `impersonator` is the admin acting through an impersonated session. */
  emitEvent(
    action: string,
    user: User__Output | null,
    clientIp: string,
    context: Record<string, unknown>,
    impersonator?: User__Output | null,
  ): void;
}

/**
 * Login and consent for oidc-provider, through the flow executor: without an authmesh
 * session the browser goes to the authentication flow; then the provider's authorization
 * flow is prepared with a one-time completion token in its final redirect, so coming back
 * proves the flow was completed by this user. Application policies decide last.
 */
export class InteractionHandler {
  constructor(private readonly deps: InteractionDependencies) {}

  async handle(req: IncomingMessage, res: ServerResponse, uid: string, origin: string, clientIp: string): Promise<void> {
    const stored = await this.deps.models.find('Interaction', 'id', uid);
    const clientId = (stored?.params as { client_id?: unknown } | undefined)?.client_id;
    const issuer = typeof clientId === 'string' ? await this.deps.registry.byClientId(clientId, origin) : null;
    if (!issuer) return this.errorPage(res, 400, 'invalid_request', 'This sign-in request has expired or does not exist.');
    let details: InteractionDetails;
    try {
      details = await issuer.provider.interactionDetails(req, res);
    } catch {
      return this.errorPage(res, 400, 'invalid_request', 'This sign-in request has expired or belongs to another browser.');
    }
    const cookies = parseCookies(req.headers.cookie);
    const sessionKey = cookies.get(SESSION_COOKIE) ?? '';
    const userAgent = String(req.headers['user-agent'] ?? '');
    const host = String(req.headers['x-forwarded-host'] ?? req.headers.host ?? '');
    const session = sessionKey
      ? await this.deps.identity.checkSession({ session_key: sessionKey, client_ip: clientIp, user_agent: userAgent })
      : { valid: false, user: null, session_uuid: '', impersonator: null };
    const state = ((await this.deps.models.find(STATE_MODEL, 'id', uid)) ?? {}) as InteractionState;
    const self = `/application/o/interaction/${uid}/`;

    const forcedLogin = details.prompt.name === 'login' && details.prompt.reasons.some((r) => r === 'login_prompt' || r === 'max_age');
    if (forcedLogin && state.staleSession === undefined) {
      state.staleSession = session.valid ? session.session_uuid : '';
      await this.save(uid, state);
    }
    const freshEnough = !forcedLogin || (session.valid && session.session_uuid !== state.staleSession);
    if (!session.valid || !session.user || !freshEnough) {
      const slug =
        issuer.config.authentication_flow_slug || (await this.deps.flowConfig.getDefaultFlow('authentication', host.replace(/:\d+$/, '')));
      return this.redirect(res, flowInterfaceUrl(slug, new URLSearchParams({ next: self }).toString()));
    }
    const user = session.user;
    // While an admin impersonates the user, events name the admin acting on the user's behalf.
    const impersonator = session.impersonator ?? null;

    const done = new URL(req.url ?? '/', 'http://x').searchParams.get('done');
    if (done && state.doneDigest && secretsEqual(digest(done), state.doneDigest) && state.userPk === user.pk) {
      return this.finish(req, res, issuer, details, user, { clientIp, host, userAgent, impersonator }, uid);
    }
    return this.startAuthorization(res, issuer, details, user, uid, state, sessionKey, cookies.get(FLOW_COOKIE) ?? '', {
      clientIp,
      userAgent,
      host,
      secure: origin.startsWith('https:'),
      impersonator,
    });
  }

  private async startAuthorization(
    res: ServerResponse,
    issuer: Issuer,
    details: InteractionDetails,
    user: User__Output,
    uid: string,
    state: InteractionState,
    sessionKey: string,
    flowKey: string,
    request: { clientIp: string; userAgent: string; host: string; secure: boolean; impersonator: User__Output | null },
  ): Promise<void> {
    const slug = issuer.config.authorization_flow_slug;
    if (!slug) return this.errorPage(res, 500, 'server_error', 'The provider has no authorization flow.');
    const token = randomBytes(32).toString('base64url');
    await this.save(uid, { ...state, doneDigest: digest(token), userPk: user.pk });
    const requested = new Set(String(details.params.scope ?? '').split(' '));
    const prepared = await this.deps.flows.preparePlan({
      flow_slug: slug,
      flow_key: flowKey,
      session_key: sessionKey,
      client_ip: request.clientIp,
      user_agent: request.userAgent,
      host: request.host,
      context_json: JSON.stringify({
        application: issuer.config.application?.slug,
        application_name: issuer.config.application?.name,
        consent_permissions: issuer.config.scopes
          .filter((s) => requested.has(s.scope_name) && s.description !== '')
          .map((s) => ({ id: s.scope_name, name: s.description })),
        redirect: `/application/o/interaction/${uid}/?done=${token}`,
      }),
      query: '',
    });
    if (!prepared.planned) return this.deny(res, issuer, user, request, prepared.message || 'The authorization flow denied access.');
    if (prepared.flow_key !== flowKey) {
      res.appendHeader('Set-Cookie', serializeCookie(FLOW_COOKIE, prepared.flow_key, { httpOnly: true, secure: request.secure }));
    }
    return this.redirect(res, flowInterfaceUrl(slug, ''));
  }

  private async finish(
    req: IncomingMessage,
    res: ServerResponse,
    issuer: Issuer,
    details: InteractionDetails,
    user: User__Output,
    request: { clientIp: string; host: string; userAgent: string; impersonator: User__Output | null },
    uid: string,
  ): Promise<void> {
    const { clientIp, host, userAgent } = request;
    const app = issuer.config.application;
    const access = app
      ? await this.deps.flows.checkApplicationAccess({
          application_pk: app.pk,
          policy_engine_mode: app.policy_engine_mode,
          user_pk: user.pk,
          client_ip: clientIp,
          host,
          user_agent: userAgent,
          context_json: JSON.stringify({ oauth_route: 'authorization' }),
        })
      : { passing: false, messages: [] };
    await this.deps.models.destroy(STATE_MODEL, uid);
    if (!access.passing) return this.deny(res, issuer, user, request, access.messages.join(' ') || 'Access denied by policy.', req);

    const allowed = new Set(['openid', 'offline_access', ...issuer.config.scopes.map((s) => s.scope_name)]);
    const scopes = String(details.params.scope ?? '')
      .split(' ')
      .filter((s) => allowed.has(s));
    // oidc-provider knows the user by the provider's subject; the directory maps it back.
    const { subject } = await this.deps.core.evaluateScopes({ provider_pk: issuer.config.pk, user_pk: user.pk, scopes: [] });
    await this.deps.subjects.remember(issuer.config.client_id, subject, user.pk);
    const grant =
      (details.grantId && (await issuer.provider.Grant.find(details.grantId))) ||
      new issuer.provider.Grant({ accountId: subject, clientId: issuer.config.client_id });
    grant.addOIDCScope(scopes.join(' '));
    const grantId = await grant.save();
    const lastLogin = Date.parse(user.last_login);
    const result = {
      login: { accountId: subject, ...(Number.isFinite(lastLogin) ? { ts: Math.floor(lastLogin / 1000) } : {}) },
      consent: { grantId },
    };
    this.deps.emitEvent(
      'authorize_application',
      user,
      clientIp,
      {
        authorized_application: { pk: app?.pk, name: app?.name, slug: app?.slug },
        scopes: scopes.join(' '),
        flow: issuer.config.authorization_flow_slug,
      },
      request.impersonator,
    );
    const to = await issuer.provider.interactionResult(req, res, result, { mergeWithLastSubmission: false });
    return this.redirect(res, to);
  }

  private async deny(
    res: ServerResponse,
    issuer: Issuer,
    user: User__Output,
    request: { clientIp: string; impersonator: User__Output | null },
    message: string,
    req?: IncomingMessage,
  ) {
    const context = { application: issuer.config.application?.slug, message };
    this.deps.emitEvent('authorize_application_denied', user, request.clientIp, context, request.impersonator);
    if (!req) return this.errorPage(res, 403, 'access_denied', message);
    const to = await issuer.provider.interactionResult(
      req,
      res,
      { error: 'access_denied', error_description: message },
      { mergeWithLastSubmission: false },
    );
    return this.redirect(res, to);
  }

  private save(uid: string, state: InteractionState): Promise<void> {
    return this.deps.models.upsert(STATE_MODEL, uid, { ...state }, 3600);
  }

  private redirect(res: ServerResponse, to: string): void {
    res.statusCode = 303;
    res.setHeader('Location', to);
    res.setHeader('Cache-Control', 'no-store');
    res.end();
  }

  private errorPage(res: ServerResponse, status: number, error: string, description: string): void {
    res.statusCode = status;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.end(renderErrorPage(error, description));
  }
}

function digest(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}
