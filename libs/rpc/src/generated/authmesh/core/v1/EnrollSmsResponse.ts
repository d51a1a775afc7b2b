// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/identity.proto


export interface EnrollSmsResponse {
  'device_pk'?: (string);
}

export interface EnrollSmsResponse__Output {
  'device_pk': (string);
}
