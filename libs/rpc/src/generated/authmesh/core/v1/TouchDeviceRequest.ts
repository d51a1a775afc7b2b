// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/identity.proto


export interface TouchDeviceRequest {
  'user_pk'?: (string);
  'device_pk'?: (string);
}

export interface TouchDeviceRequest__Output {
  'user_pk': (string);
  'device_pk': (string);
}
