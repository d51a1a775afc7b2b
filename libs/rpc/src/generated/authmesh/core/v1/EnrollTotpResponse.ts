// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/identity.proto


export interface EnrollTotpResponse {
  'device_pk'?: (string);
  /**
   * Base32 secret for manual entry.
   */
  'secret'?: (string);
  /**
   * otpauth:// URI for the QR code.
   */
  'config_url'?: (string);
}

export interface EnrollTotpResponse__Output {
  'device_pk': (string);
  /**
   * Base32 secret for manual entry.
   */
  'secret': (string);
  /**
   * otpauth:// URI for the QR code.
   */
  'config_url': (string);
}
