// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/oauth2/v1/device.proto


export interface SettleDeviceCodeResponse {
  /**
   * Whether the code is now approved (Approve) or denied (Deny).
   */
  'settled'?: (boolean);
  /**
   * Why not, in words a user may read.
   */
  'message'?: (string);
}

export interface SettleDeviceCodeResponse__Output {
  /**
   * Whether the code is now approved (Approve) or denied (Deny).
   */
  'settled': (boolean);
  /**
   * Why not, in words a user may read.
   */
  'message': (string);
}
