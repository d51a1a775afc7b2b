// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/notification_config.proto


export interface ListGroupMembersRequest {
  /**
   * The group's UUID.
   */
  'group_pk'?: (string);
}

export interface ListGroupMembersRequest__Output {
  /**
   * The group's UUID.
   */
  'group_pk': (string);
}
