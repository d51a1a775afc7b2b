import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { KoaContext } from 'oidc-provider';
import type { Logger } from '@authmesh/logger';
import type { OAuth2Provider__Output } from '@authmesh/rpc';
import type { ClientConfigCache } from '../clients/client-config.cache.js';
import { createOidcProvider, type ProviderDependencies } from './provider-factory.js';

/** A provider instance and the configuration it was built from. */
export interface Issuer {
  provider: Provider;
  config: OAuth2Provider__Output;
  /** The provider's request handler, composed once. */
  handler: (req: IncomingMessage, res: ServerResponse) => void;
}

const MAX_INSTANCES = 500;

/**
 * oidc-provider instances by client and public origin, built on first use from core's
 * configuration and all dropped when it changes. A provider without an application has
 * no issuer and is not served.
 */
export class IssuerRegistry {
  private readonly instances = new Map<string, Promise<Issuer | null>>();

  constructor(
    private readonly clients: ClientConfigCache,
    private readonly deps: ProviderDependencies,
    private readonly logger: Logger,
    private readonly onProviderEvent: (issuer: Issuer, event: string, ctx: KoaContext, error: unknown) => void,
  ) {}

  async byClientId(clientId: string, origin: string): Promise<Issuer | null> {
    if (!clientId || clientId.length > 255) return null;
    return this.build(await this.clients.byClientId(clientId), origin);
  }

  async byApplicationSlug(slug: string, origin: string): Promise<Issuer | null> {
    return this.build(await this.clients.byApplicationSlug(slug), origin);
  }

  clear(): void {
    this.instances.clear();
    this.clients.clear();
  }

  private build(config: OAuth2Provider__Output | null, origin: string): Promise<Issuer | null> {
    if (!config?.application) return Promise.resolve(null);
    const key = `${config.client_id}|${origin}`;
    let issuer = this.instances.get(key);
    if (!issuer) {
      if (this.instances.size >= MAX_INSTANCES) this.instances.clear();
      issuer = Promise.resolve().then(() => {
        const provider = createOidcProvider(config, origin, this.deps);
        const built = { provider, config, handler: provider.callback() };
        for (const event of ['grant.error', 'server_error', 'authorization.error']) {
          provider.on(event, (ctx: unknown, error: unknown) => this.onProviderEvent(built, event, ctx as KoaContext, error));
        }
        return built;
      });
      issuer.catch((error: unknown) => {
        this.logger.error({ err: error, client: config.client_id }, 'building the OAuth2 provider failed');
        this.instances.delete(key);
      });
      this.instances.set(key, issuer);
    }
    return issuer;
  }
}
