import type { DataSource } from 'typeorm';
import type { Bus } from '@authmesh/bus';
import type { AuthmeshConfig } from '@authmesh/config';
import type { Logger } from '@authmesh/logger';
import type { PasswordHasher, SecretBox } from '@authmesh/crypto';
import type { ExpressionEngine } from '@authmesh/expressions';
import type { FlowClient } from '@authmesh/rpc';

/** Runtime values core's Nest module is built with. */
export interface CoreOptions {
  config: AuthmeshConfig;
  logger: Logger;
  bus: Bus;
  dataSource: DataSource;
  secretBox: SecretBox;
  passwords: PasswordHasher;
  version: string;
  /** Checks the syntax of admin-written expressions when they are saved. */
  expressions?: ExpressionEngine;
  /** The flow executor (cache actions, policy tests); absent in one-shot commands. */
  flows?: FlowClient;
  /** Environment variables blueprints may read through !Env (already allow-listed). */
  blueprintEnv: Record<string, string | undefined>;
}
