import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import Provider from 'oidc-provider';
import type { OAuth2Provider__Output } from '@authmesh/rpc';
import { accessTokenKeys, signAccessToken, verifiedAccessTokenId } from './access-token-jwt.js';
import { PROTOCOL_CLAIMS } from './mapped-claims.js';

/** The stored token as oidc-provider's models see it while saving. */
interface TokenModel {
  jti: string;
  kind: string;
  accountId?: string;
  clientId: string;
  scope?: string;
  jkt?: string;
}

interface TokenModelClass {
  prototype: { getValueAndPayload(this: TokenModel): Promise<{ value: string; payload?: Record<string, unknown> }> };
  find(value: unknown, options?: unknown): Promise<unknown>;
}

/** The user claims a JWT access token repeats (those of its id_token), or none. */
export type TokenUserClaims = (accountId: string, scope: string) => Promise<Record<string, unknown>>;

/**
 * Access tokens (user and client credentials) become JWTs signed with the provider's key, as
 * the reference product issues them: iss, sub, aud and azp (the client), client_id, scope,
 * iat, exp, jti, cnf for DPoP-bound tokens, and the user's claims when the provider puts them
 * in id_tokens. oidc-provider only issues JWTs for resource servers and then neither stores
 * them nor accepts them at userinfo, so the opaque token is still stored under its id and the
 * JWT carries that id as `jti`: looking a JWT up verifies its signature and then finds the
 * stored token, so userinfo, introspection, revocation and reuse detection work as before and
 * a revoked JWT is dead at once. A bare token id is not accepted in place of the JWT, except
 * the one the runtime put in place of a verified JWT (see `presentVerifiedTokenId`).
 */
export function issueJwtAccessTokens(provider: Provider, config: OAuth2Provider__Output, userClaims: TokenUserClaims): boolean {
  const keys = accessTokenKeys(config);
  if (!keys) return false;
  const models = provider as unknown as { AccessToken: TokenModelClass; ClientCredentials: TokenModelClass };
  for (const model of [models.AccessToken, models.ClientCredentials]) {
    const stored = model.prototype.getValueAndPayload;
    model.prototype.getValueAndPayload = async function (this: TokenModel) {
      const result = await stored.call(this);
      const payload = result.payload ?? {};
      const user = this.accountId && config.include_claims_in_id_token ? await userClaims(this.accountId, this.scope ?? '') : {};
      const claims = Object.fromEntries(Object.entries(user).filter(([name]) => !PROTOCOL_CLAIMS.has(name)));
      const value = await signAccessToken(keys, {
        ...claims,
        iss: provider.issuer,
        sub: this.accountId ?? this.clientId,
        aud: this.clientId,
        azp: this.clientId,
        client_id: this.clientId,
        scope: this.scope || undefined,
        iat: payload.iat as number,
        exp: payload.exp as number,
        jti: this.jti,
        ...(this.jkt ? { cnf: { jkt: this.jkt } } : {}),
      });
      return { ...result, value };
    };
    const find = model.find.bind(model);
    model.find = async (value: unknown, options?: unknown) => {
      const request = (currentContext() as { req?: VerifiedTokenRequest } | undefined)?.req;
      if (typeof value === 'string' && request?.[VERIFIED_TOKEN_ID] === value) return find(value, options);
      const id = await verifiedAccessTokenId(keys, value, provider.issuer);
      return id ? find(id, options) : undefined;
    };
  }
  return true;
}

const VERIFIED_TOKEN_ID = Symbol('authmesh.verifiedTokenId');
type VerifiedTokenRequest = IncomingMessage & { [VERIFIED_TOKEN_ID]?: string; body?: string };

/**
 * oidc-provider refuses anything shaped like a JWT at introspection and revocation (it takes
 * them for tokens it does not store). A JWT access token posted there is verified here and
 * replaced by the id of its stored token, which the lookup then accepts for this request only;
 * one that does not verify becomes a value that matches nothing (inactive; nothing revoked).
 */
export async function presentVerifiedTokenId(
  req: IncomingMessage,
  form: URLSearchParams,
  provider: Provider,
  config: OAuth2Provider__Output,
) {
  const token = form.get('token');
  const keys = accessTokenKeys(config);
  if (!token || !keys || !JWT_LIKE.test(token)) return;
  const id = await verifiedAccessTokenId(keys, token, provider.issuer);
  const value = id ?? `unverified-${randomUUID()}`;
  form.set('token', value);
  if (id) (req as VerifiedTokenRequest)[VERIFIED_TOKEN_ID] = id;
  (req as VerifiedTokenRequest).body = form.toString();
}

const JWT_LIKE = /^[^.]+\.[^.]+\.[^.]*$/;

/** The request oidc-provider is handling (its async-local context). */
export function currentContext(): unknown {
  return (Provider as unknown as { ctx?: unknown }).ctx;
}
