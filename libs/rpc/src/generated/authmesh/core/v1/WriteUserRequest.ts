// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/identity.proto


export interface WriteUserRequest {
  /**
   * Integer primary key of the user to change; empty to create one.
   */
  'user_pk'?: (string);
  /**
   * JSON object of user fields to set: username, name, email, is_active, type, path, and
   * attributes (merged into the existing attributes, not replacing them).
   */
  'fields_json'?: (string);
  /**
   * A new password; empty leaves it unchanged.
   */
  'password'?: (string);
  /**
   * UUID of a group to add the user to; empty for none.
   */
  'add_group_pk'?: (string);
  /**
   * Recorded with the change events.
   */
  'client_ip'?: (string);
}

export interface WriteUserRequest__Output {
  /**
   * Integer primary key of the user to change; empty to create one.
   */
  'user_pk': (string);
  /**
   * JSON object of user fields to set: username, name, email, is_active, type, path, and
   * attributes (merged into the existing attributes, not replacing them).
   */
  'fields_json': (string);
  /**
   * A new password; empty leaves it unchanged.
   */
  'password': (string);
  /**
   * UUID of a group to add the user to; empty for none.
   */
  'add_group_pk': (string);
  /**
   * Recorded with the change events.
   */
  'client_ip': (string);
}
