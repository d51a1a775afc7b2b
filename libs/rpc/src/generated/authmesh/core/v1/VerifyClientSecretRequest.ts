// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/oauth2_config.proto


export interface VerifyClientSecretRequest {
  'client_id'?: (string);
  'client_secret'?: (string);
}

export interface VerifyClientSecretRequest__Output {
  'client_id': (string);
  'client_secret': (string);
}
