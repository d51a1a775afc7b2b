// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/identity.proto


export interface Group {
  /**
   * The group's UUID.
   */
  'pk'?: (string);
  'name'?: (string);
  /**
   * UUID of the parent group; empty for a top-level group.
   */
  'parent_pk'?: (string);
  /**
   * This group's own flag; membership in it makes a user a superuser.
   */
  'is_superuser'?: (boolean);
  /**
   * The group's attributes as a JSON object.
   */
  'attributes_json'?: (string);
}

export interface Group__Output {
  /**
   * The group's UUID.
   */
  'pk': (string);
  'name': (string);
  /**
   * UUID of the parent group; empty for a top-level group.
   */
  'parent_pk': (string);
  /**
   * This group's own flag; membership in it makes a user a superuser.
   */
  'is_superuser': (boolean);
  /**
   * The group's attributes as a JSON object.
   */
  'attributes_json': (string);
}
