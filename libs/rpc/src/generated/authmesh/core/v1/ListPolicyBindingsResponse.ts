// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/flow_config.proto

import type { PolicyBinding as _authmesh_core_v1_PolicyBinding, PolicyBinding__Output as _authmesh_core_v1_PolicyBinding__Output } from '../../../authmesh/core/v1/PolicyBinding.js';

export interface ListPolicyBindingsResponse {
  'bindings'?: (_authmesh_core_v1_PolicyBinding)[];
}

export interface ListPolicyBindingsResponse__Output {
  'bindings': (_authmesh_core_v1_PolicyBinding__Output)[];
}
