// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/events/v1/notifications.proto


export interface TestTransportResponse {
  /**
   * What happened, to show the admin (e.g. the webhook's HTTP status).
   */
  'messages'?: (string)[];
}

export interface TestTransportResponse__Output {
  /**
   * What happened, to show the admin (e.g. the webhook's HTTP status).
   */
  'messages': (string)[];
}
