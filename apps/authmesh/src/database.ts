import { join } from 'node:path';
import type { AuthmeshConfig } from '@authmesh/config';
import { startEmbeddedDatabase, waitForDatabase } from '@authmesh/db';
import type { Logger } from '@authmesh/logger';

export interface OpenDatabase {
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

/**
 * The database this process uses: DATABASE_URL when set (waiting for it up to
 * AUTHMESH_DATABASE_WAIT_SECONDS), otherwise an embedded PostgreSQL under the data dir.
 */
export async function openDatabase(config: AuthmeshConfig, logger: Logger): Promise<OpenDatabase> {
  if (config.database_url) {
    await waitForDatabase(config.database_url, { timeoutSeconds: config.database_wait_seconds, logger });
    return { url: config.database_url, embedded: false, close: async () => {} };
  }
  const embedded = await startEmbeddedDatabase({
    dataDir: join(config.data_dir),
    port: config.embedded_postgres_port,
    logger: logger.child({ component: 'embedded-postgres' }),
  });
  return { url: embedded.url, embedded: true, close: () => embedded.stop() };
}
