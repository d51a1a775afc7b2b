// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/notification_config.proto


export interface Recipient {
  /**
   * Integer primary key as a decimal string.
   */
  'pk'?: (string);
  'username'?: (string);
  'name'?: (string);
  /**
   * Empty when the user has no address (an email transport then skips them).
   */
  'email'?: (string);
}

export interface Recipient__Output {
  /**
   * Integer primary key as a decimal string.
   */
  'pk': (string);
  'username': (string);
  'name': (string);
  /**
   * Empty when the user has no address (an email transport then skips them).
   */
  'email': (string);
}
