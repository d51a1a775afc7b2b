// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/identity.proto


export interface ConfirmDeviceRequest {
  'user_pk'?: (string);
  'device_pk'?: (string);
  /**
   * Required for TOTP.
   */
  'code'?: (string);
}

export interface ConfirmDeviceRequest__Output {
  'user_pk': (string);
  'device_pk': (string);
  /**
   * Required for TOTP.
   */
  'code': (string);
}
