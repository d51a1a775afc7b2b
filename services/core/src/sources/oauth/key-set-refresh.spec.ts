import { ValidationFailedError } from '@authmesh/runtime';
import type { EventPublisher } from '../../audit/event-publisher.js';
import type { CoreOptions } from '../../core.options.js';
import { SourceEntity } from '../source.entity.js';
import { KeySetRefresh } from './key-set-refresh.js';
import { OAuthSourceEntity, type JsonWebKeySet } from './oauth-source.entity.js';
import type { OAuthSourceRepository } from './oauth-source.repository.js';
import type { OidcDiscovery } from './oidc-discovery.js';

function source(slug: string, url: string, jwks: JsonWebKeySet): OAuthSourceEntity {
  return Object.assign(new OAuthSourceEntity(), {
    sourceId: `id-${slug}`,
    oidcJwksUrl: url,
    oidcJwks: jwks,
    source: Object.assign(new SourceEntity(), { id: `id-${slug}`, slug, name: slug, type: 'oauth' }),
  });
}

describe('KeySetRefresh', () => {
  const rotated = { keys: [{ kty: 'EC', kid: 'new' }] };
  const same = { keys: [{ kty: 'EC', kid: 'same' }] };
  const rows = [
    source('rotating', 'https://a.example/jwks', { keys: [{ kty: 'EC', kid: 'old' }] }),
    source('steady', 'https://b.example/jwks', same),
    source('broken', 'https://c.example/jwks', { keys: [{ kty: 'EC', kid: 'kept' }] }),
  ];
  const stored: Array<[string, JsonWebKeySet]> = [];
  const updated: string[] = [];
  const warnings: unknown[] = [];
  const refresh = new KeySetRefresh(
    {
      withJwksUrl: async () => rows,
      setKeySet: async (id: string, jwks: JsonWebKeySet) => void stored.push([id, jwks]),
    } as unknown as OAuthSourceRepository,
    {
      keySet: async (url: string) => {
        if (url.includes('c.example')) throw ValidationFailedError.field('oidc_jwks_url', 'Failed to fetch: timeout.');
        return url.includes('a.example') ? rotated : { keys: [{ kty: 'EC', kid: 'same' }] };
      },
    } as unknown as OidcDiscovery,
    { modelUpdated: async (_actor: unknown, ref: { name: string }) => void updated.push(ref.name) } as unknown as EventPublisher,
    { logger: { warn: (fields: unknown) => void warnings.push(fields) } } as unknown as CoreOptions,
  );

  it('stores and announces only changed sets, and keeps a set it could not fetch', async () => {
    expect(await refresh.run()).toBe(1);
    expect(stored).toEqual([['id-rotating', rotated]]);
    expect(updated).toEqual(['rotating']);
    expect(warnings).toEqual([{ source: 'broken', reason: 'oidc_jwks_url: Failed to fetch: timeout.' }]);
  });

  it('names each source it could not refresh, for the task that runs it', async () => {
    const failed: string[] = [];
    await refresh.run((slug, reason) => failed.push(`${slug}: ${reason}`));
    expect(failed).toEqual(['broken: oidc_jwks_url: Failed to fetch: timeout.']);
  });
});
