import { Inject, Injectable } from '@nestjs/common';
import { paginate, type ListQuery, type Paginated } from '@authmesh/http';
import { NotFoundError, ValidationFailedError } from '@authmesh/runtime';
import type { Actor } from '../../audit/actor.js';
import { EventPublisher } from '../../audit/event-publisher.js';
import { CORE_OPTIONS } from '../../core.tokens.js';
import type { CoreOptions } from '../../core.options.js';
import { rethrowUnique } from '../../database/transactions.js';
import { FlowRepository } from '../../flows/flow.repository.js';
import { SourceEntity } from '../source.entity.js';
import { serializeSource, SourceService, sourceRef } from '../source.service.js';
import { jwksProblem } from './jwks.js';
import type { OAuthSourceFilters, OAuthSourcePatch, OAuthSourceRead, OAuthSourceWrite } from './oauth-source.dto.js';
import { OAuthSourceEntity, type JsonWebKeySet } from './oauth-source.entity.js';
import { OAuthSourceRepository } from './oauth-source.repository.js';
import { OidcDiscovery } from './oidc-discovery.js';
import { OAUTH_SOURCE_TYPES, sourceTypeOf, type OAuthSourceType } from './source-types.js';

const ENDPOINTS = ['authorization_url', 'access_token_url', 'profile_url'] as const;

