// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/events/v1/events.proto


export interface CreateEventResponse {
  /**
   * The stored event's UUID.
   */
  'pk'?: (string);
}

export interface CreateEventResponse__Output {
  /**
   * The stored event's UUID.
   */
  'pk': (string);
}
