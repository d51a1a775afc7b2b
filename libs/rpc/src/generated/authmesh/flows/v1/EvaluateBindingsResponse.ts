// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/flows/v1/flows.proto


export interface EvaluateBindingsResponse {
  'passing'?: (boolean);
  /**
   * Messages of failing policies.
   */
  'messages'?: (string)[];
}

export interface EvaluateBindingsResponse__Output {
  'passing': (boolean);
  /**
   * Messages of failing policies.
   */
  'messages': (string)[];
}
