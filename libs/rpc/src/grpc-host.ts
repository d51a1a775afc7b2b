import * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import type { Logger } from '@authmesh/logger';
import { constantTimeEqual } from '@authmesh/crypto';
import { loadProtos } from './proto-loader.js';
import type { HealthCheckRequest__Output } from './generated/grpc/health/v1/HealthCheckRequest.js';
import type { HealthCheckResponse, HealthCheckResponse__Output } from './generated/grpc/health/v1/HealthCheckResponse.js';
import type { HealthHandlers } from './generated/grpc/health/v1/Health.js';

/** What a service reports to health checks. */
export type ServingStatus = 'SERVING' | 'NOT_SERVING';

/** Metadata key carrying the mesh key between services. */
export const MESH_AUTH_METADATA = 'authorization';
/** Scheme of the authorization value: `authorization: Mesh <key>`. */
export const MESH_AUTH_SCHEME = 'Mesh';

/** Shorter keys are refused outright: an empty key would let a call without one through. */
const MIN_MESH_KEY_LENGTH = 16;
/** The health service answers probes, which carry no credentials. */
const OPEN_PATH_PREFIX = '/grpc.health.v1.Health/';

export interface GrpcHostOptions {
  /** The shared secret every call between services presents. */
  meshKey: string;
  logger: Logger;
}

/**
 * The server-side handlers of a service definition, typed by its generated definition:
 * each method's handler receives that method's request and answers its response. Methods
 * may be left out (the host answers UNIMPLEMENTED for them).
 */
export type ServiceHandlers<D extends grpc.ServiceDefinition> = {
  // Only the named methods: the index signature every definition inherits would let a
  // misspelt method through. The client's sides (_In, _Out) do not concern handlers.
  [M in keyof D as string extends M ? never : M]?: D[M] extends MethodDefinition<infer _In, infer Res, infer ReqOut, infer _Out>
    ? grpc.handleUnaryCall<ReqOut, Res> | grpc.handleServerStreamingCall<ReqOut, Res> | grpc.handleClientStreamingCall<ReqOut, Res>
    : never;
};

type HealthStatus = HealthCheckResponse__Output['status'];

interface HealthWatch {
  service: string;
  call: grpc.ServerWritableStream<HealthCheckRequest__Output, HealthCheckResponse>;
  last: HealthStatus;
}

/**
 * The gRPC server of one process: every service of the process registers on it, so one port
 * serves them all. Every call must present the mesh key (`authorization: Mesh <key>`),
 * checked in constant time by a server interceptor before any handler runs; only the
 * standard health service is open, for probes. Mutual TLS with certificates from the mesh
 * CA will replace the shared key (and the insecure listener) later.
 */
export class GrpcHost {
  private readonly server: grpc.Server;
  private readonly statuses = new Map<string, ServingStatus>();
  private readonly watches = new Set<HealthWatch>();
  private started = false;

  constructor(private readonly options: GrpcHostOptions) {
    if (typeof options.meshKey !== 'string' || options.meshKey.length < MIN_MESH_KEY_LENGTH) {
      throw new Error(`the mesh key must have at least ${MIN_MESH_KEY_LENGTH} characters`);
    }
    this.server = new grpc.Server({
      'grpc.max_receive_message_length': 4 * 1024 * 1024,
      interceptors: [(method, call) => this.requireMeshKey(method.path, call)],
    });
    this.server.addService(loadProtos().health.grpc.health.v1.Health.service, this.healthHandlers());
  }

  /**
   * Adds a service and reports it SERVING; answers its fully qualified name (the name
   * health checks use), taken from the definition.
   */
  add<D extends grpc.ServiceDefinition>(definition: D, implementation: ServiceHandlers<D>): string;
  /** @deprecated The name is taken from the definition; use `add(definition, implementation)`. */
  add<D extends grpc.ServiceDefinition>(name: string, definition: D, implementation: ServiceHandlers<D>): string;
  add<D extends grpc.ServiceDefinition>(...args: [D, ServiceHandlers<D>] | [string, D, ServiceHandlers<D>]): string {
    const [given, definition, implementation] = args.length === 2 ? [undefined, ...args] : args;
    const name = serviceNameOf(definition);
    if (given !== undefined && given !== name) throw new Error(`service name ${given} does not match its definition (${name})`);
    // grpc-js takes untyped handlers; ServiceHandlers<D> already tied each one to its method.
    this.server.addService(definition, implementation as grpc.UntypedServiceImplementation);
    this.setStatus(name, 'SERVING');
    return name;
  }

