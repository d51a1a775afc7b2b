// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/oauth2/v1/device.proto

import type { DeviceCodeActor as _authmesh_oauth2_v1_DeviceCodeActor, DeviceCodeActor__Output as _authmesh_oauth2_v1_DeviceCodeActor__Output } from '../../../authmesh/oauth2/v1/DeviceCodeActor.js';

export interface ApproveDeviceCodeRequest {
  'user_code'?: (string);
  'actor'?: (_authmesh_oauth2_v1_DeviceCodeActor | null);
}

export interface ApproveDeviceCodeRequest__Output {
  'user_code': (string);
  'actor': (_authmesh_oauth2_v1_DeviceCodeActor__Output | null);
}
