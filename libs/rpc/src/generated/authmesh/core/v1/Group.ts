// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/identity.proto


export interface Group {
  'pk'?: (string);
  'name'?: (string);
  /**
   * Empty for a top-level group.
   */
  'parent_pk'?: (string);
  'is_superuser'?: (boolean);
  'attributes_json'?: (string);
}

export interface Group__Output {
  'pk': (string);
  'name': (string);
  /**
   * Empty for a top-level group.
   */
  'parent_pk': (string);
  'is_superuser': (boolean);
  'attributes_json': (string);
}
