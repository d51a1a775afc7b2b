// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/identity.proto

import type { User as _authmesh_core_v1_User, User__Output as _authmesh_core_v1_User__Output } from '../../../authmesh/core/v1/User.js';

export interface CheckTokenResponse {
  'valid'?: (boolean);
  'user'?: (_authmesh_core_v1_User | null);
  'token_identifier'?: (string);
  'intent'?: (string);
  /**
   * RFC 3339, empty for tokens that do not expire.
   */
  'expires'?: (string);
}

export interface CheckTokenResponse__Output {
  'valid': (boolean);
  'user': (_authmesh_core_v1_User__Output | null);
  'token_identifier': (string);
  'intent': (string);
  /**
   * RFC 3339, empty for tokens that do not expire.
   */
  'expires': (string);
}
