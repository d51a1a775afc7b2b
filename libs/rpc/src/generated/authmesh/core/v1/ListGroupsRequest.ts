// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/identity.proto


export interface ListGroupsRequest {
  /**
   * Only groups of this user (integer primary key as a string), when set.
   */
  'user_pk'?: (string);
  'page_size'?: (number);
  /**
   * Opaque, from a previous response.
   */
  'page_token'?: (string);
}

export interface ListGroupsRequest__Output {
  /**
   * Only groups of this user (integer primary key as a string), when set.
   */
  'user_pk': (string);
  'page_size': (number);
  /**
   * Opaque, from a previous response.
   */
  'page_token': (string);
}
