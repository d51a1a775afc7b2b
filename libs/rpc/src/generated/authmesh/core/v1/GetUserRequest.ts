// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/identity.proto


export interface GetUserRequest {
  /**
   * The user's integer primary key as a decimal string (the reference product's
   * numbering, kept so exported data and API paths stay compatible).
   */
  'pk'?: (string);
  'username'?: (string);
  /**
   * The first user with this e-mail address (case-insensitive); e-mail is not unique.
   */
  'email'?: (string);
  /**
   * The user whose attributes.upn equals this value.
   */
  'upn'?: (string);
  /**
   * Exactly one way to name the user.
   */
  'lookup'?: "pk"|"username"|"email"|"upn";
}

export interface GetUserRequest__Output {
  /**
   * The user's integer primary key as a decimal string (the reference product's
   * numbering, kept so exported data and API paths stay compatible).
   */
  'pk'?: (string);
  'username'?: (string);
  /**
   * The first user with this e-mail address (case-insensitive); e-mail is not unique.
   */
  'email'?: (string);
  /**
   * The user whose attributes.upn equals this value.
   */
  'upn'?: (string);
  /**
   * Exactly one way to name the user.
   */
  'lookup'?: "pk"|"username"|"email"|"upn";
}
