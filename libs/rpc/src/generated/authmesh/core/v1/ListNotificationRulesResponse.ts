// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/notification_config.proto

import type { NotificationRule as _authmesh_core_v1_NotificationRule, NotificationRule__Output as _authmesh_core_v1_NotificationRule__Output } from '../../../authmesh/core/v1/NotificationRule.js';

export interface ListNotificationRulesResponse {
  'rules'?: (_authmesh_core_v1_NotificationRule)[];
}

export interface ListNotificationRulesResponse__Output {
  'rules': (_authmesh_core_v1_NotificationRule__Output)[];
}
