import { isDeepStrictEqual } from 'node:util';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../../audit/actor.js';
import { EventPublisher } from '../../audit/event-publisher.js';
import { CORE_OPTIONS } from '../../core.tokens.js';
import type { CoreOptions } from '../../core.options.js';
import { sourceRef } from '../source.service.js';
import { OAuthSourceRepository } from './oauth-source.repository.js';
import { OidcDiscovery } from './oidc-discovery.js';

/** How often key sets with a URL are fetched again, as the reference product does. */
export const KEY_SET_REFRESH_MS = 60 * 60 * 1000;

const SYSTEM: Actor = {
  principal: { user: { pk: '0', username: 'authmesh-system', email: '', isSuperuser: true } },
  clientIp: '',
  requestId: 'jwks-refresh',
  host: '',
};

/**
 * Fetches the key set of every OAuth source with a JWKS URL again, so keys a remote issuer
 * rotates are trusted (and retired ones dropped) without an admin saving the source. A
 * changed set is stored and announced like any change (the oauth2 runtime drops its cache);
 * a failed fetch keeps the set that was stored and is logged.
 */
@Injectable()
export class KeySetRefresh {
  constructor(
    private readonly sources: OAuthSourceRepository,
    private readonly discovery: OidcDiscovery,
    private readonly events: EventPublisher,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  /** Answers how many sets changed; `failed` hears of each source whose set could not be fetched. */
  async run(failed?: (slug: string, reason: string) => void): Promise<number> {
    let changed = 0;
    for (const source of await this.sources.withJwksUrl()) {
      try {
        const fetched = await this.discovery.keySet(source.oidcJwksUrl);
        if (isDeepStrictEqual(fetched, source.oidcJwks)) continue;
        await this.sources.setKeySet(source.sourceId, fetched);
        await this.events.modelUpdated(SYSTEM, sourceRef(source.source));
        changed++;
      } catch (error) {
        this.options.logger.warn(
          { source: source.source.slug, reason: (error as Error).message },
          'OAuth source key set not refreshed; the stored one stays',
        );
        failed?.(source.source.slug, (error as Error).message);
      }
    }
    return changed;
  }
}
