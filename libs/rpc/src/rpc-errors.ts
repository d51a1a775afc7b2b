import * as grpc from '@grpc/grpc-js';
import type { Logger } from '@authmesh/logger';

/**
 * The error codes a handler may signal. Typed domain errors (NotFoundError, ... in
 * @authmesh/runtime) carry one as their `code`; this lib only relies on that shape, so it
 * does not depend on the runtime lib.
 */
export type RpcErrorCode = 'not_found' | 'invalid' | 'permission_denied' | 'unauthenticated' | 'unavailable' | 'failed_precondition';

/** An error a handler throws on purpose; its message is meant for the caller. */
export interface RpcError {
  readonly code: RpcErrorCode;
  readonly message: string;
}

/** The one place domain error codes become gRPC statuses. */
const STATUS_BY_CODE: ReadonlyMap<string, grpc.status> = new Map<RpcErrorCode, grpc.status>([
  ['not_found', grpc.status.NOT_FOUND],
  ['invalid', grpc.status.INVALID_ARGUMENT],
  ['permission_denied', grpc.status.PERMISSION_DENIED],
  ['unauthenticated', grpc.status.UNAUTHENTICATED],
  ['unavailable', grpc.status.UNAVAILABLE],
  ['failed_precondition', grpc.status.FAILED_PRECONDITION],
]);

/** Whether `error` is a typed error whose code this lib maps (and whose message may be shown). */
export function isRpcError(error: unknown): error is RpcError {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return typeof code === 'string' && STATUS_BY_CODE.has(code) && typeof message === 'string';
}

/**
 * The gRPC status for an error thrown by a handler. Typed errors keep their message; anything
 * else (a bug, a driver error, a Node system error with its own `code`) becomes INTERNAL with
 * a fixed message, so no stack, query or secret reaches the caller.
 */
export function grpcStatusOf(error: unknown): { code: grpc.status; details: string; expected: boolean } {
  if (isRpcError(error)) {
    return { code: STATUS_BY_CODE.get(error.code) ?? grpc.status.INTERNAL, details: error.message, expected: true };
  }
  return { code: grpc.status.INTERNAL, details: 'internal error', expected: false };
}

/**
 * Turns an async function into a gRPC unary handler: its result is the response, a typed
 * error becomes the matching status, anything else INTERNAL "internal error" (logged in full
 * here, never sent).
 */
export function unary<Req, Res>(
  logger: Logger,
  handler: (request: Req, call: grpc.ServerUnaryCall<Req, Res>) => Promise<Res>,
): grpc.handleUnaryCall<Req, Res> {
  return (call, callback) => {
    // Starting inside a promise turns a synchronous throw into a rejection handled below.
    Promise.resolve()
      .then(() => handler(call.request, call))
      .then(
        (response) => callback(null, response),
        (error: unknown) => {
          const status = grpcStatusOf(error);
          if (!status.expected) logger.error({ err: error, method: call.getPath() }, 'gRPC handler failed');
          callback({ code: status.code, details: status.details });
        },
      );
  };
}

/** An error answered by a remote gRPC service (or the channel: deadline, unreachable). */
export class RpcCallError extends Error {
  constructor(
    readonly method: string,
    readonly status: grpc.status,
    readonly details: string,
  ) {
    super(`${method} failed: ${grpc.status[status]} ${details}`);
    this.name = 'RpcCallError';
  }
}
