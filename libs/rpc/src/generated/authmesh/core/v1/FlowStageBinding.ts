// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/flow_config.proto

import type { StageDefinition as _authmesh_core_v1_StageDefinition, StageDefinition__Output as _authmesh_core_v1_StageDefinition__Output } from '../../../authmesh/core/v1/StageDefinition.js';

export interface FlowStageBinding {
  'pk'?: (string);
  'order'?: (number);
  'evaluate_on_plan'?: (boolean);
  're_evaluate_policies'?: (boolean);
  /**
   * any or all.
   */
  'policy_engine_mode'?: (string);
  /**
   * retry, restart or restart_with_context.
   */
  'invalid_response_action'?: (string);
  'stage'?: (_authmesh_core_v1_StageDefinition | null);
}

export interface FlowStageBinding__Output {
  'pk': (string);
  'order': (number);
  'evaluate_on_plan': (boolean);
  're_evaluate_policies': (boolean);
  /**
   * any or all.
   */
  'policy_engine_mode': (string);
  /**
   * retry, restart or restart_with_context.
   */
  'invalid_response_action': (string);
  'stage': (_authmesh_core_v1_StageDefinition__Output | null);
}
