// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/notification_config.proto

import type { NotificationTransport as _authmesh_core_v1_NotificationTransport, NotificationTransport__Output as _authmesh_core_v1_NotificationTransport__Output } from '../../../authmesh/core/v1/NotificationTransport.js';

export interface NotificationRule {
  /**
   * The rule's UUID: the target of its policy bindings.
   */
  'pk'?: (string);
  'name'?: (string);
  /**
   * notice, warning or alert.
   */
  'severity'?: (string);
  /**
   * UUID of the group whose members are notified.
   */
  'group_pk'?: (string);
  /**
   * any or all: how the rule's policy bindings combine.
   */
  'policy_engine_mode'?: (string);
  /**
   * Empty: the notification is only shown in the web interface (as with a local transport).
   */
  'transports'?: (_authmesh_core_v1_NotificationTransport)[];
}

export interface NotificationRule__Output {
  /**
   * The rule's UUID: the target of its policy bindings.
   */
  'pk': (string);
  'name': (string);
  /**
   * notice, warning or alert.
   */
  'severity': (string);
  /**
   * UUID of the group whose members are notified.
   */
  'group_pk': (string);
  /**
   * any or all: how the rule's policy bindings combine.
   */
  'policy_engine_mode': (string);
  /**
   * Empty: the notification is only shown in the web interface (as with a local transport).
   */
  'transports': (_authmesh_core_v1_NotificationTransport__Output)[];
}
