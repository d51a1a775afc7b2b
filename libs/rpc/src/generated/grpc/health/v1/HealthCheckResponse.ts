// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/grpc/health/v1/health.proto


// Original file: proto/grpc/health/v1/health.proto

export const _grpc_health_v1_HealthCheckResponse_ServingStatus = {
  /**
   * The status is not known yet.
   */
  UNKNOWN: 'UNKNOWN',
  /**
   * The service accepts and handles calls.
   */
  SERVING: 'SERVING',
  /**
   * The service exists but should not be sent calls now (starting, draining, a
   * dependency down).
   */
  NOT_SERVING: 'NOT_SERVING',
  /**
   * The server does not host the named service. Only Watch sends it; Check answers
   * NOT_FOUND instead.
   */
  SERVICE_UNKNOWN: 'SERVICE_UNKNOWN',
} as const;

export type _grpc_health_v1_HealthCheckResponse_ServingStatus =
  /**
   * The status is not known yet.
   */
  | 'UNKNOWN'
  | 0
  /**
   * The service accepts and handles calls.
   */
  | 'SERVING'
  | 1
  /**
   * The service exists but should not be sent calls now (starting, draining, a
   * dependency down).
   */
  | 'NOT_SERVING'
  | 2
  /**
   * The server does not host the named service. Only Watch sends it; Check answers
   * NOT_FOUND instead.
   */
  | 'SERVICE_UNKNOWN'
  | 3

export type _grpc_health_v1_HealthCheckResponse_ServingStatus__Output = typeof _grpc_health_v1_HealthCheckResponse_ServingStatus[keyof typeof _grpc_health_v1_HealthCheckResponse_ServingStatus]

export interface HealthCheckResponse {
  'status'?: (_grpc_health_v1_HealthCheckResponse_ServingStatus);
}

export interface HealthCheckResponse__Output {
  'status': (_grpc_health_v1_HealthCheckResponse_ServingStatus__Output);
}
