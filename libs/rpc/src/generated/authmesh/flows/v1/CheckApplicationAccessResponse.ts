// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/flows/v1/flows.proto


export interface CheckApplicationAccessResponse {
  'passing'?: (boolean);
  /**
   * Messages of failing policies, to show the user.
   */
  'messages'?: (string)[];
}

export interface CheckApplicationAccessResponse__Output {
  'passing': (boolean);
  /**
   * Messages of failing policies, to show the user.
   */
  'messages': (string)[];
}
