// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/identity.proto

import type { Long } from '@grpc/proto-loader';

export interface UseWebauthnDeviceRequest {
  'user_pk'?: (string);
  'device_pk'?: (string);
  /**
   * The counter the verified assertion carried.
   */
  'sign_count'?: (number | string | Long);
}

export interface UseWebauthnDeviceRequest__Output {
  'user_pk': (string);
  'device_pk': (string);
  /**
   * The counter the verified assertion carried.
   */
  'sign_count': (string);
}
