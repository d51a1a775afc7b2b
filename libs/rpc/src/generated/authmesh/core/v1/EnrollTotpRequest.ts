// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/identity.proto


export interface EnrollTotpRequest {
  'user_pk'?: (string);
  'name'?: (string);
  /**
   * 6 or 8.
   */
  'digits'?: (number);
  /**
   * Shown as the issuer in authenticator apps.
   */
  'issuer'?: (string);
}

export interface EnrollTotpRequest__Output {
  'user_pk': (string);
  'name': (string);
  /**
   * 6 or 8.
   */
  'digits': (number);
  /**
   * Shown as the issuer in authenticator apps.
   */
  'issuer': (string);
}
