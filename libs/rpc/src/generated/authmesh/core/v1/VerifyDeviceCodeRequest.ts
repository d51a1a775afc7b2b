// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/identity.proto


export interface VerifyDeviceCodeRequest {
  'user_pk'?: (string);
  'code'?: (string);
  /**
   * Allowed device types (e.g. totp, static); empty allows none.
   */
  'types'?: (string)[];
}

export interface VerifyDeviceCodeRequest__Output {
  'user_pk': (string);
  'code': (string);
  /**
   * Allowed device types (e.g. totp, static); empty allows none.
   */
  'types': (string)[];
}
