// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/identity.proto


export interface CheckSessionRequest {
  'session_key'?: (string);
  'client_ip'?: (string);
  'user_agent'?: (string);
}

export interface CheckSessionRequest__Output {
  'session_key': (string);
  'client_ip': (string);
  'user_agent': (string);
}
