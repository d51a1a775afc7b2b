// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/oauth2_config.proto


export interface VerifyClientSecretResponse {
  'valid'?: (boolean);
}

export interface VerifyClientSecretResponse__Output {
  'valid': (boolean);
}
