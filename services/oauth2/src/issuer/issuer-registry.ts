import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { KoaContext } from 'oidc-provider';
import type { Logger } from '@authmesh/logger';
import type { OAuth2Provider__Output } from '@authmesh/rpc';
import type { ClientConfigCache } from '../clients/client-config.cache.js';
import { createOidcProvider, type ProviderDependencies } from './provider-factory.js';
import { nextRetirement } from './signing-keys.js';

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
  /** When an instance's JWKS must drop a retired key: it is rebuilt on the first use after that. */
  private readonly expiries = new Map<string, number>();

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
    this.expiries.clear();
    this.clients.clear();
  }

  /** A client of another provider, from that provider's own instance (for back-channel logout). */
  private async peerClient(clientId: string, origin: string): Promise<unknown> {
    const issuer = await this.byClientId(clientId, origin);
    if (!issuer) return undefined;
    return (issuer.provider as unknown as { Client: { find(id: string): Promise<unknown> } }).Client.find(clientId);
  }

  private build(config: OAuth2Provider__Output | null, origin: string): Promise<Issuer | null> {
    if (!config?.application) return Promise.resolve(null);
    const key = `${config.client_id}|${origin}`;
    let issuer = this.instances.get(key);
    const expiry = this.expiries.get(key);
    if (issuer && expiry !== undefined && expiry <= Date.now()) issuer = undefined;
    if (!issuer) {
      if (this.instances.size >= MAX_INSTANCES) {
        this.instances.clear();
        this.expiries.clear();
      }
      const retirement = nextRetirement(config);
      if (retirement === null) this.expiries.delete(key);
      else this.expiries.set(key, retirement);
      issuer = Promise.resolve().then(() => {
        const provider = createOidcProvider(config, origin, this.deps, (clientId) => this.peerClient(clientId, origin));
        const built = { provider, config, handler: provider.callback() };
        for (const event of ['grant.error', 'server_error', 'authorization.error']) {
          provider.on(event, (ctx: unknown, error: unknown) => this.onProviderEvent(built, event, ctx as KoaContext, error));
        }
        provider.on('backchannel.error', (_ctx: unknown, error: unknown, client: unknown) =>
          this.logger.warn(
            { err: (error as Error)?.message, client: (client as { clientId?: string } | undefined)?.clientId },
            'back-channel logout token not delivered',
          ),
        );
        provider.on('backchannel.success', (_ctx: unknown, client: unknown) =>
          this.logger.info({ client: (client as { clientId?: string } | undefined)?.clientId }, 'back-channel logout token delivered'),
        );
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
