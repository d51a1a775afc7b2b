// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/identity.proto


export interface CheckTokenRequest {
  'key'?: (string);
  /**
   * api, app_password, recovery or verification.
   */
  'intent'?: (string);
}

export interface CheckTokenRequest__Output {
  'key': (string);
  /**
   * api, app_password, recovery or verification.
   */
  'intent': (string);
}