  /** Sets what health checks report for one service (its fully qualified name). */
  setStatus(service: string, status: ServingStatus): void {
    if (service === '') throw new Error('the whole-server status is derived from the services; name one');
    this.statuses.set(service, status);
    this.notifyWatches();
  }

  /** Binds (insecure for now) and starts serving; answers the bound port, so `127.0.0.1:0` works. */
  start(address: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.bindAsync(address, grpc.ServerCredentials.createInsecure(), (error, port) => {
        if (error) {
          reject(new Error(`cannot listen for gRPC on ${address}: ${error.message}`));
          return;
        }
        this.started = true;
        resolve(port);
      });
    });
  }

  /**
   * Reports every service NOT_SERVING, ends health watches, lets running calls finish for up
   * to `graceMs`, then cuts the rest.
   */
  stop(graceMs: number): Promise<void> {
    if (!this.started) return Promise.resolve();
    this.started = false;
    for (const service of this.statuses.keys()) this.statuses.set(service, 'NOT_SERVING');
    this.notifyWatches();
    for (const watch of this.watches) watch.call.end();
    this.watches.clear();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.server.forceShutdown();
        resolve();
      }, graceMs);
      this.server.tryShutdown(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** The status health checks report; '' is the whole server: serving when every service is. */
  private statusOf(service: string): HealthStatus {
    if (service === '') return [...this.statuses.values()].every((s) => s === 'SERVING') ? 'SERVING' : 'NOT_SERVING';
    return this.statuses.get(service) ?? 'SERVICE_UNKNOWN';
  }

  private healthHandlers(): HealthHandlers {
    return {
      Check: (call, callback) => {
        const status = this.statusOf(call.request.service);
        if (status === 'SERVICE_UNKNOWN') callback({ code: grpc.status.NOT_FOUND, details: 'unknown service' });
        else callback(null, { status });
      },
      Watch: (call) => {
        const watch: HealthWatch = { service: call.request.service, call, last: this.statusOf(call.request.service) };
        this.watches.add(watch);
        call.on('cancelled', () => this.watches.delete(watch));
        call.write({ status: watch.last });
      },
    };
  }

  private notifyWatches(): void {
    for (const watch of this.watches) {
      const status = this.statusOf(watch.service);
      if (status === watch.last) continue;
      watch.last = status;
      watch.call.write({ status });
    }
  }

  /**
   * Lets a call reach its handler only when it presents the mesh key. Checking in an
   * interceptor covers unary and streaming methods alike, and no service can forget it.
   */
  private requireMeshKey(path: string, call: grpc.ServerInterceptingCallInterface): grpc.ServerInterceptingCall {
    if (path.startsWith(OPEN_PATH_PREFIX)) return new grpc.ServerInterceptingCall(call);
    const listener = new grpc.ServerListenerBuilder()
      .withOnReceiveMetadata((metadata, next) => {
        if (this.presentsMeshKey(metadata)) {
          next(metadata);
          return;
        }
        this.options.logger.warn({ method: path, peer: call.getPeer() }, 'gRPC call without a valid mesh key');
        call.sendStatus({ code: grpc.status.UNAUTHENTICATED, details: 'mesh key required' });
      })
      .build();
    return new grpc.ServerInterceptingCall(call, { start: (next) => next(listener) });
  }

  private presentsMeshKey(metadata: grpc.Metadata): boolean {
    const values = metadata.get(MESH_AUTH_METADATA);
    const value = values.length === 1 ? values[0] : undefined;
    const prefix = `${MESH_AUTH_SCHEME} `;
    const key = typeof value === 'string' && value.startsWith(prefix) ? value.slice(prefix.length) : '';
    // The comparison runs even without a key (the configured one is never empty), so a
    // missing key and a wrong one take the same path.
    return constantTimeEqual(key, this.options.meshKey);
  }
}

/** The fully qualified service name in a definition, from its methods' paths (`/pkg.Service/Method`). */
function serviceNameOf(definition: grpc.ServiceDefinition): string {
  const names = new Set(Object.values(definition).map((method) => method.path.split('/')[1]));
  const [name] = names;
  if (names.size !== 1 || !name) throw new Error('a service definition must name exactly one service');
  return name;
}
