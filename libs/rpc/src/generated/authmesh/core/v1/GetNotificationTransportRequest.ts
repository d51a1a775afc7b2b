// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/notification_config.proto


export interface GetNotificationTransportRequest {
  'pk'?: (string);
}

export interface GetNotificationTransportRequest__Output {
  'pk': (string);
}
