// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/identity.proto


export interface UseWebauthnDeviceResponse {
  /**
   * False when the counter did not move forward (a possible cloned authenticator).
   */
  'valid'?: (boolean);
}

export interface UseWebauthnDeviceResponse__Output {
  /**
   * False when the counter did not move forward (a possible cloned authenticator).
   */
  'valid': (boolean);
}
