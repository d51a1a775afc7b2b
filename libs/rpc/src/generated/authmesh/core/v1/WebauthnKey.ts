// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/identity.proto

import type { Long } from '@grpc/proto-loader';

export interface WebauthnKey {
  /**
   * base64url credential id.
   */
  'credential_id'?: (string);
  /**
   * base64url COSE public key.
   */
  'public_key'?: (string);
  /**
   * The last signature counter seen.
   */
  'sign_count'?: (number | string | Long);
  'transports'?: (string)[];
}

export interface WebauthnKey__Output {
  /**
   * base64url credential id.
   */
  'credential_id': (string);
  /**
   * base64url COSE public key.
   */
  'public_key': (string);
  /**
   * The last signature counter seen.
   */
  'sign_count': (string);
  'transports': (string)[];
}
