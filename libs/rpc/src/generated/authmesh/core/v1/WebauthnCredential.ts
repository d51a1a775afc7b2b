// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/identity.proto

import type { Device as _authmesh_core_v1_Device, Device__Output as _authmesh_core_v1_Device__Output } from '../../../authmesh/core/v1/Device.js';

export interface WebauthnCredential {
  'user_pk'?: (string);
  'device'?: (_authmesh_core_v1_Device | null);
}

export interface WebauthnCredential__Output {
  'user_pk': (string);
  'device': (_authmesh_core_v1_Device__Output | null);
}
