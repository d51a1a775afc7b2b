import type { AuthmeshConfig, ServiceName } from '@authmesh/config';

/** Where each service's gRPC and HTTP endpoints are, as seen from this process. */
export interface ServiceAddresses {
  grpc(service: ServiceName): string;
  /** Base URL of a remote service's HTTP API, or undefined when it runs in this process. */
  http(service: ServiceName): string | undefined;
}

/**
 * Resolves addresses from configuration: an explicit `AUTHMESH_<SERVICE>_GRPC` wins;
 * otherwise the service is assumed to run in this process, on its own gRPC listener.
 */
export function resolveServiceAddresses(config: AuthmeshConfig, localGrpc: string): ServiceAddresses {
  const grpc: Partial<Record<ServiceName, string | undefined>> = {
    core: config.core_grpc,
    events: config.events_grpc,
    flows: config.flows_grpc,
    oauth2: config.oauth2_grpc,
  };
  const http: Partial<Record<ServiceName, string | undefined>> = {
    core: config.core_http,
    events: config.events_http,
    flows: config.flows_http,
    oauth2: config.oauth2_http,
  };
  return {
    grpc: (service) => grpc[service] ?? localGrpc,
    http: (service) => http[service],
  };
}
