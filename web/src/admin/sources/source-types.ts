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

/** The list is fixed in core's code, so one answer serves the page until it is reloaded (not a failed one). */
let cached: Promise<OAuthProviderType[]> | undefined;

/** The provider types core knows (GitHub, Google, generic OpenID Connect, ...). */
export function loadProviderTypes(): Promise<OAuthProviderType[]> {
  cached ??= action('GET', '/api/v3/sources/oauth/source_types').then((answer) => {
    if (!answer.ok || !Array.isArray(answer.data)) throw new Error(`source_types answered ${answer.status}`);
    return answer.data as OAuthProviderType[];
  });
  const pending = cached;
  pending.catch(() => {
    if (cached === pending) cached = undefined;
  });
  return pending;
}

/** The provider types as choices of the provider type select. */
export async function providerTypeChoices(): Promise<Choice[]> {
  return (await loadProviderTypes()).map((type) => ({ value: type.slug, label: { text: type.name } }));
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * The endpoints of a newly chosen provider type. A URL field takes the new type's default when
 * it is empty or still holds the previous type's default; what the admin typed is never
 * overwritten. A previous default the new type does not have is cleared.
 */
export async function defaultUrls(providerType: unknown, before: Row): Promise<Row | undefined> {
  if (typeof providerType !== 'string' || providerType === '') return undefined;
  const types = await loadProviderTypes();
  const next = types.find((candidate) => candidate.slug === providerType);
  if (!next) return undefined;
  const previous = types.find((candidate) => candidate.slug === before.provider_type);
  const filled: Row = {};
  for (const field of PREFILLED_URLS) {
    const current = before[field];
    const untouched = isBlank(current) || (previous?.[field] && current === previous[field]);
    if (!untouched) continue;
    const known = next[field];
    if (known) filled[field] = known;
    else if (!isBlank(current)) filled[field] = '';
  }
  return filled;
}
