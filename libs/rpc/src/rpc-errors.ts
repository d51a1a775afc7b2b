import * as grpc from '@grpc/grpc-js';
import type { Logger } from '@authmesh/logger';

const STATUS_BY_CODE: Record<string, grpc.status> = {
  not_found: grpc.status.NOT_FOUND,
  invalid: grpc.status.INVALID_ARGUMENT,
  permission_denied: grpc.status.PERMISSION_DENIED,
  unauthenticated: grpc.status.UNAUTHENTICATED,
  unavailable: grpc.status.UNAVAILABLE,
};

/** The gRPC status for an error thrown by a handler; typed domain errors carry a `code`. */
export function grpcStatusOf(error: unknown): { code: grpc.status; details: string; expected: boolean } {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code in STATUS_BY_CODE) {
    return { code: STATUS_BY_CODE[code], details: (error as Error).message, expected: true };
  }
  return { code: grpc.status.INTERNAL, details: 'internal error', expected: false };
}

/**
 * Turns an async function into a gRPC unary handler: its result is the response, a typed
 * error becomes the matching status, anything else INTERNAL without details (and a log line).
 */
export function unary<Req, Res>(
  logger: Logger,
  handler: (request: Req, call: grpc.ServerUnaryCall<Req, Res>) => Promise<Res>,
): grpc.handleUnaryCall<Req, Res> {
  return (call, callback) => {
    handler(call.request, call).then(
      (response) => callback(null, response),
      (error: unknown) => {
        const status = grpcStatusOf(error);
        if (!status.expected) logger.error({ err: error, method: call.getPath() }, 'gRPC handler failed');
        callback({ code: status.code, details: status.details });
      },
    );
  };
}

/** An error answered by a remote gRPC service. */
export class RpcCallError extends Error {
  constructor(
    readonly method: string,
    readonly status: grpc.status,
    details: string,
  ) {
    super(`${method} failed: ${grpc.status[status]} ${details}`);
    this.name = 'RpcCallError';
  }
}
