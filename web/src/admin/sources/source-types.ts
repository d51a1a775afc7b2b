import { action } from '../kit/resource-api';
import type { Choice } from '../kit/resource';
import type { Row } from '../kit/resource-api';

/** One provider type of OAuth sources and its known endpoints, as `source_types` lists it. */
export interface OAuthProviderType {
  slug: string;
  name: string;
  urls_customizable: boolean;
  request_token_url: string | null;
  authorization_url: string | null;
  access_token_url: string | null;
  profile_url: string | null;
  oidc_well_known_url: string | null;
  oidc_jwks_url: string | null;
}

/** The endpoint fields a provider type can give defaults for. */
export const PREFILLED_URLS = [
  'request_token_url',
  'authorization_url',
  'access_token_url',
  'profile_url',
  'oidc_well_known_url',
  'oidc_jwks_url',
] as const;

/** The provider types core knows (GitHub, Google, generic OpenID Connect, ...). */
export async function loadProviderTypes(): Promise<OAuthProviderType[]> {
  const answer = await action('GET', '/api/v3/sources/oauth/source_types');
  if (!answer.ok || !Array.isArray(answer.data)) throw new Error(`source_types answered ${answer.status}`);
  return answer.data as OAuthProviderType[];
}

/** The provider types as choices of the provider type select. */
export async function providerTypeChoices(): Promise<Choice[]> {
  return (await loadProviderTypes()).map((type) => ({ value: type.slug, label: { text: type.name } }));
}

/**
 * The default endpoints of a newly chosen provider type, for the URL fields that are still
 * empty: what the admin typed is never overwritten.
 */
export async function defaultUrls(providerType: unknown, values: Row): Promise<Row | undefined> {
  if (typeof providerType !== 'string' || providerType === '') return undefined;
  const type = (await loadProviderTypes()).find((candidate) => candidate.slug === providerType);
  if (!type) return undefined;
  const filled: Row = {};
  for (const field of PREFILLED_URLS) {
    const current = values[field];
    const empty = current === undefined || current === null || (typeof current === 'string' && current.trim() === '');
    const known = type[field];
    if (empty && known) filled[field] = known;
  }
  return filled;
}
