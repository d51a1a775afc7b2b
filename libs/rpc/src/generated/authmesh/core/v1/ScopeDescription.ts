// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/oauth2_config.proto


export interface ScopeDescription {
  'scope_name'?: (string);
  /**
   * Shown to the user at consent; empty: the scope is not shown.
   */
  'description'?: (string);
}

export interface ScopeDescription__Output {
  'scope_name': (string);
  /**
   * Shown to the user at consent; empty: the scope is not shown.
   */
  'description': (string);
}
