// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/identity.proto


export interface CreateSessionResponse {
  /**
   * The secret session key for the cookie; never stored by core.
   */
  'session_key'?: (string);
  /**
   * The session's public identifier (as listed by /api/v3/core/authenticated_sessions/).
   */
  'session_uuid'?: (string);
  /**
   * RFC 3339 expiry.
   */
  'expires'?: (string);
}

export interface CreateSessionResponse__Output {
  /**
   * The secret session key for the cookie; never stored by core.
   */
  'session_key': (string);
  /**
   * The session's public identifier (as listed by /api/v3/core/authenticated_sessions/).
   */
  'session_uuid': (string);
  /**
   * RFC 3339 expiry.
   */
  'expires': (string);
}
