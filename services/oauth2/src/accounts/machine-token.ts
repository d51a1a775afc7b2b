import type { KoaContext } from 'oidc-provider';
import { errors } from 'oidc-provider';
import type { OAuth2ConfigClient, OAuth2Provider__Output } from '@authmesh/rpc';
import type { SubjectDirectory } from './subject-directory.js';

/** The oidc-provider models a machine grant creates tokens with. */
interface ProviderModels {
  Grant: new (fields: { accountId: string; clientId: string }) => { addOIDCScope(scope: string): void; save(): Promise<string> };
  AccessToken: new (fields: Record<string, unknown>) => { save(): Promise<string>; expiration: number; scope?: string; tokenType: string };
}

/** The token endpoint's answer to a machine grant. */
export interface MachineTokenResponse {
  access_token: string;
  expires_in: number;
  token_type: string;
  scope?: string;
}

/**
 * The scopes a machine grant asks for (`scope`, space separated). Every one must be mapped
 * by the provider; the first that is not refuses the request with `invalid_scope`.
 */
export function requestedScopes(config: OAuth2Provider__Output, ctx: KoaContext): string[] {
  const scopes = String(ctx.oidc.params?.scope ?? '')
    .split(' ')
    .filter(Boolean);
  const known = new Set(config.scopes.map((s) => s.scope_name));
  const unknown = scopes.find((s) => !known.has(s));
  if (unknown) throw new errors.InvalidScope('scope not configured for this provider', unknown);
  return scopes;
}

/**
 * Issues an access token for a user the grant has already authenticated and let through the
 * application's policies: resolves the user's subject for this provider, records a grant for
 * the scopes and saves the token, which is stored like every other (revocable, introspectable).
 */
export async function issueMachineToken(
  core: OAuth2ConfigClient,
  subjects: SubjectDirectory,
  config: OAuth2Provider__Output,
  ctx: KoaContext,
  grant: { userPk: string; scopes: string[]; grantType: string },
): Promise<MachineTokenResponse> {
  const { subject } = await core.evaluateScopes({ provider_pk: config.pk, user_pk: grant.userPk, scopes: [] });
  await subjects.remember(config.client_id, subject, grant.userPk);
  const scope = grant.scopes.join(' ');
  const models = ctx.oidc.provider as unknown as ProviderModels;
  const record = new models.Grant({ accountId: subject, clientId: config.client_id });
  record.addOIDCScope(scope);
  const grantId = await record.save();
  const token = new models.AccessToken({
    accountId: subject,
    client: ctx.oidc.client,
    grantId,
    gty: grant.grantType,
    scope: scope || undefined,
  });
  const value = await token.save();
  return { access_token: value, expires_in: token.expiration, token_type: token.tokenType, ...(token.scope ? { scope: token.scope } : {}) };
}
