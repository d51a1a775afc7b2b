// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/identity.proto


export interface CheckTokenRequest {
  /**
   * The secret token key as presented by the client.
   */
  'key'?: (string);
  /**
   * What the token is being used for: api, app_password, recovery or verification.
   * A token only matches its own intent.
   */
  'intent'?: (string);
}

export interface CheckTokenRequest__Output {
  /**
   * The secret token key as presented by the client.
   */
  'key': (string);
  /**
   * What the token is being used for: api, app_password, recovery or verification.
   * A token only matches its own intent.
   */
  'intent': (string);
}
