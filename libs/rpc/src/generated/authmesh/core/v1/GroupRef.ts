// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/identity.proto


export interface GroupRef {
  'pk'?: (string);
  'name'?: (string);
}

export interface GroupRef__Output {
  'pk': (string);
  'name': (string);
}
