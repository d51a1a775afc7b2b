import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type AuthmeshConfig } from '@authmesh/config';
import { createLogger } from '@authmesh/logger';
import { splitHostPort } from './net.js';
import { UsageError } from './usage-error.js';
import { VERSION } from './version.js';

const USAGE = `authmesh ${VERSION}: identity provider (SSO, MFA, OIDC, SAML, LDAP, RADIUS, forward auth)

Usage:
  authmesh start [--target <service>[,<service>...]] [--config <file>]
      Start services. Without --target every service runs in this one process behind one
      HTTP port (default 0.0.0.0:9000). Services: core, events, flows, oauth2, gateway.
  authmesh migrate [--target ...] [--config <file>]
      Apply pending database migrations and exit.
  authmesh healthcheck [--config <file>]
      Exit 0 when the local process answers ready on its HTTP port, 1 otherwise.
  authmesh blueprint apply <file> [--context key=value ...]
      Apply a blueprint in one transaction (all entries or none).
  authmesh blueprint validate <file> [--context key=value ...]
      Check a blueprint against the database without changing anything.
  authmesh blueprint export
      Print every object as a blueprint that re-applies to the same state (no secrets).
  authmesh blueprint schema
      Print the JSON schema of blueprints, for editors.
  authmesh openapi
      Print the OpenAPI document of the /api/v3 API.
  authmesh --help | --version

Configuration comes from environment variables (AUTHMESH_*, DATABASE_URL, NATS_URL) and an
optional YAML file (--config or AUTHMESH_CONFIG_FILE). See docs/configuration.md.
`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      target: { type: 'string' },
      config: { type: 'string', short: 'c' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
      context: { type: 'string', multiple: true },
    },
  });
  if (values.version) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const [command, ...rest] = positionals;
  if (values.help || !command || command === 'help') {
    process.stdout.write(USAGE);
    return command || values.help ? 0 : 2;
  }
  if (command === 'blueprint') {
    const { blueprintCommand } = await import('./blueprint-command.js');
    if (rest.length > 2) throw new UsageError(`unexpected argument: ${rest[2]}`);
    const config = loadConfig({ file: values.config });
    // The command prints its own result; logs go to stderr and only when something is wrong.
    const logger = createLogger({ level: config.log_level === 'info' ? 'error' : config.log_level, destination: process.stderr });
    return blueprintCommand(config, logger, rest[0] ?? '', rest[1], values.context ?? []);
  }
  if (rest.length > 0) throw new UsageError(`unexpected argument: ${rest[0]}`);
  switch (command) {
    case 'start':
      return start(loadConfig({ file: values.config }), values.target);
    case 'migrate':
      return migrate(loadConfig({ file: values.config }), values.target);
    case 'healthcheck':
      return healthcheck(loadConfig({ file: values.config }));
    case 'openapi': {
      const { buildMergedOpenApi } = await import('./openapi-document.js');
      process.stdout.write(`${JSON.stringify(await buildMergedOpenApi(VERSION), null, 2)}\n`);
      return 0;
    }
    default:
      throw new UsageError(`unknown command: ${command}`);
  }
}

// Services load only for the commands that run them, so `healthcheck` starts fast.
async function start(config: AuthmeshConfig, target: string | undefined): Promise<number> {
  const { selectServices } = await import('./services.js');
  const { startProcess } = await import('./runner.js');
  const services = selectServices(target);
  const logger = createLogger({ level: config.log_level });
  logger.info({ version: VERSION, services: services.map((s) => s.name) }, 'starting authmesh');
  const running = await startProcess(config, services, logger).catch((error: unknown) => {
    logger.fatal({ err: error }, `start failed: ${(error as Error).message}`);
    return undefined;
  });
  if (!running) return 1;
  logger.info({ http: running.httpPort }, 'authmesh is running');
  return new Promise<number>((resolve) => {
    const shutdown = (signal: string) => {
      // A second signal, or a shutdown that overruns, ends the process at once.
      const deadline = setTimeout(() => {
        logger.error('shutdown took too long; exiting');
        resolve(1);
      }, 9500);
      deadline.unref();
      running.stop(signal).then(
        () => resolve(0),
        (error: unknown) => {
          logger.error({ err: error }, 'error while stopping');
          resolve(1);
        },
      );
    };
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    process.once('SIGINT', () => shutdown('SIGINT'));
  });
}

async function migrate(config: AuthmeshConfig, target: string | undefined): Promise<number> {
  const { selectServices } = await import('./services.js');
  const { openDatabase } = await import('./database.js');
  const logger = createLogger({ level: config.log_level });
  const database = await openDatabase(config, logger);
  try {
    for (const service of selectServices(target)) {
      if (!service.migrate) continue;
      const applied = await service.migrate({ config, logger, databaseUrl: database.url });
      logger.info({ service: service.name, applied }, applied.length > 0 ? 'migrations applied' : 'schema up to date');
    }
    return 0;
  } finally {
    await database.close();
  }
}

async function healthcheck(config: AuthmeshConfig): Promise<number> {
  const [host, port] = splitHostPort(config.listen_http);
  const target = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  try {
    const response = await fetch(`http://${target.includes(':') ? `[${target}]` : target}:${port}/-/health/ready/`, {
      signal: AbortSignal.timeout(5000),
    });
    process.stdout.write(`${response.status} ${await response.text()}\n`);
    return response.status === 200 ? 0 : 1;
  } catch (error) {
    process.stderr.write(`not reachable: ${(error as Error).message}\n`);
    return 1;
  }
}

function fail(error: unknown): number {
  if (error instanceof ConfigError) {
    process.stderr.write(`authmesh: ${error.message}\n`);
    return 78; // EX_CONFIG
  }
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`authmesh: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  process.stderr.write(`authmesh: ${(error as Error).stack ?? String(error)}\n`);
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => process.exit(fail(error)),
);
