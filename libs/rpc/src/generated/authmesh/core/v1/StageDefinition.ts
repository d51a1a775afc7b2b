// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/flow_config.proto


export interface StageDefinition {
  'pk'?: (string);
  'name'?: (string);
  /**
   * The stage type, e.g. identification.
   */
  'type'?: (string);
  /**
   * The type's settings as a JSON object, defaults filled in and secrets opened. References
   * a runtime needs whole are expanded: a prompt stage's `fields` are prompt objects and its
   * `validation_policies` policy objects ({pk, name, type, settings}).
   */
  'settings_json'?: (string);
}

export interface StageDefinition__Output {
  'pk': (string);
  'name': (string);
  /**
   * The stage type, e.g. identification.
   */
  'type': (string);
  /**
   * The type's settings as a JSON object, defaults filled in and secrets opened. References
   * a runtime needs whole are expanded: a prompt stage's `fields` are prompt objects and its
   * `validation_policies` policy objects ({pk, name, type, settings}).
   */
  'settings_json': (string);
}
