// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/flow_config.proto


export interface PolicyDefinition {
  'pk'?: (string);
  'name'?: (string);
  'type'?: (string);
  'execution_logging'?: (boolean);
  /**
   * The type's settings as a JSON object, defaults filled in and secrets opened.
   */
  'settings_json'?: (string);
}

export interface PolicyDefinition__Output {
  'pk': (string);
  'name': (string);
  'type': (string);
  'execution_logging': (boolean);
  /**
   * The type's settings as a JSON object, defaults filled in and secrets opened.
   */
  'settings_json': (string);
}
