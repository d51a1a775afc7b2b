// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/grpc/health/v1/health.proto


export interface HealthCheckRequest {
  /**
   * Empty asks about the whole server.
   */
  'service'?: (string);
}

export interface HealthCheckRequest__Output {
  /**
   * Empty asks about the whole server.
   */
  'service': (string);
}
