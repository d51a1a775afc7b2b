import * as grpc from '@grpc/grpc-js';
import type { Logger } from '@authmesh/logger';
import { constantTimeEqual } from '@authmesh/crypto';
import { loadProtos } from './proto-loader.js';
import type { HealthCheckRequest__Output } from './generated/grpc/health/v1/HealthCheckRequest.js';
import type { HealthCheckResponse } from './generated/grpc/health/v1/HealthCheckResponse.js';

export type ServingStatus = 'SERVING' | 'NOT_SERVING';

/** Metadata key carrying the mesh key between services. */
export const MESH_AUTH_METADATA = 'authorization';

/**
 * The gRPC server of one process. Services add their implementations; every call must
 * present the mesh key (`authorization: Mesh <key>`), compared in constant time. Health
 * checks are open, as probes carry no credentials. Mutual TLS from the mesh CA will
 * replace the shared key.
 */
export class GrpcHost {
  private readonly server = new grpc.Server({ 'grpc.max_receive_message_length': 4 * 1024 * 1024 });
  private readonly statuses = new Map<string, ServingStatus>();
  private started = false;

  constructor(private readonly options: { meshKey: string; logger: Logger }) {
    const health = loadProtos().health.grpc.health.v1.Health.service;
    this.server.addService(health, {
      Check: (
        call: grpc.ServerUnaryCall<HealthCheckRequest__Output, HealthCheckResponse>,
        callback: grpc.sendUnaryData<HealthCheckResponse>,
      ) => {
        const service = call.request.service;
        if (service === '') {
          callback(null, { status: [...this.statuses.values()].every((s) => s === 'SERVING') ? 'SERVING' : 'NOT_SERVING' });
          return;
        }
        const status = this.statuses.get(service);
        if (!status) callback({ code: grpc.status.NOT_FOUND, details: 'unknown service' });
        else callback(null, { status });
      },
      Watch: (call: grpc.ServerWritableStream<HealthCheckRequest__Output, HealthCheckResponse>) => {
        call.emit('error', { code: grpc.status.UNIMPLEMENTED, details: 'Watch is not supported' });
      },
    });
  }

  /** Adds a service; every method of `implementation` is wrapped with the mesh-key check. */
  add(name: string, definition: grpc.ServiceDefinition, implementation: grpc.UntypedServiceImplementation): void {
    const guarded: grpc.UntypedServiceImplementation = {};
    for (const [method, handler] of Object.entries(implementation)) {
      guarded[method] = this.guard(handler as grpc.handleUnaryCall<unknown, unknown>) as grpc.UntypedHandleCall;
    }
    this.server.addService(definition, guarded);
    this.statuses.set(name, 'SERVING');
  }

  setStatus(name: string, status: ServingStatus): void {
    this.statuses.set(name, status);
  }

  /** Binds and starts serving; returns the bound port (so `127.0.0.1:0` works). */
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

  /** Lets running calls finish for up to `graceMs`, then cuts the rest. */
  stop(graceMs: number): Promise<void> {
    if (!this.started) return Promise.resolve();
    this.started = false;
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

  private guard(handler: grpc.handleUnaryCall<unknown, unknown>): grpc.handleUnaryCall<unknown, unknown> {
    return (call, callback) => {
      const presented = call.metadata.get(MESH_AUTH_METADATA)[0];
      const key = typeof presented === 'string' && presented.startsWith('Mesh ') ? presented.slice(5) : '';
      if (!constantTimeEqual(key, this.options.meshKey)) {
        this.options.logger.warn({ method: call.getPath(), peer: call.getPeer() }, 'gRPC call without a valid mesh key');
        callback({ code: grpc.status.UNAUTHENTICATED, details: 'mesh key required' });
        return;
      }
      handler(call, callback);
    };
  }
}
