// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/identity.proto

import type { User as _authmesh_core_v1_User, User__Output as _authmesh_core_v1_User__Output } from '../../../authmesh/core/v1/User.js';

export interface WriteUserResponse {
  /**
   * Set when the write happened.
   */
  'user'?: (_authmesh_core_v1_User | null);
  /**
   * JSON object field → [messages] when the input was refused; "{}" or empty otherwise.
   */
  'errors_json'?: (string);
}

export interface WriteUserResponse__Output {
  /**
   * Set when the write happened.
   */
  'user': (_authmesh_core_v1_User__Output | null);
  /**
   * JSON object field → [messages] when the input was refused; "{}" or empty otherwise.
   */
  'errors_json': (string);
}
