import { createHmac } from 'node:crypto';
import Provider, { interactionPolicy, type KoaContext } from 'oidc-provider';
import type { OAuth2Provider__Output } from '@authmesh/rpc';
import { redirectUriAllowed } from '../clients/redirect-uri.js';
import { CLIENT_ASSERTION_GRANT } from '../accounts/client-assertion.grant.js';
import type { OutboundClient } from '@authmesh/outbound';
import { retiredJwks, signingJwk } from './signing-keys.js';
import { currentContext, issueJwtAccessTokens } from './jwt-access-tokens.js';
import { releaseMappedClaims } from './mapped-claims.js';
import { outboundFetch } from './outbound-fetch.js';
import type { OidcAdapter } from '../storage/postgres-adapter.js';
import { renderErrorPage } from '../http/error-page.js';
import { deviceEntryUrl } from '../device/device-codes.js';

/** Claims the built-in and typical scope mappings answer; a mapped scope may release any of them. */
export const RELEASABLE_CLAIMS = [
  'name',
  'given_name',
  'family_name',
  'middle_name',
  'nickname',
  'preferred_username',
  'profile',
  'picture',
  'website',
  'email',
  'email_verified',
  'gender',
  'birthdate',
  'zoneinfo',
  'locale',
  'phone_number',
  'phone_number_verified',
  'address',
  'updated_at',
  'groups',
];

/** Authorization code, implicit and hybrid, as the reference product offers them. */
const RESPONSE_TYPES = ['code', 'id_token', 'id_token token', 'code id_token', 'code token', 'code id_token token'];

/** Where a stand-in redirect URI points when only regex entries are registered; it never matches (see redirectUriAllowed). */
const NO_STRICT_REDIRECT = 'https://redirect-uri.invalid/regex-only';

/** What a provider instance needs from the runtime around it. */
export interface ProviderDependencies {
  adapter: new (name: string) => OidcAdapter;
  installationSecret: string;
  findAccount(config: OAuth2Provider__Output, ctx: KoaContext, accountId: string): Promise<unknown>;
  /** The app password grant (`grant_type=password`, the reference product's username + app password). */
  appPasswordGrant(config: OAuth2Provider__Output, ctx: KoaContext): Promise<void>;
  /** Client credentials with a JWT client assertion signed by a trusted source (routed as CLIENT_ASSERTION_GRANT). */
  clientAssertionGrant(config: OAuth2Provider__Output, ctx: KoaContext): Promise<void>;
  /** Whether the application's policies let a machine-to-machine client have a token (no user). */
  clientCredentialsAllowed(config: OAuth2Provider__Output, ctx: KoaContext): Promise<boolean>;
  /** Whether the authmesh login session in this request belongs to `accountId` (the oidc session must not outlive it). */
  sessionMatches(ctx: KoaContext, accountId: string | undefined): Promise<boolean>;
  /** Back-channel logout tokens go out through it. */
  outbound: OutboundClient;
}

/**
 * Another provider's client, as its own provider instance knows it (so a logout token for it
 * is signed by its issuer and keys); undefined when there is none.
 */
export type PeerClient = (clientId: string) => Promise<unknown>;

/** The public URL of the runtime's paths for one application. */
export function applicationBase(origin: string, slug: string): string {
  return `${origin}/application/o/${slug}`;
}

/** The issuer of a provider: per application, or the installation's origin in global mode. */
export function issuerOf(config: OAuth2Provider__Output, origin: string): string {
  return config.issuer_mode === 'global' ? `${origin}/` : `${applicationBase(origin, config.application?.slug ?? '')}/`;
}

/**
 * One oidc-provider instance for one OAuth2 provider (one client): its issuer, keys, scopes,
 * lifetimes and routes at the reference product's paths. Instances are rebuilt when core
 * announces a configuration change.
 */
