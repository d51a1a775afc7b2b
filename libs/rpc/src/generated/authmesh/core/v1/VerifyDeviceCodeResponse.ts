// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/identity.proto


export interface VerifyDeviceCodeResponse {
  'valid'?: (boolean);
  'device_pk'?: (string);
  'type'?: (string);
}

export interface VerifyDeviceCodeResponse__Output {
  'valid': (boolean);
  'device_pk': (string);
  'type': (string);
}
