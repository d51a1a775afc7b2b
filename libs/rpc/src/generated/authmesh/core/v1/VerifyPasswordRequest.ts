// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/identity.proto


export interface VerifyPasswordRequest {
  'username'?: (string);
  'password'?: (string);
  /**
   * Where the attempt came from, recorded with login_failed events and used for reputation.
   */
  'client_ip'?: (string);
}

export interface VerifyPasswordRequest__Output {
  'username': (string);
  'password': (string);
  /**
   * Where the attempt came from, recorded with login_failed events and used for reputation.
   */
  'client_ip': (string);
}
