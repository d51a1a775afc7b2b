import { Inject, Injectable } from '@nestjs/common';
import { uniqueViolation } from '@authmesh/db';
import { paginate, type ListQuery, type Paginated } from '@authmesh/http';
import { NotFoundError, ValidationFailedError } from '@authmesh/runtime';
import type { Actor } from '../../audit/actor.js';
import { EventPublisher, type ModelRef } from '../../audit/event-publisher.js';
import { CORE_OPTIONS } from '../../core.tokens.js';
import type { CoreOptions } from '../../core.options.js';
import { durationMs } from '../../brands/duration.js';
import { rethrowUnique } from '../../database/transactions.js';
import { FlowRepository } from '../../flows/flow.repository.js';
import { ProviderEntity } from '../provider.entity.js';
import { ProviderRepository } from '../provider.repository.js';
import { SourceRepository } from '../../sources/source.repository.js';
import { generateClientId, generateClientSecret } from './client-credentials.js';
import type {
  OAuth2ProviderFilters,
  OAuth2ProviderPatch,
  OAuth2ProviderRead,
  OAuth2ProviderWrite,
  SetupUrls,
  RetiredKeys,
} from './oauth2-provider.dto.js';
import { OAuth2ProviderEntity } from './oauth2-provider.entity.js';
import { OAuth2ProviderRepository } from './oauth2-provider.repository.js';
import { ScopeClaimsService } from './scope-claims.service.js';

