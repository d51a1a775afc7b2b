// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/flows/v1/flows.proto


export interface TestPolicyRequest {
  /**
   * The policy type, e.g. expression.
   */
  'type'?: (string);
  /**
   * The type's settings as a JSON object (secrets opened).
   */
  'settings_json'?: (string);
  /**
   * Integer primary key of the user to evaluate for; empty for anonymous.
   */
  'user_pk'?: (string);
  /**
   * JSON object put into the request context.
   */
  'context_json'?: (string);
}

export interface TestPolicyRequest__Output {
  /**
   * The policy type, e.g. expression.
   */
  'type': (string);
  /**
   * The type's settings as a JSON object (secrets opened).
   */
  'settings_json': (string);
  /**
   * Integer primary key of the user to evaluate for; empty for anonymous.
   */
  'user_pk': (string);
  /**
   * JSON object put into the request context.
   */
  'context_json': (string);
}
