// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/oauth2_config.proto


export interface GetOAuth2ProviderRequest {
  'client_id'?: (string);
  'application_slug'?: (string);
  'pk'?: (number);
  'key'?: "client_id"|"application_slug"|"pk";
}

export interface GetOAuth2ProviderRequest__Output {
  'client_id'?: (string);
  'application_slug'?: (string);
  'pk'?: (number);
  'key'?: "client_id"|"application_slug"|"pk";
}
