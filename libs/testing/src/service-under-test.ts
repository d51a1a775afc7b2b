import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Registry } from 'prom-client';
import type { Bus } from '@authmesh/bus';
import type { AuthmeshConfig } from '@authmesh/config';
import type { Logger } from '@authmesh/logger';
import type { GrpcHost } from '@authmesh/rpc';
import { deriveMeshKey, resolveServiceAddresses, type RunningService, type ServiceDefinition } from '@authmesh/runtime';

export interface ServiceUnderTest {
  running: RunningService;
  /** Base URL of the service's HTTP API on loopback (empty when it has none). */
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * Migrates and starts one service the way the process runner does, with the given bus and
 * gRPC host, and serves its HTTP API on a free loopback port.
 */
export async function startServiceForTest(
  service: ServiceDefinition,
  options: {
    config: AuthmeshConfig;
    secretKey: string;
    logger: Logger;
    bus: Bus;
    grpc: GrpcHost;
    grpcAddress: string;
    databaseUrl: string;
  },
): Promise<ServiceUnderTest> {
  const { config, logger, databaseUrl } = options;
  await service.migrate?.({ config, logger, databaseUrl });
  const running = await service.start({
    config,
    secretKey: options.secretKey,
    meshKey: deriveMeshKey(options.secretKey),
    logger,
    bus: options.bus,
    databaseUrl,
    grpc: options.grpc,
    addresses: resolveServiceAddresses(config, options.grpcAddress),
    metrics: new Registry(),
    version: 'test',
    local: new Map(),
  });
  if (!running.http) return { running, baseUrl: '', close: () => running.stop() };
  const server = createServer(running.http.handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    running,
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await running.stop();
    },
  };
}
