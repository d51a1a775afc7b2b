// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/events/v1/notifications.proto


export interface TestTransportRequest {
  /**
   * The transport's UUID.
   */
  'transport_pk'?: (string);
  /**
   * The user to notify (integer primary key as a decimal string): the admin who asked.
   */
  'user_pk'?: (string);
}

export interface TestTransportRequest__Output {
  /**
   * The transport's UUID.
   */
  'transport_pk': (string);
  /**
   * The user to notify (integer primary key as a decimal string): the admin who asked.
   */
  'user_pk': (string);
}
