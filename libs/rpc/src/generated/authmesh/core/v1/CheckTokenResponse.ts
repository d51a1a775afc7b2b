// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/identity.proto

import type { User as _authmesh_core_v1_User, User__Output as _authmesh_core_v1_User__Output } from '../../../authmesh/core/v1/User.js';

export interface CheckTokenResponse {
  'valid'?: (boolean);
  /**
   * The token's owner; set only when valid.
   */
  'user'?: (_authmesh_core_v1_User | null);
  /**
   * The token's public identifier (never the key); set only when valid.
   */
  'token_identifier'?: (string);
  /**
   * The token's intent; set only when valid.
   */
  'intent'?: (string);
  /**
   * RFC 3339; empty for tokens that never expire or when not valid.
   */
  'expires'?: (string);
}

export interface CheckTokenResponse__Output {
  'valid': (boolean);
  /**
   * The token's owner; set only when valid.
   */
  'user': (_authmesh_core_v1_User__Output | null);
  /**
   * The token's public identifier (never the key); set only when valid.
   */
  'token_identifier': (string);
  /**
   * The token's intent; set only when valid.
   */
  'intent': (string);
  /**
   * RFC 3339; empty for tokens that never expire or when not valid.
   */
  'expires': (string);
}
