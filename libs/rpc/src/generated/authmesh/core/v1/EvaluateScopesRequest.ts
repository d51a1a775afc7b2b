// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/oauth2_config.proto


export interface EvaluateScopesRequest {
  'provider_pk'?: (number);
  /**
   * Integer primary key of the user as a decimal string.
   */
  'user_pk'?: (string);
  'scopes'?: (string)[];
}

export interface EvaluateScopesRequest__Output {
  'provider_pk': (number);
  /**
   * Integer primary key of the user as a decimal string.
   */
  'user_pk': (string);
  'scopes': (string)[];
}
