// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/identity.proto


export interface GetGroupRequest {
  /**
   * The group's UUID.
   */
  'pk'?: (string);
}

export interface GetGroupRequest__Output {
  /**
   * The group's UUID.
   */
  'pk': (string);
}
