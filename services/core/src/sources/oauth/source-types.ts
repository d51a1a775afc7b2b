/** One kind of remote OAuth provider a source can log in with, and the endpoints it is known to have. */
export interface OAuthSourceType {
  slug: string;
  name: string;
  /** Whether an admin may change the endpoints (self-hosted or multi-tenant services). */
  urls_customizable: boolean;
  request_token_url: string | null;
  authorization_url: string | null;
  access_token_url: string | null;
  profile_url: string | null;
  oidc_well_known_url: string | null;
  oidc_jwks_url: string | null;
}

function type(slug: string, name: string, fields: Partial<OAuthSourceType> = {}): OAuthSourceType {
  return {
    slug,
    name,
    urls_customizable: false,
    request_token_url: null,
    authorization_url: null,
    access_token_url: null,
    profile_url: null,
    oidc_well_known_url: null,
    oidc_jwks_url: null,
    ...fields,
  };
}

/**
 * The provider types of the reference product. A type without a default endpoint needs the
 * admin to give it (generic OpenID Connect, Okta, mailcow are per installation).
 */
export const OAUTH_SOURCE_TYPES: readonly OAuthSourceType[] = [
  type('apple', 'Apple', {
    authorization_url: 'https://appleid.apple.com/auth/authorize',
    access_token_url: 'https://appleid.apple.com/auth/token',
    profile_url: '',
    oidc_jwks_url: 'https://appleid.apple.com/auth/keys',
  }),
  type('azuread', 'Azure AD', {
    urls_customizable: true,
    authorization_url: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize',
    access_token_url: 'https://login.microsoftonline.com/common/oauth2/v2.0/token',
    profile_url: 'https://graph.microsoft.com/v1.0/me',
    oidc_well_known_url: 'https://login.microsoftonline.com/common/.well-known/openid-configuration',
    oidc_jwks_url: 'https://login.microsoftonline.com/common/discovery/v2.0/keys',
  }),
  type('discord', 'Discord', {
    authorization_url: 'https://discord.com/api/oauth2/authorize',
    access_token_url: 'https://discord.com/api/oauth2/token',
    profile_url: 'https://discord.com/api/users/@me',
  }),
  type('facebook', 'Facebook', {
    authorization_url: 'https://www.facebook.com/v7.0/dialog/oauth',
    access_token_url: 'https://graph.facebook.com/v7.0/oauth/access_token',
    profile_url: 'https://graph.facebook.com/v7.0/me?fields=id,name,email',
  }),
  type('github', 'GitHub', {
    urls_customizable: true,
    authorization_url: 'https://github.com/login/oauth/authorize',
    access_token_url: 'https://github.com/login/oauth/access_token',
    profile_url: 'https://api.github.com/user',
  }),
  type('google', 'Google', {
    authorization_url: 'https://accounts.google.com/o/oauth2/auth',
    access_token_url: 'https://oauth2.googleapis.com/token',
    profile_url: 'https://www.googleapis.com/oauth2/v1/userinfo',
    oidc_well_known_url: 'https://accounts.google.com/.well-known/openid-configuration',
    oidc_jwks_url: 'https://www.googleapis.com/oauth2/v3/certs',
  }),
  type('mailcow', 'Mailcow', { urls_customizable: true }),
  type('openidconnect', 'OpenID Connect', { urls_customizable: true }),
  type('okta', 'Okta', { urls_customizable: true }),
  type('patreon', 'Patreon', {
    authorization_url: 'https://www.patreon.com/oauth2/authorize',
    access_token_url: 'https://www.patreon.com/api/oauth2/token',
    profile_url: 'https://www.patreon.com/api/oauth2/v2/identity',
  }),
  type('reddit', 'Reddit', {
    authorization_url: 'https://www.reddit.com/api/v1/authorize',
    access_token_url: 'https://www.reddit.com/api/v1/access_token',
    profile_url: 'https://oauth.reddit.com/api/v1/me',
  }),
  type('twitch', 'Twitch', {
    authorization_url: 'https://id.twitch.tv/oauth2/authorize',
    access_token_url: 'https://id.twitch.tv/oauth2/token',
    profile_url: 'https://id.twitch.tv/oauth2/userinfo',
  }),
  type('twitter', 'Twitter', {
    authorization_url: 'https://twitter.com/i/oauth2/authorize',
    access_token_url: 'https://api.twitter.com/2/oauth2/token',
    profile_url: 'https://api.twitter.com/2/users/me',
  }),
];

export const OAUTH_PROVIDER_TYPES = OAUTH_SOURCE_TYPES.map((t) => t.slug) as [string, ...string[]];

export function sourceTypeOf(slug: string): OAuthSourceType | undefined {
  return OAUTH_SOURCE_TYPES.find((t) => t.slug === slug);
}
