import type Provider from 'oidc-provider';

/** Claims the protocol sets; a scope mapping never supplies or overrides them. */
export const PROTOCOL_CLAIMS = new Set([
  'iss',
  'sub',
  'aud',
  'exp',
  'iat',
  'nbf',
  'jti',
  'nonce',
  'auth_time',
  'acr',
  'amr',
  'azp',
  'at_hash',
  'c_hash',
  's_hash',
  'sid',
  'cnf',
  'events',
  'scope',
  'client_id',
  'typ',
  '_claim_names',
  '_claim_sources',
]);

interface ClaimsInstance {
  available: Record<string, unknown>;
  scope(value?: string): ClaimsInstance;
  rejected(value?: string[]): void;
  result(): Promise<Record<string, unknown>>;
}
type ClaimsClass = new (available: Record<string, unknown>, options: unknown) => ClaimsInstance;

/**
 * oidc-provider releases only claim names it was configured with. Scope mappings are
 * expressions that may answer any name, and the account's claims are evaluated for the
 * granted scopes only, so every name they answer belongs to a granted scope: this lets the
 * names oidc-provider does not know through whenever a mapped scope is part of the mask (it is
 * not for an id_token when claims stay out of it, nor for a logout token). Standard names keep
 * oidc-provider's rules; protocol claims and claims the user rejected never pass.
 */
export function releaseMappedClaims(provider: Provider, mappedScopes: ReadonlySet<string>, knownClaims: ReadonlySet<string>): void {
  const Base = (provider as unknown as { Claims: ClaimsClass }).Claims;
  class MappedClaims extends Base {
    private readonly masked = new Set<string>();
    private refused: string[] = [];

    override scope(value = ''): ClaimsInstance {
      for (const scope of value.split(' ')) if (scope) this.masked.add(scope);
      return super.scope(value);
    }

    override rejected(value: string[] = []): void {
      this.refused = value;
      super.rejected(value);
    }

    override async result(): Promise<Record<string, unknown>> {
      const claims = await super.result();
      if (![...this.masked].some((scope) => mappedScopes.has(scope))) return claims;
      for (const [name, value] of Object.entries(this.available)) {
        if (name in claims || knownClaims.has(name) || PROTOCOL_CLAIMS.has(name) || this.refused.includes(name)) continue;
        if (value !== undefined) claims[name] = value;
      }
      return claims;
    }
  }
  Object.defineProperty(provider, 'Claims', { value: MappedClaims, configurable: true });
}
