import type { Logger } from '@authmesh/logger';
import type {
  DeviceCodeActor__Output,
  FindDeviceCodeResponse,
  FlowClient,
  IdentityClient,
  OAuth2ConfigClient,
  SettleDeviceCodeResponse,
  User__Output,
} from '@authmesh/rpc';
import type { SubjectDirectory } from '../accounts/subject-directory.js';
import type { Issuer, IssuerRegistry } from '../issuer/issuer-registry.js';
import type { OidcModelRepository } from '../storage/oidc-model.repository.js';

/** The longest user code looked at; oidc-provider's are 8 characters, typed with a dash. */
const MAX_USER_CODE = 64;

const NOT_PENDING = 'This code is not valid, has expired or was already used.';

/** A user code as oidc-provider stores it: upper case, punctuation and spaces removed. */
export function normalizeUserCode(input: string): string {
  return input.slice(0, MAX_USER_CODE).toUpperCase().replace(/\W/g, '');
}

/** The oidc-provider device code entity, as far as this runtime reads and writes it. */
interface DeviceCodeEntity {
  clientId: string;
  params?: { scope?: string };
  accountId?: string;
  error?: string;
  errorDescription?: string;
  inFlight?: boolean;
  consumed?: unknown;
  isExpired: boolean;
}

interface DeviceCodeModel {
  findByUserCode(userCode: string, options: { ignoreExpiration: boolean }): Promise<DeviceCodeEntity | undefined>;
}

/** What settling a code needs from the runtime around it. */
export interface DeviceCodeDependencies {
  registry: IssuerRegistry;
  models: OidcModelRepository;
  identity: IdentityClient;
  flows: FlowClient;
  core: OAuth2ConfigClient;
  subjects: SubjectDirectory;
  logger: Logger;
  /** The public origin: the configured external URL, else the one the browser used. */
  externalUrl?: string;
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
 * Device codes (RFC 8628) as the flow executor's device code stages use them: found by the
 * user code a person typed, then approved for that person (after the provider's
 * authorization flow) or denied. A code changes only while it is pending, only for a live
 * session of the user named, and only when the application's policies let that user in.
 */
export class DeviceCodes {
  constructor(private readonly deps: DeviceCodeDependencies) {}

  async find(userCode: string, actor: DeviceCodeActor__Output): Promise<FindDeviceCodeResponse> {
    if (!(await this.sessionUser(actor))) return { found: false };
    const pending = await this.pending(userCode, originOf(actor, this.deps.externalUrl));
    if (!pending) return { found: false };
    const { issuer, code, normalized } = pending;
    const requested = new Set((code.params?.scope ?? '').split(' '));
    return {
      found: true,
      user_code: normalized,
      client_id: issuer.config.client_id,
      application_pk: issuer.config.application?.pk ?? '',
      application_slug: issuer.config.application?.slug ?? '',
      application_name: issuer.config.application?.name ?? issuer.config.name,
      authorization_flow_slug: issuer.config.authorization_flow_slug,
      permissions: issuer.config.scopes
        .filter((s) => requested.has(s.scope_name) && s.description !== '')
        .map((s) => ({ id: s.scope_name, name: s.description })),
    };
  }

  async approve(userCode: string, actor: DeviceCodeActor__Output): Promise<SettleDeviceCodeResponse> {
    const session = await this.sessionUser(actor);
    if (!session) return { settled: false, message: 'Your login session has ended. Log in again.' };
    const { user, impersonator } = session;
    const pending = await this.pending(userCode, originOf(actor, this.deps.externalUrl));
    if (!pending) return { settled: false, message: NOT_PENDING };
    const { issuer, code, normalized } = pending;
    const app = issuer.config.application;
    const access = app
      ? await this.deps.flows.checkApplicationAccess({
          application_pk: app.pk,
          policy_engine_mode: app.policy_engine_mode,
          user_pk: user.pk,
          client_ip: actor.client_ip,
          host: actor.host,
          user_agent: actor.user_agent,
          context_json: JSON.stringify({ oauth_grant_type: 'device_code', client_id: issuer.config.client_id }),
        })
      : { passing: false, messages: [] };
    if (!access.passing) {
      const message = access.messages.join(' ') || 'Access denied by policy.';
      await this.deps.models.settleDeviceCode(normalized, { error: 'access_denied', errorDescription: message });
      this.deps.emitEvent('authorize_application_denied', user, actor.client_ip, { application: app?.slug, message }, impersonator);
      return { settled: false, message };
    }

    const allowed = new Set(['openid', 'offline_access', ...issuer.config.scopes.map((s) => s.scope_name)]);
    const scopes = (code.params?.scope ?? '').split(' ').filter((s) => allowed.has(s));
    // oidc-provider knows the user by the provider's subject; the directory maps it back.
    const { subject } = await this.deps.core.evaluateScopes({ provider_pk: issuer.config.pk, user_pk: user.pk, scopes: [] });
    await this.deps.subjects.remember(issuer.config.client_id, subject, user.pk);
    const grant = new issuer.provider.Grant({ accountId: subject, clientId: issuer.config.client_id });
    grant.addOIDCScope(scopes.join(' '));
    const grantId = await grant.save();
    const lastLogin = Date.parse(user.last_login);
    const settled = await this.deps.models.settleDeviceCode(normalized, {
      accountId: subject,
      grantId,
      scope: scopes.join(' '),
      authTime: Math.floor((Number.isFinite(lastLogin) ? lastLogin : Date.now()) / 1000),
    });
    if (!settled) {
      // Someone else settled the code in the meantime; the grant made for this attempt goes.
      await this.deps.models.destroy('Grant', grantId);
      return { settled: false, message: NOT_PENDING };
    }
    this.deps.logger.info({ client: issuer.config.client_id, user: user.pk }, 'device code approved');
    this.deps.emitEvent(
      'authorize_application',
      user,
      actor.client_ip,
      {
        authorized_application: { pk: app?.pk, name: app?.name, slug: app?.slug },
        scopes: scopes.join(' '),
        flow: issuer.config.authorization_flow_slug,
        device: true,
      },
      impersonator,
    );
    return { settled: true, message: '' };
  }

