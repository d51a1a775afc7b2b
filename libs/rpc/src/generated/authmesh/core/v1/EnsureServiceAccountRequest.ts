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
  /**
   * Who generates the account, e.g. "oauth2-provider:<uuid>"; recorded on the account when
   * it is created. An existing generated account recorded for another owner is refused
   * (PERMISSION_DENIED), so two providers whose generated names coincide never share one.
   */
  'owner'?: (string);
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
  /**
   * Who generates the account, e.g. "oauth2-provider:<uuid>"; recorded on the account when
   * it is created. An existing generated account recorded for another owner is refused
   * (PERMISSION_DENIED), so two providers whose generated names coincide never share one.
   */
  'owner': (string);
}
