// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/identity.proto

import type { Long } from '@grpc/proto-loader';

export interface EnsureServiceAccountRequest {
  'username'?: (string);
  /**
   * Display name.
   */
  'name'?: (string);
  /**
   * Folder-like path of the user.
   */
  'path'?: (string);
  /**
   * Unix time recorded as the user's goauthentik.io/user/expires attribute when the account
   * is created; 0 for none.
   */
  'expires'?: (number | string | Long);
  /**
   * Recorded with the change.
   */
  'client_ip'?: (string);
}

export interface EnsureServiceAccountRequest__Output {
  'username': (string);
  /**
   * Display name.
   */
  'name': (string);
  /**
   * Folder-like path of the user.
   */
  'path': (string);
  /**
   * Unix time recorded as the user's goauthentik.io/user/expires attribute when the account
   * is created; 0 for none.
   */
  'expires': (string);
  /**
   * Recorded with the change.
   */
  'client_ip': (string);
}
