// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/identity.proto


/**
 * A group as listed on a user: enough to show or match it without another call.
 */
export interface GroupRef {
  /**
   * The group's UUID.
   */
  'pk'?: (string);
  'name'?: (string);
}

/**
 * A group as listed on a user: enough to show or match it without another call.
 */
export interface GroupRef__Output {
  /**
   * The group's UUID.
   */
  'pk': (string);
  'name': (string);
}
