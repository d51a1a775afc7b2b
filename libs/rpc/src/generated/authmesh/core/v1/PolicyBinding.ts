// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/flow_config.proto

import type { PolicyDefinition as _authmesh_core_v1_PolicyDefinition, PolicyDefinition__Output as _authmesh_core_v1_PolicyDefinition__Output } from '../../../authmesh/core/v1/PolicyDefinition.js';

export interface PolicyBinding {
  'pk'?: (string);
  /**
   * The UUID of the flow, flow-stage binding or application this binding gates.
   */
  'target'?: (string);
  'order'?: (number);
  'enabled'?: (boolean);
  'negate'?: (boolean);
  'timeout_seconds'?: (number);
  'failure_result'?: (boolean);
  'policy'?: (_authmesh_core_v1_PolicyDefinition | null);
  /**
   * A group's UUID: the binding passes for its members (including members of child groups).
   */
  'group_pk'?: (string);
  /**
   * A user's integer primary key as a decimal string.
   */
  'user_pk'?: (string);
  /**
   * Exactly one of these is set.
   */
  'subject'?: "policy"|"group_pk"|"user_pk";
}

export interface PolicyBinding__Output {
  'pk': (string);
  /**
   * The UUID of the flow, flow-stage binding or application this binding gates.
   */
  'target': (string);
  'order': (number);
  'enabled': (boolean);
  'negate': (boolean);
  'timeout_seconds': (number);
  'failure_result': (boolean);
  'policy'?: (_authmesh_core_v1_PolicyDefinition__Output | null);
  /**
   * A group's UUID: the binding passes for its members (including members of child groups).
   */
  'group_pk'?: (string);
  /**
   * A user's integer primary key as a decimal string.
   */
  'user_pk'?: (string);
  /**
   * Exactly one of these is set.
   */
  'subject'?: "policy"|"group_pk"|"user_pk";
}
