import type { Logger } from '@authmesh/logger';
import { createServiceDataSource } from '@authmesh/db';
import { OidcModels1764374400400 } from '../migrations/1764374400400-oidc-models.js';

/** The DataSource of the `oauth2` schema. */
export function createOAuth2DataSource(url: string, logger: Logger) {
  return createServiceDataSource({ url, schema: 'oauth2', entities: [], migrations: [OidcModels1764374400400], logger });
}
