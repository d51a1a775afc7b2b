// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/identity.proto

import type { Group as _authmesh_core_v1_Group, Group__Output as _authmesh_core_v1_Group__Output } from '../../../authmesh/core/v1/Group.js';

export interface ListGroupsResponse {
  'groups'?: (_authmesh_core_v1_Group)[];
  /**
   * Pass it back as page_token for the next page; empty on the last page.
   */
  'next_page_token'?: (string);
}

export interface ListGroupsResponse__Output {
  'groups': (_authmesh_core_v1_Group__Output)[];
  /**
   * Pass it back as page_token for the next page; empty on the last page.
   */
  'next_page_token': (string);
}
