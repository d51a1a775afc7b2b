// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/notification_config.proto

import type { Recipient as _authmesh_core_v1_Recipient, Recipient__Output as _authmesh_core_v1_Recipient__Output } from '../../../authmesh/core/v1/Recipient.js';

export interface ListGroupMembersResponse {
  'members'?: (_authmesh_core_v1_Recipient)[];
}

export interface ListGroupMembersResponse__Output {
  'members': (_authmesh_core_v1_Recipient__Output)[];
}
