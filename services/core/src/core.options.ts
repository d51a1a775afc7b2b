import type { DataSource } from 'typeorm';
import type { Bus } from '@authmesh/bus';
import type { AuthmeshConfig } from '@authmesh/config';
import type { Logger } from '@authmesh/logger';
import type { PasswordHasher, SecretBox } from '@authmesh/crypto';
import type { ExpressionEngine } from '@authmesh/expressions';
import type { FlowClient, NotificationClient } from '@authmesh/rpc';
import type { ReadinessReport } from '@authmesh/runtime';

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
  /** The events runtime's notification deliveries (transport tests); absent in one-shot commands. */
  notifications?: NotificationClient;
  /** The services of the installation as core sees them (admin system status); absent in one-shot commands. */
  mesh?: MeshView;
  /** Environment variables blueprints may read through !Env (already allow-listed). */
  blueprintEnv: Record<string, string | undefined>;
}

/** Where each service runs, and whether it is ready. */
export interface MeshView {
  services(): Array<{ name: string; location: 'local' | 'remote' | 'absent' }>;
  check(): Promise<ReadinessReport>;
}
