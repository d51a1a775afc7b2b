// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/identity.proto


export interface FindWebauthnCredentialRequest {
  /**
   * base64url credential id.
   */
  'credential_id'?: (string);
}

export interface FindWebauthnCredentialRequest__Output {
  /**
   * base64url credential id.
   */
  'credential_id': (string);
}
