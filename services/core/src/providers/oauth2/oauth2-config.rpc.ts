import { timingSafeEqual, createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  loadProtos,
  unary,
  type EvaluateScopesRequest__Output,
  type EvaluateScopesResponse,
  type GetOAuth2ProviderRequest__Output,
  type GrpcHost,
  type OAuth2Provider,
  type VerifyClientSecretRequest__Output,
} from '@authmesh/rpc';
import { NotFoundError } from '@authmesh/runtime';
import { durationMs } from '../../brands/duration.js';
import { CertificateKeyPairRepository } from '../../certificates/certificate-key-pair.repository.js';
import { CORE_OPTIONS } from '../../core.tokens.js';
import type { CoreOptions } from '../../core.options.js';
import type { OAuth2ProviderEntity } from './oauth2-provider.entity.js';
import { OAuth2ProviderRepository } from './oauth2-provider.repository.js';
import { ScopeClaimsService } from './scope-claims.service.js';
import { ScopeMappingRepository } from './scope-mapping.repository.js';
import { OAuthSourceRepository } from '../../sources/oauth/oauth-source.repository.js';
import { userPathOf } from '../../sources/source.entity.js';

/** Core's OAuth2ConfigService: what the oauth2 runtime needs about clients, keys and claims. */
@Injectable()
export class OAuth2ConfigRpc {
  constructor(
    private readonly providers: OAuth2ProviderRepository,
    private readonly mappings: ScopeMappingRepository,
    private readonly certificates: CertificateKeyPairRepository,
    private readonly claims: ScopeClaimsService,
    private readonly sources: OAuthSourceRepository,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  register(host: GrpcHost): void {
    const logger = this.options.logger;
    host.add(loadProtos().oauth2Config.authmesh.core.v1.OAuth2ConfigService.service, {
      GetOAuth2Provider: unary(logger, (req: GetOAuth2ProviderRequest__Output) => this.getProvider(req)),
      VerifyClientSecret: unary(logger, async (req: VerifyClientSecretRequest__Output) => ({ valid: await this.verifySecret(req) })),
      EvaluateScopes: unary(logger, (req: EvaluateScopesRequest__Output) => this.evaluateScopes(req)),
    });
  }

  async getProvider(req: GetOAuth2ProviderRequest__Output): Promise<OAuth2Provider> {
    const row =
      req.key === 'client_id'
        ? await this.providers.findByClientId(req.client_id ?? '')
        : req.key === 'application_slug'
          ? await this.providers.findByApplicationSlug(req.application_slug ?? '')
          : req.key === 'pk'
            ? await this.providers.findById(req.pk ?? 0)
            : null;
    if (!row) throw new NotFoundError('no such OAuth2 provider');
    return this.message(row);
  }

  private async message(row: OAuth2ProviderEntity): Promise<OAuth2Provider> {
    const p = row.provider;
    const flows = await this.providers.flowSlugs([p.authorizationFlow, p.authenticationFlow].filter((f): f is string => Boolean(f)));
    const app = await this.providers.applicationOf(row.providerId);
    const scopes = await this.mappings.findByIds((p.propertyMappings ?? []).map((m) => m.id));
    const key = row.signingKeyId ? await this.certificates.findById(row.signingKeyId) : null;
    const trusted = await this.sources.findByIds(row.jwksSources);
    const retired = [];
    for (const old of await this.providers.retiredSigningKeys(row.providerId)) {
      const pair = await this.certificates.findById(old.keyId);
      if (!pair?.keyDataSealed || !pair.keyType) continue;
      retired.push({
        pk: pair.id,
        private_key_pem: this.options.secretBox.open(pair.keyDataSealed),
        key_type: pair.keyType,
        retired_at: String(Math.floor(old.retiredAt.getTime() / 1000)),
        verify_until: String(Math.floor(old.verifyUntil.getTime() / 1000)),
      });
    }
    return {
      pk: row.providerId,
      name: p.name,
      client_type: row.clientType,
      client_id: row.clientId,
      client_secret: row.clientSecretSealed ? this.options.secretBox.open(row.clientSecretSealed) : '',
      redirect_uris: row.redirectUris,
      authorization_flow_slug: (p.authorizationFlow && flows.get(p.authorizationFlow)) || '',
      authentication_flow_slug: (p.authenticationFlow && flows.get(p.authenticationFlow)) || '',
      access_code_validity_seconds: String(Math.floor(durationMs(row.accessCodeValidity) / 1000)),
      access_token_validity_seconds: String(Math.floor(durationMs(row.accessTokenValidity) / 1000)),
      refresh_token_validity_seconds: String(Math.floor(durationMs(row.refreshTokenValidity) / 1000)),
      include_claims_in_id_token: row.includeClaimsInIdToken,
      sub_mode: row.subMode,
      issuer_mode: row.issuerMode,
      signing_key:
        key?.keyDataSealed && key.keyType
          ? {
              pk: key.id,
              certificate_pem: key.certificateData,
              private_key_pem: this.options.secretBox.open(key.keyDataSealed),
              key_type: key.keyType,
            }
          : undefined,
      retired_signing_keys: retired,
      backchannel_logout_uri: row.backchannelLogoutUri,
      scopes: scopes.map((s) => ({ scope_name: s.scopeName, description: s.description })),
      application: app
        ? { pk: app.id, slug: app.slug, name: app.name, policy_engine_mode: app.policy_engine_mode, launch_url: app.meta_launch_url }
        : undefined,
      // As in the reference product, `enabled` governs logins through the source, not its keys.
      jwks_sources: trusted.map((s) => ({
        pk: s.sourceId,
        slug: s.source.slug,
        name: s.source.name,
        jwks_json: JSON.stringify(s.oidcJwks),
        user_path: userPathOf(s.source),
      })),
    };
  }

  async verifySecret(req: VerifyClientSecretRequest__Output): Promise<boolean> {
    const row = req.client_id ? await this.providers.findByClientId(req.client_id) : null;
    const stored = row?.clientSecretSealed ? this.options.secretBox.open(row.clientSecretSealed) : null;
    // Digests have equal lengths, so the comparison takes the same time whatever was sent.
    const given = createHash('sha256').update(req.client_secret).digest();
    const expected = createHash('sha256')
      .update(stored ?? `\0no-client\0${req.client_secret}`)
      .digest();
    return timingSafeEqual(given, expected) && stored !== null && req.client_secret !== '';
  }

  async evaluateScopes(req: EvaluateScopesRequest__Output): Promise<EvaluateScopesResponse> {
    const result = await this.claims.forUser(req.provider_pk, req.user_pk, req.scopes);
    return { claims_json: JSON.stringify(result.claims), granted_scopes: result.granted, subject: result.subject };
  }
}
