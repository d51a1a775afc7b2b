// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/oauth2_config.proto


export interface OAuth2Application {
  /**
   * The application's UUID (the target of its policy bindings).
   */
  'pk'?: (string);
  'slug'?: (string);
  'name'?: (string);
  /**
   * any or all: how the application's policy bindings combine.
   */
  'policy_engine_mode'?: (string);
  'launch_url'?: (string);
}

export interface OAuth2Application__Output {
  /**
   * The application's UUID (the target of its policy bindings).
   */
  'pk': (string);
  'slug': (string);
  'name': (string);
  /**
   * any or all: how the application's policy bindings combine.
   */
  'policy_engine_mode': (string);
  'launch_url': (string);
}