  async deny(userCode: string, actor: DeviceCodeActor__Output, message: string): Promise<SettleDeviceCodeResponse> {
    const session = await this.sessionUser(actor);
    if (!session) return { settled: false, message: 'Your login session has ended. Log in again.' };
    const { user, impersonator } = session;
    const pending = await this.pending(userCode, originOf(actor, this.deps.externalUrl));
    if (!pending) return { settled: false, message: NOT_PENDING };
    const reason = message.slice(0, 500) || 'The user denied the device access.';
    if (!(await this.deps.models.settleDeviceCode(pending.normalized, { error: 'access_denied', errorDescription: reason }))) {
      return { settled: false, message: NOT_PENDING };
    }
    this.deps.emitEvent(
      'authorize_application_denied',
      user,
      actor.client_ip,
      {
        application: pending.issuer.config.application?.slug,
        message: reason,
        device: true,
      },
      impersonator,
    );
    return { settled: true, message: '' };
  }

  /** A code still waiting for a user, with the issuer of its client; null for anything else. */
  private async pending(userCode: string, origin: string): Promise<{ issuer: Issuer; code: DeviceCodeEntity; normalized: string } | null> {
    if (userCode.length > MAX_USER_CODE) return null;
    const normalized = normalizeUserCode(userCode);
    if (!normalized) return null;
    const stored = await this.deps.models.find('DeviceCode', 'user_code', normalized);
    const clientId = typeof stored?.clientId === 'string' ? stored.clientId : null;
    const issuer = clientId ? await this.deps.registry.byClientId(clientId, origin) : null;
    if (!issuer) return null;
    const model = (issuer.provider as unknown as { DeviceCode: DeviceCodeModel }).DeviceCode;
    const code = await model.findByUserCode(normalized, { ignoreExpiration: true });
    if (!code || code.isExpired || code.error || code.accountId || code.inFlight || code.consumed) return null;
    if (code.clientId !== issuer.config.client_id) return null;
    return { issuer, code, normalized };
  }

  /**
   * The user of the actor's session, when the session is live and is that user's, with the
   * admin impersonating them through it, if any.
   */
  private async sessionUser(actor: DeviceCodeActor__Output): Promise<{ user: User__Output; impersonator: User__Output | null } | null> {
    if (!actor.session_key || !actor.user_pk) return null;
    const answer = await this.deps.identity.checkSession({
      session_key: actor.session_key,
      client_ip: actor.client_ip,
      user_agent: actor.user_agent,
    });
    if (!answer.valid || !answer.user || answer.user.pk !== actor.user_pk || !answer.user.is_active) return null;
    return { user: answer.user, impersonator: answer.impersonator ?? null };
  }
}

/**
 * Where a person enters a device's code: the flow executor's device code flow at `/device`
 * (the reference product's path), with the code prefilled when known. `origin` is '' for a
 * same-origin path.
 */
export function deviceEntryUrl(origin: string, userCode: string): string {
  return `${origin}/device${userCode ? `?${new URLSearchParams({ code: userCode.slice(0, MAX_USER_CODE) })}` : ''}`;
}

/** The origin issuers are built for: the external URL when configured, else the browser's. */
export function originOf(actor: { host: string; secure: boolean }, externalUrl?: string): string {
  if (externalUrl) return externalUrl.replace(/\/+$/, '');
  return `${actor.secure ? 'https' : 'http'}://${actor.host || 'localhost'}`;
}
