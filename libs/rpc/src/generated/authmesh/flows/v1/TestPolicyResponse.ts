// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/flows/v1/flows.proto


export interface TestPolicyResponse {
  'passing'?: (boolean);
  'messages'?: (string)[];
  /**
   * Set when the policy raised an error (the binding's failure result would apply).
   */
  'error'?: (string);
}

export interface TestPolicyResponse__Output {
  'passing': (boolean);
  'messages': (string)[];
  /**
   * Set when the policy raised an error (the binding's failure result would apply).
   */
  'error': (string);
}
