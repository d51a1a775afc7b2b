// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/flow_config.proto


export interface UseInvitationRequest {
  /**
   * The invitation's UUID from the link's itoken parameter.
   */
  'token'?: (string);
  'flow_pk'?: (string);
}

export interface UseInvitationRequest__Output {
  /**
   * The invitation's UUID from the link's itoken parameter.
   */
  'token': (string);
  'flow_pk': (string);
}
