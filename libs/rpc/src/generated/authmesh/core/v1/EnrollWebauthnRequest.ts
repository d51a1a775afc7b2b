// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/identity.proto

import type { WebauthnKey as _authmesh_core_v1_WebauthnKey, WebauthnKey__Output as _authmesh_core_v1_WebauthnKey__Output } from '../../../authmesh/core/v1/WebauthnKey.js';

export interface EnrollWebauthnRequest {
  'user_pk'?: (string);
  'name'?: (string);
  'key'?: (_authmesh_core_v1_WebauthnKey | null);
  /**
   * The authenticator model (AAGUID), all zeros when the authenticator does not say.
   */
  'aaguid'?: (string);
  /**
   * The enrolling stage's UUID.
   */
  'stage_pk'?: (string);
}

export interface EnrollWebauthnRequest__Output {
  'user_pk': (string);
  'name': (string);
  'key': (_authmesh_core_v1_WebauthnKey__Output | null);
  /**
   * The authenticator model (AAGUID), all zeros when the authenticator does not say.
   */
  'aaguid': (string);
  /**
   * The enrolling stage's UUID.
   */
  'stage_pk': (string);
}
