// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/events/v1/events.proto


export interface CreateEventResponse {
  'pk'?: (string);
}

export interface CreateEventResponse__Output {
  'pk': (string);
}