export function createOidcProvider(
  config: OAuth2Provider__Output,
  origin: string,
  deps: ProviderDependencies,
  peerClient: PeerClient = async () => undefined,
): Provider {
  const slug = config.application?.slug ?? '';
  const jwk = signingJwk(config);
  const retired = jwk ? retiredJwks(config) : [];
  const backchannelLogoutUri = /^https?:\/\//i.test(config.backchannel_logout_uri ?? '') ? config.backchannel_logout_uri : '';
  const scopes = [...new Set(['openid', 'offline_access', ...config.scopes.map((s) => s.scope_name)])];
  const strict = config.redirect_uris.filter((r) => r.matching_mode === 'strict' && /^https?:/i.test(r.url)).map((r) => r.url);
  const confidential = config.client_type === 'confidential';
  const ttl = (seconds: string | number) => Math.max(1, Number(seconds));
  // Implicit and hybrid answers travel in the fragment, so OpenID Connect allows them only to
  // https redirect URIs that are not localhost; a client with any other entry gets code only.
  const implicitAllowed =
    strict.length > 0 &&
    strict.every((uri) => {
      const parsed = URL.parse(uri);
      return parsed?.protocol === 'https:' && parsed.hostname !== 'localhost';
    });
  const base = `/application/o/${slug}`;

  const policy = interactionPolicy.base();
  // The oidc-provider session must never outlive (or belong to someone else than) the authmesh login.
  policy
    .get('login')
    ?.checks.add(
      new interactionPolicy.Check('authmesh_session', 'the authmesh login session ended or changed', async (ctx: KoaContext) =>
        (await deps.sessionMatches(ctx, (ctx.oidc as unknown as { session?: { accountId?: string } }).session?.accountId))
          ? interactionPolicy.Check.NO_NEED_TO_PROMPT
          : interactionPolicy.Check.REQUEST_PROMPT,
      ),
    );

  const provider = new Provider(issuerOf(config, origin), {
    adapter: deps.adapter,
    clients: [
      {
        client_id: config.client_id,
        ...(config.client_secret ? { client_secret: config.client_secret } : {}),
        client_name: config.application?.name ?? config.name,
        token_endpoint_auth_method: confidential ? 'client_secret_basic' : 'none',
        redirect_uris: strict.length > 0 ? strict : [NO_STRICT_REDIRECT],
        post_logout_redirect_uris: strict,
        grant_types: [
          'authorization_code',
          'refresh_token',
          'password',
          'urn:ietf:params:oauth:grant-type:device_code',
          ...(confidential ? ['client_credentials'] : []),
          ...(config.jwks_sources.length > 0 ? [CLIENT_ASSERTION_GRANT] : []),
        ],
        response_types: implicitAllowed ? RESPONSE_TYPES : ['code'],
        id_token_signed_response_alg: jwk?.alg ?? 'HS256',
        scope: scopes.join(' '),
        ...(backchannelLogoutUri ? { backchannel_logout_uri: backchannelLogoutUri, backchannel_logout_session_required: true } : {}),
      },
    ],
    // The signing key first; retired keys only verify (their key_ops say so), until their period ends.
    jwks: { keys: jwk ? [jwk, ...retired] : [] },
    findAccount: (ctx: KoaContext, sub: string) => deps.findAccount(config, ctx, sub),
    claims: {
      openid: ['sub'],
      ...Object.fromEntries(config.scopes.filter((s) => s.scope_name !== 'openid').map((s) => [s.scope_name, RELEASABLE_CLAIMS])),
    },
    scopes,
    responseTypes: RESPONSE_TYPES,
    conformIdTokenClaims: !config.include_claims_in_id_token,
    allowOmittingSingleRegisteredRedirectUri: false,
    pkce: { required: (_ctx: KoaContext, client: { clientAuthMethod: string }) => client.clientAuthMethod === 'none' },
    rotateRefreshToken: true,
    routes: {
      authorization: '/application/o/authorize/',
      token: '/application/o/token/',
      userinfo: '/application/o/userinfo/',
      introspection: '/application/o/introspect/',
      revocation: '/application/o/revoke/',
      jwks: `${base}/jwks/`,
      end_session: `${base}/end-session/`,
      pushed_authorization_request: '/application/o/par/',
      code_verification: '/application/o/device/verify/',
      device_authorization: '/application/o/device/',
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      deviceFlow: {
        enabled: true,
        charset: 'base-20',
        mask: '****-****',
      },
      introspection: {
        enabled: true,
        // Only the provider's own client may introspect, and only its own tokens.
        allowedPolicy: async (ctx: KoaContext, client: { clientId: string }, token: { clientId?: string }) =>
          client.clientId === config.client_id && token.clientId === config.client_id,
      },
      revocation: {
        enabled: true,
        // A client revokes only its own tokens.
        allowedPolicy: async (_ctx: KoaContext, client: { clientId: string }, token: { clientId?: string }) =>
          client.clientId === config.client_id && token.clientId === config.client_id,
      },
      rpInitiatedLogout: { enabled: true },
      backchannelLogout: { enabled: true },
      pushedAuthorizationRequests: { enabled: true },
      dPoP: { enabled: true },
      requestObjects: { enabled: true },
      resourceIndicators: { enabled: false },
    },
    enabledJWA: {
      idTokenSigningAlgValues: jwk ? [...new Set([jwk.alg, ...retired.map((k) => k.alg)])] : ['HS256'],
      userinfoSigningAlgValues: jwk ? [jwk.alg] : ['HS256'],
      requestObjectSigningAlgValues: ['HS256', 'RS256', 'PS256', 'ES256', 'ES384', 'EdDSA'],
    },
    ttl: {
      AccessToken: ttl(config.access_token_validity_seconds),
      ClientCredentials: ttl(config.access_token_validity_seconds),
      IdToken: ttl(config.access_token_validity_seconds),
      AuthorizationCode: ttl(config.access_code_validity_seconds),
      RefreshToken: ttl(config.refresh_token_validity_seconds),
      Grant: ttl(config.refresh_token_validity_seconds),
      Interaction: 3600,
      Session: 14 * 24 * 3600,
      DeviceCode: 600,
    },
    interactions: { policy, url: (_ctx: KoaContext, interaction: { uid: string }) => `/application/o/interaction/${interaction.uid}/` },
    cookies: {
      keys: [createHmac('sha256', deps.installationSecret).update('authmesh-oauth2-cookies').digest('base64url')],
      names: { session: 'authmesh_oidc_session', interaction: 'authmesh_oidc_interaction', resume: 'authmesh_oidc_resume' },
    },
    renderError: async (ctx: KoaContext, out: Record<string, string>) => {
      ctx.type = 'html';
      ctx.body = renderErrorPage(out.error ?? 'error', out.error_description ?? '');
    },
    clientBasedCORS: (_ctx: KoaContext, requestOrigin: string) => strict.some((uri) => URL.parse(uri)?.origin === requestOrigin),
    fetch: outboundFetch(deps.outbound),
  });
  provider.proxy = true;
  provider.registerGrantType('password', (ctx: KoaContext) => deps.appPasswordGrant(config, ctx), ['username', 'password', 'scope']);
  provider.registerGrantType(CLIENT_ASSERTION_GRANT, (ctx: KoaContext) => deps.clientAssertionGrant(config, ctx), ['scope']);
  // The user enters a device's code in the flow executor (`/device`), not on oidc-provider's
  // page; the runtime redirects that page there for links that still point at it.
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.oidc?.route !== 'device_authorization' || ctx.status !== 200) return;
    const body = ctx.body as { user_code?: string; verification_uri?: string; verification_uri_complete?: string };
    if (typeof body?.user_code !== 'string') return;
    body.verification_uri = deviceEntryUrl(origin, '');
    body.verification_uri_complete = deviceEntryUrl(origin, body.user_code);
  });
  // Application policies decide client credentials too. The token is only minted once the
  // client authenticated, so the decision runs after it and a denied token is destroyed
  // before anything is sent.
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.oidc?.route !== 'token' || ctx.status !== 200 || ctx.oidc.params?.grant_type !== 'client_credentials') return;
    if (await deps.clientCredentialsAllowed(config, ctx)) return;
    await ctx.oidc.entities.ClientCredentials?.destroy?.();
    ctx.status = 400;
    ctx.body = { error: 'invalid_grant', error_description: 'access to the application was denied by policy' };
  });
  // Strict entries compare parsed URLs, regex entries match whole; never a script or data URI.
  const registered = config.redirect_uris;
  const Client = (provider as unknown as { Client: { prototype: Record<string, unknown> } }).Client;
  Client.prototype.redirectUriAllowed = (value: string) => redirectUriAllowed(value, registered);
  Client.prototype.postLogoutRedirectUriAllowed = (value: string) => redirectUriAllowed(value, registered);
  notifyPeersOnLogout(provider, config.client_id, peerClient);
  releaseMappedClaims(
    provider,
    new Set(config.scopes.map((s) => s.scope_name).filter((s) => s !== 'openid')),
    new Set(['sub', ...RELEASABLE_CLAIMS]),
  );
  issueJwtAccessTokens(provider, config, async (accountId, scope) => {
    const ctx = currentContext() as KoaContext | undefined;
    const account = ctx
      ? ((await deps.findAccount(config, ctx, accountId)) as
          { claims?(use: string, scope: string): Promise<Record<string, unknown>> } | undefined)
      : undefined;
    return (await account?.claims?.('id_token', scope)) ?? {};
  });
  return provider;
}

/**
 * One provider instance knows one client, but the login session is shared by every
 * application the user signed in to. When a session ends (end-session confirmed), the other
 * clients it holds are looked up in their own instances, so each relying party with a
 * back-channel logout URI gets a logout token from its own issuer. Only that step sees them.
 */
function notifyPeersOnLogout(provider: Provider, ownClientId: string, peerClient: PeerClient): void {
  const Client = (provider as unknown as { Client: { find(id: string): Promise<unknown> } }).Client;
  const own = Client.find.bind(Client);
  Client.find = async (id: string) => {
    if (id === ownClientId) return own(id);
    const ctx = currentContext() as KoaContext | undefined;
    if (ctx?.oidc?.route !== 'end_session_confirm' || typeof id !== 'string' || id.length > 255) return own(id);
    return (await peerClient(id)) ?? own(id);
  };
}
