import { NestFactory } from '@nestjs/core';
import type { ApplyResult } from '@authmesh/blueprints';
import type { Bus } from '@authmesh/bus';
import { blueprintEnvironment, type AuthmeshConfig } from '@authmesh/config';
import { PasswordHasher, SecretBox } from '@authmesh/crypto';
import { ExpressionEngine } from '@authmesh/expressions';
import type { Logger } from '@authmesh/logger';
import { BlueprintService, type ApplyBlueprintOptions } from './blueprints/blueprint.service.js';
import { CoreModule } from './core.module.js';
import { createCoreDataSource } from './database/core.data-source.js';

export interface CoreCommands {
  applyBlueprint(file: string, options?: ApplyBlueprintOptions): Promise<ApplyResult>;
  exportBlueprint(): Promise<string>;
  blueprintSchema(): Record<string, unknown>;
  close(): Promise<void>;
}

/**
 * Core's logic without its HTTP or gRPC servers, for one-shot commands such as
 * `authmesh blueprint apply`. The schema must be migrated already.
 */
export async function openCoreCommands(options: {
  config: AuthmeshConfig;
  logger: Logger;
  databaseUrl: string;
  secretKey: string;
  bus: Bus;
  version: string;
}): Promise<CoreCommands> {
  const logger = options.logger.child({ service: 'core' });
  const dataSource = createCoreDataSource(options.databaseUrl, logger);
  await dataSource.initialize();
  const app = await NestFactory.createApplicationContext(
    CoreModule.register({
      config: options.config,
      logger,
      bus: options.bus,
      dataSource,
      secretBox: new SecretBox(options.secretKey),
      passwords: new PasswordHasher(),
      version: options.version,
      blueprintEnv: blueprintEnvironment(),
      expressions: await ExpressionEngine.create(),
    }),
    { logger: false, abortOnError: false },
  );
  const blueprints = app.get(BlueprintService);
  return {
    applyBlueprint: (file, applyOptions) => blueprints.applyFile(file, applyOptions),
    exportBlueprint: () => blueprints.exportYaml(),
    blueprintSchema: () => blueprints.jsonSchema(),
    async close() {
      await app.close();
      await dataSource.destroy();
    },
  };
}
