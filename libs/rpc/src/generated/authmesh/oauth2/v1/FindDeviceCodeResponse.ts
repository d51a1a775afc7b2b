// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/oauth2/v1/device.proto

import type { DeviceCodePermission as _authmesh_oauth2_v1_DeviceCodePermission, DeviceCodePermission__Output as _authmesh_oauth2_v1_DeviceCodePermission__Output } from '../../../authmesh/oauth2/v1/DeviceCodePermission.js';

export interface FindDeviceCodeResponse {
  'found'?: (boolean);
  /**
   * The user code as stored (normalized), to settle it later.
   */
  'user_code'?: (string);
  'client_id'?: (string);
  /**
   * The application of the provider.
   */
  'application_pk'?: (string);
  'application_slug'?: (string);
  'application_name'?: (string);
  /**
   * The provider's authorization flow, which the user runs next.
   */
  'authorization_flow_slug'?: (string);
  /**
   * Requested scopes that have a description, for the consent stage.
   */
  'permissions'?: (_authmesh_oauth2_v1_DeviceCodePermission)[];
}

export interface FindDeviceCodeResponse__Output {
  'found': (boolean);
  /**
   * The user code as stored (normalized), to settle it later.
   */
  'user_code': (string);
  'client_id': (string);
  /**
   * The application of the provider.
   */
  'application_pk': (string);
  'application_slug': (string);
  'application_name': (string);
  /**
   * The provider's authorization flow, which the user runs next.
   */
  'authorization_flow_slug': (string);
  /**
   * Requested scopes that have a description, for the consent stage.
   */
  'permissions': (_authmesh_oauth2_v1_DeviceCodePermission__Output)[];
}
