// Runs an embedded PostgreSQL for tests that need to stop and restart a database:
// prints its URL as one JSON line on stdout, stops cleanly on SIGTERM.
// Usage: node embedded-pg.mjs <dataDir> <port>
import { startEmbeddedDatabase } from '@authmesh/db';
import { createLogger } from '@authmesh/logger';

const [dataDir, port] = process.argv.slice(2);
const db = await startEmbeddedDatabase({ dataDir, port: Number(port), logger: createLogger({ level: 'warn' }) });
process.stdout.write(`${JSON.stringify({ url: db.url })}\n`);
process.on('SIGTERM', () => db.stop().then(() => process.exit(0)));
