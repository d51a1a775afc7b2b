// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/identity.proto

import type { Long } from '@grpc/proto-loader';

export interface GrantConsentRequest {
  'user_pk'?: (string);
  'application_slug'?: (string);
  'permissions'?: (string)[];
  /**
   * 0: the consent never expires.
   */
  'expires_in_seconds'?: (number | string | Long);
}

export interface GrantConsentRequest__Output {
  'user_pk': (string);
  'application_slug': (string);
  'permissions': (string)[];
  /**
   * 0: the consent never expires.
   */
  'expires_in_seconds': (string);
}