/** OAuth2/OpenID providers: client registration for the oauth2 runtime. */
@Injectable()
export class OAuth2ProviderService {
  constructor(
    private readonly providers: OAuth2ProviderRepository,
    private readonly base: ProviderRepository,
    private readonly flows: FlowRepository,
    private readonly events: EventPublisher,
    private readonly claims: ScopeClaimsService,
    private readonly sources: SourceRepository,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  async list(filters: OAuth2ProviderFilters, query: ListQuery): Promise<Paginated<OAuth2ProviderRead>> {
    const [rows, count] = await this.providers.list(filters, query);
    const assigned = await this.base.assignments(rows.map((r) => r.providerId));
    return paginate(
      rows.map((r) => serializeOAuth2Provider(r, assigned.get(r.providerId))),
      count,
      query,
    );
  }

  async get(id: number): Promise<OAuth2ProviderRead> {
    const provider = await this.require(id);
    return serializeOAuth2Provider(provider, (await this.base.assignments([id])).get(id));
  }

  /** Creates a provider; a generated client secret is in this one answer and never again. */
  async create(actor: Actor, input: OAuth2ProviderWrite): Promise<OAuth2ProviderRead> {
    const generated = input.client_secret ? undefined : generateClientSecret();
    const base = Object.assign(new ProviderEntity(), { type: 'oauth2' });
    const oauth2 = new OAuth2ProviderEntity();
    const id = await this.write(base, oauth2, {
      ...input,
      client_id: input.client_id ?? generateClientId(),
      client_secret: input.client_secret ?? generated,
    });
    const saved = await this.require(id);
    await this.events.modelCreated(actor, ref(saved));
    return { ...serializeOAuth2Provider(saved), ...(generated ? { client_secret: generated } : {}) };
  }

  async update(actor: Actor, id: number, input: OAuth2ProviderPatch): Promise<OAuth2ProviderRead> {
    const existing = await this.require(id);
    await this.write(existing.provider, existing, input);
    const saved = await this.require(id);
    await this.events.modelUpdated(actor, ref(saved));
    return serializeOAuth2Provider(saved, (await this.base.assignments([id])).get(id));
  }

  async delete(actor: Actor, id: number): Promise<void> {
    const existing = await this.require(id);
    await this.providers.delete(id);
    await this.events.modelDeleted(actor, ref(existing));
  }

  /** Reveals the client secret; callers must hold the permission, and the reveal is audited. */
  async viewClientSecret(actor: Actor, id: number): Promise<{ client_secret: string }> {
    const provider = await this.require(id);
    if (!provider.clientSecretSealed) throw new NotFoundError('This provider has no client secret.');
    await this.events.emit('secret_view', actor, { provider: ref(provider) });
    return { client_secret: this.options.secretBox.open(provider.clientSecretSealed) };
  }

  /** The URLs an application is configured with, under the external URL (or the request's origin). */
  /** The provider's retired signing keys that still verify, newest first. */
  async retiredKeys(id: number): Promise<RetiredKeys> {
    const provider = await this.require(id);
    const keys = await this.providers.retiredSigningKeys(provider.providerId);
    return keys.map((k) => ({
      key_pair: k.keyId,
      name: k.name,
      retired_at: k.retiredAt.toISOString(),
      verify_until: k.verifyUntil.toISOString(),
    }));
  }

  async setupUrls(id: number, requestOrigin: string): Promise<SetupUrls> {
    await this.require(id);
    const slug = (await this.base.assignments([id])).get(id)?.slug;
    const origin = (this.options.config.external_url ?? requestOrigin).replace(/\/+$/, '');
    const provider = await this.require(id);
    const app = slug ? `${origin}/application/o/${slug}` : null;
    return {
      issuer: provider.issuerMode === 'global' ? `${origin}/` : app && `${app}/`,
      authorize: `${origin}/application/o/authorize/`,
      token: `${origin}/application/o/token/`,
      user_info: `${origin}/application/o/userinfo/`,
      provider_info: app && `${app}/.well-known/openid-configuration`,
      logout: app && `${app}/end-session/`,
      jwks: app && `${app}/jwks/`,
      device: `${origin}/application/o/device/`,
      introspect: `${origin}/application/o/introspect/`,
      revoke: `${origin}/application/o/revoke/`,
    };
  }

  /** An example of the token claims for a user: issuer, audience, subject and every mapped scope's claims. */
  async previewUser(id: number, userPk: number, requestOrigin: string): Promise<{ preview: Record<string, unknown> }> {
    const provider = await this.require(id);
    let result;
    try {
      result = await this.claims.forUser(id, String(userPk));
    } catch (error) {
      if (error instanceof ValidationFailedError) throw ValidationFailedError.field('for_user', 'No such user.');
      throw error;
    }
    const urls = await this.setupUrls(id, requestOrigin);
    return { preview: { iss: urls.issuer, aud: provider.clientId, ...result.claims, sub: result.subject } };
  }

  private async write(base: ProviderEntity, oauth2: OAuth2ProviderEntity, input: OAuth2ProviderPatch): Promise<number> {
    await this.checkReferences(input);
    if (input.name !== undefined) base.name = input.name;
    if (input.authentication_flow !== undefined) base.authenticationFlow = input.authentication_flow;
    if (input.authorization_flow !== undefined) base.authorizationFlow = input.authorization_flow;
    if (input.client_type !== undefined) oauth2.clientType = input.client_type;
    if (input.client_id !== undefined) oauth2.clientId = input.client_id;
    // An absent or empty secret keeps the stored one: it is never read back to be re-sent.
    if (input.client_secret) oauth2.clientSecretSealed = this.options.secretBox.seal(input.client_secret);
    if (input.access_code_validity !== undefined) oauth2.accessCodeValidity = input.access_code_validity;
    if (input.access_token_validity !== undefined) oauth2.accessTokenValidity = input.access_token_validity;
    if (input.refresh_token_validity !== undefined) oauth2.refreshTokenValidity = input.refresh_token_validity;
    if (input.include_claims_in_id_token !== undefined) oauth2.includeClaimsInIdToken = input.include_claims_in_id_token;
    // The key that signed until now stays verifiable until what it signed has expired.
    const previousKey = oauth2.signingKeyId ?? null;
    const previousValidity = oauth2.accessTokenValidity;
    if (input.signing_key !== undefined) oauth2.signingKeyId = input.signing_key;
    if (input.redirect_uris !== undefined) oauth2.redirectUris = input.redirect_uris;
    if (input.backchannel_logout_uri !== undefined) oauth2.backchannelLogoutUri = input.backchannel_logout_uri;
    if (input.sub_mode !== undefined) oauth2.subMode = input.sub_mode;
    if (input.issuer_mode !== undefined) oauth2.issuerMode = input.issuer_mode;
    if (input.jwks_sources !== undefined) oauth2.jwksSources = [...new Set(input.jwks_sources)];
    fillDefaults(oauth2);
    if (oauth2.clientType === 'confidential' && !oauth2.clientSecretSealed) {
      throw ValidationFailedError.field('client_secret', 'A confidential client needs a client secret.');
    }
    const rotation =
      previousKey && previousKey !== oauth2.signingKeyId
        ? { keyId: previousKey, verifyUntil: new Date(Date.now() + retirementPeriodMs(previousValidity, oauth2.accessTokenValidity)) }
        : undefined;
    return this.providers.save(base, input.property_mappings, oauth2, rotation).catch(rethrowOAuth2Unique);
  }

  private async checkReferences(input: OAuth2ProviderPatch): Promise<void> {
    const problems: Record<string, string[]> = {};
    for (const field of ['authentication_flow', 'authorization_flow'] as const) {
      const flow = input[field];
      if (flow && (await this.flows.missing([flow])).length > 0) problems[field] = [`Invalid pk "${flow}" - object does not exist.`];
    }
    const missing = await this.providers.missingScopeMappings(input.property_mappings ?? []);
    if (missing.length > 0) problems.property_mappings = [`Invalid pk "${missing[0]}" - object does not exist.`];
    if (input.signing_key && !(await this.providers.certificateWithKeyExists(input.signing_key))) {
      problems.signing_key = [`Invalid pk "${input.signing_key}" - no certificate-key pair with a private key.`];
    }
    // Trusted JWKS sources are OAuth sources; their keys sign client assertions.
    const unknownSources = await this.sources.missingOAuthSources(input.jwks_sources ?? []);
    if (unknownSources.length > 0) problems.jwks_sources = [`Invalid pk "${unknownSources[0]}" - object does not exist.`];
    if (Object.keys(problems).length > 0) throw new ValidationFailedError(problems);
  }

  private async require(id: number): Promise<OAuth2ProviderEntity> {
    const provider = await this.providers.findById(id);
    if (!provider) throw new NotFoundError();
    return provider;
  }
}

/** Column defaults for a new row, so the entity is complete before it is saved. */
function fillDefaults(o: OAuth2ProviderEntity): void {
  o.clientType ??= 'confidential';
  o.clientSecretSealed ??= null;
  o.redirectUris ??= [];
  o.backchannelLogoutUri ??= '';
  o.signingKeyId ??= null;
  o.accessCodeValidity ??= 'minutes=1';
  o.accessTokenValidity ??= 'minutes=5';
  o.refreshTokenValidity ??= 'days=30';
  o.includeClaimsInIdToken ??= true;
  o.subMode ??= 'hashed_user_id';
  o.issuerMode ??= 'per_provider';
  o.jwksSources ??= [];
}

/**
 * How long a replaced signing key stays published: as long as a token it signed can live.
 * ID tokens and access tokens share the access token validity; the longer of the old and the
 * new setting covers tokens issued under either.
 */
export function retirementPeriodMs(previousValidity: string | undefined, currentValidity: string): number {
  return Math.max(durationMs(previousValidity ?? currentValidity), durationMs(currentValidity));
}

function rethrowOAuth2Unique(error: unknown): never {
  if (uniqueViolation(error)?.constraint === 'oauth2_providers_client_id_unique') {
    throw ValidationFailedError.field('client_id', 'A provider with this client ID already exists.');
  }
  return rethrowUnique(error);
}

export function serializeOAuth2Provider(o: OAuth2ProviderEntity, assigned?: { slug: string; name: string }): OAuth2ProviderRead {
  const p = o.provider;
  return {
    pk: p.id,
    name: p.name,
    component: 'ak-provider-oauth2-form',
    meta_model_name: 'authentik_providers_oauth2.oauth2provider',
    verbose_name: 'OAuth2/OpenID Provider',
    verbose_name_plural: 'OAuth2/OpenID Providers',
    authentication_flow: p.authenticationFlow,
    authorization_flow: p.authorizationFlow,
    property_mappings: (p.propertyMappings ?? []).map((m) => m.id),
    assigned_application_slug: assigned?.slug ?? null,
    assigned_application_name: assigned?.name ?? null,
    client_type: o.clientType,
    client_id: o.clientId,
    client_secret_set: o.clientSecretSealed !== null,
    access_code_validity: o.accessCodeValidity,
    access_token_validity: o.accessTokenValidity,
    refresh_token_validity: o.refreshTokenValidity,
    include_claims_in_id_token: o.includeClaimsInIdToken,
    signing_key: o.signingKeyId,
    redirect_uris: o.redirectUris,
    backchannel_logout_uri: o.backchannelLogoutUri,
    sub_mode: o.subMode as OAuth2ProviderRead['sub_mode'],
    issuer_mode: o.issuerMode,
    jwks_sources: o.jwksSources,
  };
}

function ref(o: OAuth2ProviderEntity): ModelRef {
  return { app: 'authentik_providers_oauth2', model_name: 'oauth2provider', pk: o.providerId, name: o.provider.name };
}