/** OAuth sources: the remote provider, its client credentials, and the keys it signs JWTs with. */
@Injectable()
export class OAuthSourceService {
  constructor(
    private readonly sources: OAuthSourceRepository,
    private readonly base: SourceService,
    private readonly flows: FlowRepository,
    private readonly discovery: OidcDiscovery,
    private readonly events: EventPublisher,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  async list(filters: OAuthSourceFilters, query: ListQuery): Promise<Paginated<OAuthSourceRead>> {
    const [rows, count] = await this.sources.list(filters, query);
    return paginate(rows.map(serializeOAuthSource), count, query);
  }

  async get(slug: string): Promise<OAuthSourceRead> {
    return serializeOAuthSource(await this.require(slug));
  }

  async create(actor: Actor, input: OAuthSourceWrite): Promise<OAuthSourceRead> {
    if (!input.consumer_secret) throw ValidationFailedError.field('consumer_secret', 'This field is required.');
    const id = await this.write(Object.assign(new SourceEntity(), { type: 'oauth' }), new OAuthSourceEntity(), input);
    const saved = await this.requireId(id);
    await this.events.modelCreated(actor, sourceRef(saved.source));
    return serializeOAuthSource(saved);
  }

  async update(actor: Actor, slug: string, input: OAuthSourcePatch): Promise<OAuthSourceRead> {
    const existing = await this.require(slug);
    const id = await this.write(existing.source, existing, input);
    const saved = await this.requireId(id);
    await this.events.modelUpdated(actor, sourceRef(saved.source));
    return serializeOAuthSource(saved);
  }

  delete(actor: Actor, slug: string): Promise<void> {
    return this.base.delete(actor, slug);
  }

  sourceTypes(): readonly OAuthSourceType[] {
    return OAUTH_SOURCE_TYPES;
  }

  private async write(base: SourceEntity, oauth: OAuthSourceEntity, input: OAuthSourcePatch): Promise<string> {
    await this.checkFlows(input);
    if (input.oidc_jwks !== undefined) {
      const problem = jwksProblem(input.oidc_jwks);
      if (problem) throw ValidationFailedError.field('oidc_jwks', problem);
    }
    const remote = await this.fetchRemote(input);
    const fields = { ...input, ...remote };

    if (fields.name !== undefined) base.name = fields.name;
    if (fields.slug !== undefined) base.slug = fields.slug;
    if (fields.enabled !== undefined) base.enabled = fields.enabled;
    if (fields.authentication_flow !== undefined) base.authenticationFlow = fields.authentication_flow;
    if (fields.enrollment_flow !== undefined) base.enrollmentFlow = fields.enrollment_flow;
    if (fields.policy_engine_mode !== undefined) base.policyEngineMode = fields.policy_engine_mode;
    if (fields.user_matching_mode !== undefined) base.userMatchingMode = fields.user_matching_mode;
    if (fields.user_path_template !== undefined) base.userPathTemplate = fields.user_path_template;
    if (fields.icon !== undefined) base.icon = fields.icon;
    if (fields.provider_type !== undefined) oauth.providerType = fields.provider_type;
    if (fields.request_token_url !== undefined) oauth.requestTokenUrl = fields.request_token_url;
    if (fields.authorization_url !== undefined) oauth.authorizationUrl = fields.authorization_url;
    if (fields.access_token_url !== undefined) oauth.accessTokenUrl = fields.access_token_url;
    if (fields.profile_url !== undefined) oauth.profileUrl = fields.profile_url;
    if (fields.consumer_key !== undefined) oauth.consumerKey = fields.consumer_key;
    // An absent or empty secret keeps the stored one: it is never read back to be re-sent.
    if (fields.consumer_secret) oauth.consumerSecretSealed = this.options.secretBox.seal(fields.consumer_secret);
    if (fields.additional_scopes !== undefined) oauth.additionalScopes = fields.additional_scopes;
    if (fields.oidc_well_known_url !== undefined) oauth.oidcWellKnownUrl = fields.oidc_well_known_url;
    if (fields.oidc_jwks_url !== undefined) oauth.oidcJwksUrl = fields.oidc_jwks_url;
    if (fields.oidc_jwks !== undefined) oauth.oidcJwks = fields.oidc_jwks as JsonWebKeySet;
    fillDefaults(base, oauth);
    requireEndpoints(oauth);
    return this.sources.save(base, oauth).catch(rethrowUnique);
  }

  /**
   * The discovery document fills the endpoints and the key URL; the key URL fills the key set.
   * Only URLs this write names are fetched (a PATCH of the name fetches nothing).
   */
  private async fetchRemote(input: OAuthSourcePatch): Promise<Partial<OAuthSourceWrite>> {
    const out: Partial<OAuthSourceWrite> = {};
    if (input.oidc_well_known_url) Object.assign(out, await this.discovery.endpoints(input.oidc_well_known_url));
    const jwksUrl = out.oidc_jwks_url ?? input.oidc_jwks_url;
    if (jwksUrl) out.oidc_jwks = { ...(await this.discovery.keySet(jwksUrl)) };
    return out;
  }

  private async checkFlows(input: OAuthSourcePatch): Promise<void> {
    const problems: Record<string, string[]> = {};
    for (const field of ['authentication_flow', 'enrollment_flow'] as const) {
      const flow = input[field];
      if (flow && (await this.flows.missing([flow])).length > 0) problems[field] = [`Invalid pk "${flow}" - object does not exist.`];
    }
    if (Object.keys(problems).length > 0) throw new ValidationFailedError(problems);
  }

  private async require(slug: string): Promise<OAuthSourceEntity> {
    const source = await this.sources.findBySlug(slug);
    if (!source) throw new NotFoundError();
    return source;
  }

  private async requireId(id: string): Promise<OAuthSourceEntity> {
    const [source] = await this.sources.findByIds([id]);
    if (!source) throw new NotFoundError();
    return source;
  }
}

/** A provider type without a default endpoint needs the admin to give one. */
function requireEndpoints(oauth: OAuthSourceEntity): void {
  const type = sourceTypeOf(oauth.providerType);
  const problems: Record<string, string[]> = {};
  const values = { authorization_url: oauth.authorizationUrl, access_token_url: oauth.accessTokenUrl, profile_url: oauth.profileUrl };
  for (const field of ENDPOINTS) {
    if ((type?.[field] ?? null) === null && !values[field]) problems[field] = ['This field is required.'];
  }
  if (Object.keys(problems).length > 0) throw new ValidationFailedError(problems);
}

/** Column defaults for a new row, so the entities are complete before they are saved. */
function fillDefaults(base: SourceEntity, o: OAuthSourceEntity): void {
  base.enabled ??= true;
  base.authenticationFlow ??= null;
  base.enrollmentFlow ??= null;
  base.policyEngineMode ??= 'any';
  base.userMatchingMode ??= 'identifier';
  base.userPathTemplate ??= 'goauthentik.io/sources/%(slug)s';
  base.icon ??= null;
  base.managed ??= null;
  o.requestTokenUrl ??= null;
  o.authorizationUrl ??= null;
  o.accessTokenUrl ??= null;
  o.profileUrl ??= null;
  o.additionalScopes ??= '';
  o.oidcWellKnownUrl ??= '';
  o.oidcJwksUrl ??= '';
  o.oidcJwks ??= {};
}

export function serializeOAuthSource(o: OAuthSourceEntity): OAuthSourceRead {
  const type = sourceTypeOf(o.providerType);
  return {
    ...serializeSource(o.source),
    provider_type: o.providerType,
    request_token_url: o.requestTokenUrl,
    authorization_url: o.authorizationUrl,
    access_token_url: o.accessTokenUrl,
    profile_url: o.profileUrl,
    consumer_key: o.consumerKey,
    consumer_secret_set: Boolean(o.consumerSecretSealed),
    callback_url: `/source/oauth/callback/${o.source.slug}/`,
    additional_scopes: o.additionalScopes,
    type: type ?? {
      slug: o.providerType,
      name: 'Unknown provider type',
      urls_customizable: true,
      request_token_url: null,
      authorization_url: null,
      access_token_url: null,
      profile_url: null,
      oidc_well_known_url: null,
      oidc_jwks_url: null,
    },
    oidc_well_known_url: o.oidcWellKnownUrl,
    oidc_jwks_url: o.oidcJwksUrl,
    oidc_jwks: o.oidcJwks as Record<string, unknown>,
  };
}
