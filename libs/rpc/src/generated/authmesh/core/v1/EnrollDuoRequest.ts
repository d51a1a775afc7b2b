// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/identity.proto


export interface EnrollDuoRequest {
  'user_pk'?: (string);
  'name'?: (string);
  'duo_user_id'?: (string);
  /**
   * The enrolling stage's UUID.
   */
  'stage_pk'?: (string);
}

export interface EnrollDuoRequest__Output {
  'user_pk': (string);
  'name': (string);
  'duo_user_id': (string);
  /**
   * The enrolling stage's UUID.
   */
  'stage_pk': (string);
}
