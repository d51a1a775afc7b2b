// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/flow_config.proto


export interface UseInvitationResponse {
  'valid'?: (boolean);
  /**
   * The invitation's fixed data as a JSON object; set only when valid.
   */
  'fixed_data_json'?: (string);
  'invitation_pk'?: (string);
}

export interface UseInvitationResponse__Output {
  'valid': (boolean);
  /**
   * The invitation's fixed data as a JSON object; set only when valid.
   */
  'fixed_data_json': (string);
  'invitation_pk': (string);
}
