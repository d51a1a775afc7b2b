import type { OutboundClient } from '@authmesh/outbound';
import { DuoApiError, DuoClient } from './duo-client.js';

/** The settings of a Duo authenticator stage that reach Duo (secrets already opened). */
export interface DuoStageSettings {
  api_hostname?: unknown;
  client_id?: unknown;
  client_secret?: unknown;
  admin_integration_key?: unknown;
  admin_secret_key?: unknown;
}

/** An Auth API client for a Duo stage's settings; `baseUrl` (AUTHMESH_DUO_URL) replaces the API host in tests. */
export function duoAuthClientFor(outbound: OutboundClient, settings: DuoStageSettings, baseUrl: string | undefined): DuoClient {
  return new DuoClient(outbound, {
    apiHostname: text(settings.api_hostname),
    integrationKey: text(settings.client_id),
    secretKey: text(settings.client_secret),
    baseUrl,
  });
}

/** Whether a Duo stage has Admin API keys (both the integration key and the secret key). */
export function hasDuoAdminApi(settings: DuoStageSettings): boolean {
  return text(settings.admin_integration_key) !== '' && text(settings.admin_secret_key) !== '';
}

/** An Admin API client for a Duo stage's settings; throws a `DuoApiError` when the stage has no Admin API keys. */
export function duoAdminClientFor(outbound: OutboundClient, settings: DuoStageSettings, baseUrl: string | undefined): DuoClient {
  if (!hasDuoAdminApi(settings)) throw new DuoApiError('the Duo stage has no Admin API keys');
  return new DuoClient(outbound, {
    apiHostname: text(settings.api_hostname),
    integrationKey: text(settings.admin_integration_key),
    secretKey: text(settings.admin_secret_key),
    baseUrl,
  });
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
