// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/flow_config.proto

import type { FlowStageBinding as _authmesh_core_v1_FlowStageBinding, FlowStageBinding__Output as _authmesh_core_v1_FlowStageBinding__Output } from '../../../authmesh/core/v1/FlowStageBinding.js';
import type { PolicyBinding as _authmesh_core_v1_PolicyBinding, PolicyBinding__Output as _authmesh_core_v1_PolicyBinding__Output } from '../../../authmesh/core/v1/PolicyBinding.js';

export interface FlowDefinition {
  'pk'?: (string);
  'slug'?: (string);
  'name'?: (string);
  'title'?: (string);
  'designation'?: (string);
  /**
   * none, require_authenticated, require_unauthenticated or require_superuser.
   */
  'authentication'?: (string);
  'layout'?: (string);
  'background'?: (string);
  /**
   * message_continue, message or continue.
   */
  'denied_action'?: (string);
  /**
   * any or all, for the flow's own policy bindings.
   */
  'policy_engine_mode'?: (string);
  'compatibility_mode'?: (boolean);
  'bindings'?: (_authmesh_core_v1_FlowStageBinding)[];
  /**
   * Bindings whose target is the flow or one of its stage bindings.
   */
  'policy_bindings'?: (_authmesh_core_v1_PolicyBinding)[];
}

export interface FlowDefinition__Output {
  'pk': (string);
  'slug': (string);
  'name': (string);
  'title': (string);
  'designation': (string);
  /**
   * none, require_authenticated, require_unauthenticated or require_superuser.
   */
  'authentication': (string);
  'layout': (string);
  'background': (string);
  /**
   * message_continue, message or continue.
   */
  'denied_action': (string);
  /**
   * any or all, for the flow's own policy bindings.
   */
  'policy_engine_mode': (string);
  'compatibility_mode': (boolean);
  'bindings': (_authmesh_core_v1_FlowStageBinding__Output)[];
  /**
   * Bindings whose target is the flow or one of its stage bindings.
   */
  'policy_bindings': (_authmesh_core_v1_PolicyBinding__Output)[];
}
