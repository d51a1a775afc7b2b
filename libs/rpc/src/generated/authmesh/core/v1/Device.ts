// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/identity.proto


export interface Device {
  /**
   * The device's UUID.
   */
  'pk'?: (string);
  /**
   * totp, static, webauthn, sms or duo.
   */
  'type'?: (string);
  'name'?: (string);
  'confirmed'?: (boolean);
}

export interface Device__Output {
  /**
   * The device's UUID.
   */
  'pk': (string);
  /**
   * totp, static, webauthn, sms or duo.
   */
  'type': (string);
  'name': (string);
  'confirmed': (boolean);
}
