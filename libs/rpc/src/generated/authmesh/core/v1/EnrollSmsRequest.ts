// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/identity.proto


export interface EnrollSmsRequest {
  'user_pk'?: (string);
  'name'?: (string);
  /**
   * E.164 number the code was sent to.
   */
  'phone_number'?: (string);
  /**
   * Keep only a hash of the number (such a device cannot receive codes later).
   */
  'hash_phone_number'?: (boolean);
  /**
   * The enrolling stage's UUID.
   */
  'stage_pk'?: (string);
}

export interface EnrollSmsRequest__Output {
  'user_pk': (string);
  'name': (string);
  /**
   * E.164 number the code was sent to.
   */
  'phone_number': (string);
  /**
   * Keep only a hash of the number (such a device cannot receive codes later).
   */
  'hash_phone_number': (boolean);
  /**
   * The enrolling stage's UUID.
   */
  'stage_pk': (string);
}
