// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/identity.proto


export interface DeleteUserRequest {
  'user_pk'?: (string);
  'client_ip'?: (string);
}

export interface DeleteUserRequest__Output {
  'user_pk': (string);
  'client_ip': (string);
}
