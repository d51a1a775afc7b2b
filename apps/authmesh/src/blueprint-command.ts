import { resolve } from 'node:path';
import { parse as parseYamlScalar } from 'yaml';
import { BlueprintError, type ApplyResult } from '@authmesh/blueprints';
import { NatsBus, OfflineBus, type Bus } from '@authmesh/bus';
import { resolveSecretKey, type AuthmeshConfig } from '@authmesh/config';
import type { Logger } from '@authmesh/logger';
import { coreService, openCoreCommands } from '@authmesh/service-core';
import { openDatabase } from './database.js';
import { UsageError } from './usage-error.js';
import { VERSION } from './version.js';

/** `--context key=value` pairs; values read as YAML scalars, so `true` and `3` keep their type. */
export function parseContextArgs(pairs: string[]): Record<string, unknown> {
  const context: Record<string, unknown> = {};
  for (const pair of pairs) {
    const index = pair.indexOf('=');
    if (index < 1) throw new UsageError(`--context expects key=value, got "${pair}"`);
    context[pair.slice(0, index)] = parseYamlScalar(pair.slice(index + 1)) as unknown;
  }
  return context;
}

/**
 * `authmesh blueprint apply|validate <file>`: applies a blueprint file to the database in
 * one transaction (validate rolls it back), printing what each entry did.
 * `export` prints every object as a blueprint; `schema` prints the JSON schema for editors.
 */
export async function blueprintCommand(
  config: AuthmeshConfig,
  logger: Logger,
  action: string,
  file: string | undefined,
  contextArgs: string[],
): Promise<number> {
  const needsFile = action === 'apply' || action === 'validate';
  if (!['apply', 'validate', 'export', 'schema'].includes(action) || needsFile !== !!file) {
    throw new UsageError('usage: authmesh blueprint apply|validate <file> [--context key=value ...] | export | schema');
  }
  const context = parseContextArgs(contextArgs);
  const database = await openDatabase(config, logger);
  let bus: Bus = new OfflineBus();
  try {
    await coreService.migrate?.({ config, logger, databaseUrl: database.url });
    if (config.nats_url) bus = await NatsBus.connect({ url: config.nats_url, logger, name: 'authmesh-blueprint' });
    const core = await openCoreCommands({
      config,
      logger,
      databaseUrl: database.url,
      secretKey: resolveSecretKey(config).key,
      bus,
      version: VERSION,
    });
    try {
      if (action === 'export') {
        process.stdout.write(await core.exportBlueprint());
        return 0;
      }
      if (action === 'schema') {
        process.stdout.write(`${JSON.stringify(core.blueprintSchema(), null, 2)}\n`);
        return 0;
      }
      const result = await core.applyBlueprint(resolve(file as string), { context, dryRun: action === 'validate' });
      printResult(result, action === 'validate');
      return 0;
    } finally {
      await core.close();
    }
  } catch (error) {
    if (error instanceof BlueprintError) {
      process.stderr.write(`authmesh: blueprint ${action} failed, nothing was changed:\n  ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await bus.close();
    await database.close();
  }
}

function printResult(result: ApplyResult, dryRun: boolean, indent = ''): void {
  for (const included of result.included) printResult(included, dryRun, `${indent}  `);
  process.stdout.write(`${indent}${dryRun ? 'valid' : 'applied'}: ${result.name}\n`);
  for (const o of result.outcomes) {
    process.stdout.write(`${indent}  entries[${o.entry}] ${o.model}: ${o.action}${o.reason ? ` (${o.reason})` : ''}\n`);
  }
}
