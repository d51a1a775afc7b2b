import { Inject, Injectable } from '@nestjs/common';
import { OutboundClient, OutboundRequestError } from '@authmesh/outbound';
import { ValidationFailedError } from '@authmesh/runtime';
import { CORE_OPTIONS } from '../../core.tokens.js';
import type { CoreOptions } from '../../core.options.js';
import { jwksProblem } from './jwks.js';
import type { JsonWebKeySet } from './oauth-source.entity.js';

/** Discovery documents and key sets are small; a slow or large answer is a misconfiguration. */
const TIMEOUT_MS = 5_000;
const MAX_BYTES = 512 * 1024;

/** The endpoints an OpenID Connect discovery document names. */
export interface DiscoveredEndpoints {
  authorization_url: string;
  access_token_url: string;
  profile_url: string;
  oidc_jwks_url: string;
}

/**
 * Reads an OAuth source's remote configuration when the source is saved, as the reference
 * product does: the discovery document (endpoints and key URL) and the key set. Requests go
 * through the outbound client, so loopback and link-local targets are refused unless the
 * installation allows them. Every failure is a 400 on the field that named the URL.
 */
@Injectable()
export class OidcDiscovery {
  private readonly outbound: OutboundClient;

  constructor(@Inject(CORE_OPTIONS) options: CoreOptions) {
    this.outbound = new OutboundClient({
      allowedNetworks: options.config?.outbound_allowed_cidrs ?? [],
      userAgent: `authmesh/${options.version}`,
      timeoutMs: TIMEOUT_MS,
      maxResponseBytes: MAX_BYTES,
    });
  }

  async endpoints(url: string): Promise<DiscoveredEndpoints> {
    const doc = await this.fetchJson(url, 'oidc_well_known_url');
    // The endpoint columns hold 255 characters, as in the reference product.
    const text = (key: string, max = 255) => {
      const value = doc[key];
      if (typeof value !== 'string' || !/^https?:\/\//.test(value))
        throw ValidationFailedError.field('oidc_well_known_url', `Invalid well-known configuration: "${key}" is missing.`);
      if (value.length > max)
        throw ValidationFailedError.field('oidc_well_known_url', `Invalid well-known configuration: "${key}" is too long.`);
      return value;
    };
    return {
      authorization_url: text('authorization_endpoint'),
      access_token_url: text('token_endpoint'),
      profile_url: text('userinfo_endpoint'),
      oidc_jwks_url: text('jwks_uri', 2048),
    };
  }

  async keySet(url: string): Promise<JsonWebKeySet> {
    const jwks = await this.fetchJson(url, 'oidc_jwks_url');
    const problem = jwksProblem(jwks);
    if (problem) throw ValidationFailedError.field('oidc_jwks_url', `Invalid key set: ${problem}`);
    return jwks as JsonWebKeySet;
  }

  private async fetchJson(url: string, field: string): Promise<Record<string, unknown>> {
    let body: unknown;
    try {
      const res = await this.outbound.request(url, { headers: { accept: 'application/json' } });
      if (res.status !== 200) throw ValidationFailedError.field(field, `Failed to fetch: the server answered ${res.status}.`);
      body = res.json();
    } catch (error) {
      if (error instanceof ValidationFailedError) throw error;
      if (error instanceof OutboundRequestError) throw ValidationFailedError.field(field, `Failed to fetch: ${error.message}.`);
      if (error instanceof SyntaxError) throw ValidationFailedError.field(field, 'Failed to fetch: the answer is not JSON.');
      throw error;
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw ValidationFailedError.field(field, 'Failed to fetch: the answer is not a JSON object.');
    }
    return body as Record<string, unknown>;
  }
}
