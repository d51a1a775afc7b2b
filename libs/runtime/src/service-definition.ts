import type { RequestListener } from 'node:http';
import type { AuthmeshConfig, ServiceName } from '@authmesh/config';
import type { Logger } from '@authmesh/logger';
import type { Bus } from '@authmesh/bus';
import type { GrpcHost } from '@authmesh/rpc';
import type { Registry } from 'prom-client';
import type { ServiceAddresses } from './service-addresses.js';

/** Everything a service receives from the process that runs it. */
export interface ServiceContext {
  config: AuthmeshConfig;
  /** The installation secret (encryption at rest, token digests). */
  secretKey: string;
  /** Shared key services present to each other's gRPC servers. */
  meshKey: string;
  logger: Logger;
  bus: Bus;
  databaseUrl: string;
  /** The process's gRPC server; a service adds its implementations to it. */
  grpc: GrpcHost;
  addresses: ServiceAddresses;
  /** The process's Prometheus registry. */
  metrics: Registry;
  version: string;
  /** Services already started in this process, by name (start order is SERVICE_NAMES). */
  local: ReadonlyMap<ServiceName, RunningService>;
  /** Builds the merged OpenAPI document of every service's HTTP API (no database needed). */
  openApiDocument?: () => Promise<object>;
}

export interface ReadinessReport {
  ready: boolean;
  /** Each dependency checked and whether it answered. */
  checks: Record<string, boolean>;
}

/** HTTP surface of a service: the path prefixes it owns and the handler that serves them. */
export interface ServiceHttp {
  prefixes: string[];
  handler: RequestListener;
}

export interface RunningService {
  name: ServiceName;
  http?: ServiceHttp;
  readiness(): Promise<ReadinessReport>;
  stop(): Promise<void>;
}

export interface MigrateContext {
  config: AuthmeshConfig;
  logger: Logger;
  databaseUrl: string;
}

/** One service of the mesh: how to migrate its schema and how to start it. */
export interface ServiceDefinition {
  name: ServiceName;
  /** Applies pending migrations of the service's schema; returns their names. */
  migrate?(context: MigrateContext): Promise<string[]>;
  start(context: ServiceContext): Promise<RunningService>;
}
