// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/identity.proto


export interface VerifyPasswordRequest {
  'username'?: (string);
  'password'?: (string);
  /**
   * Where the attempt came from, recorded with login_failed events and used for reputation.
   */
  'client_ip'?: (string);
  /**
   * The caller records its own login_failed event (the flow executor does, with what the
   * user typed); core then records none.
   */
  'skip_failure_event'?: (boolean);
}

export interface VerifyPasswordRequest__Output {
  'username': (string);
  'password': (string);
  /**
   * Where the attempt came from, recorded with login_failed events and used for reputation.
   */
  'client_ip': (string);
  /**
   * The caller records its own login_failed event (the flow executor does, with what the
   * user typed); core then records none.
   */
  'skip_failure_event': (boolean);
}
