// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/grpc/health/v1/health.proto


export interface HealthCheckRequest {
  /**
   * The fully qualified service name, e.g. "authmesh.core.v1.IdentityService".
   * Empty asks about the server as a whole.
   */
  'service'?: (string);
}

export interface HealthCheckRequest__Output {
  /**
   * The fully qualified service name, e.g. "authmesh.core.v1.IdentityService".
   * Empty asks about the server as a whole.
   */
  'service': (string);
}
