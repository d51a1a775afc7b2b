// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/identity.proto


export interface EnrollStaticRequest {
  'user_pk'?: (string);
  'name'?: (string);
  'token_count'?: (number);
  'token_length'?: (number);
}

export interface EnrollStaticRequest__Output {
  'user_pk': (string);
  'name': (string);
  'token_count': (number);
  'token_length': (number);
}
