// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/oauth2_config.proto


export interface EvaluateScopesResponse {
  /**
   * The merged claims as a JSON object.
   */
  'claims_json'?: (string);
  /**
   * The requested scopes the provider has a mapping for, in request order.
   */
  'granted_scopes'?: (string)[];
  /**
   * The user's `sub` under the provider's subject mode (hashed_user_id: a keyed digest of
   * the user's key, so it reveals nothing and is stable per installation).
   */
  'subject'?: (string);
}

export interface EvaluateScopesResponse__Output {
  /**
   * The merged claims as a JSON object.
   */
  'claims_json': (string);
  /**
   * The requested scopes the provider has a mapping for, in request order.
   */
  'granted_scopes': (string)[];
  /**
   * The user's `sub` under the provider's subject mode (hashed_user_id: a keyed digest of
   * the user's key, so it reveals nothing and is stable per installation).
   */
  'subject': (string);
}
