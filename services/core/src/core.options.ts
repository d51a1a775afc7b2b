import type { DataSource } from 'typeorm';
import type { Bus } from '@authmesh/bus';
import type { AuthmeshConfig } from '@authmesh/config';
import type { Logger } from '@authmesh/logger';
import type { PasswordHasher, SecretBox } from '@authmesh/crypto';

/** Runtime values core's Nest module is built with. */
export interface CoreOptions {
  config: AuthmeshConfig;
  logger: Logger;
  bus: Bus;
  dataSource: DataSource;
  secretBox: SecretBox;
  passwords: PasswordHasher;
  version: string;
  /** Environment variables blueprints may read through !Env (already allow-listed). */
  blueprintEnv: Record<string, string | undefined>;
}
