// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/config/v1/changes.proto


export interface ConfigChanged {
  /**
   * The model, e.g. "authentik_core.user".
   */
  'kind'?: (string);
  'pk'?: (string);
  /**
   * created, updated or deleted.
   */
  'action'?: (string);
}

export interface ConfigChanged__Output {
  /**
   * The model, e.g. "authentik_core.user".
   */
  'kind': (string);
  'pk': (string);
  /**
   * created, updated or deleted.
   */
  'action': (string);
}
