// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/identity.proto

import type { User as _authmesh_core_v1_User, User__Output as _authmesh_core_v1_User__Output } from '../../../authmesh/core/v1/User.js';

export interface CheckSessionResponse {
  'valid'?: (boolean);
  /**
   * Set only when valid.
   */
  'user'?: (_authmesh_core_v1_User | null);
  'session_uuid'?: (string);
  /**
   * Set while an admin impersonates `user` in this session: that admin. Events caused
   * through the session name the admin, acting on behalf of `user`.
   */
  'impersonator'?: (_authmesh_core_v1_User | null);
}

export interface CheckSessionResponse__Output {
  'valid': (boolean);
  /**
   * Set only when valid.
   */
  'user': (_authmesh_core_v1_User__Output | null);
  'session_uuid': (string);
  /**
   * Set while an admin impersonates `user` in this session: that admin. Events caused
   * through the session name the admin, acting on behalf of `user`.
   */
  'impersonator': (_authmesh_core_v1_User__Output | null);
}
