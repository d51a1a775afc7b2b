// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/identity.proto


export interface ListGroupsRequest {
  /**
   * When set, only the groups of this user (integer primary key as a decimal string),
   * including inherited ones, all in one page.
   */
  'user_pk'?: (string);
  /**
   * At most this many groups per page; 0 asks for the server's default.
   */
  'page_size'?: (number);
  /**
   * Opaque token from a previous response's next_page_token; empty for the first page.
   */
  'page_token'?: (string);
}

export interface ListGroupsRequest__Output {
  /**
   * When set, only the groups of this user (integer primary key as a decimal string),
   * including inherited ones, all in one page.
   */
  'user_pk': (string);
  /**
   * At most this many groups per page; 0 asks for the server's default.
   */
  'page_size': (number);
  /**
   * Opaque token from a previous response's next_page_token; empty for the first page.
   */
  'page_token': (string);
}
