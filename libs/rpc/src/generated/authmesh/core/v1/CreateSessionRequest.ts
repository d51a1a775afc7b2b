// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/identity.proto

import type { Long } from '@grpc/proto-loader';

export interface CreateSessionRequest {
  /**
   * Integer primary key of the user as a decimal string.
   */
  'user_pk'?: (string);
  'client_ip'?: (string);
  'user_agent'?: (string);
  /**
   * Lifetime in seconds; 0 means a browser session (the cookie ends with the browser,
   * the server forgets it after a day of no use).
   */
  'expires_in_seconds'?: (number | string | Long);
  /**
   * End every other session of this user.
   */
  'terminate_others'?: (boolean);
}

export interface CreateSessionRequest__Output {
  /**
   * Integer primary key of the user as a decimal string.
   */
  'user_pk': (string);
  'client_ip': (string);
  'user_agent': (string);
  /**
   * Lifetime in seconds; 0 means a browser session (the cookie ends with the browser,
   * the server forgets it after a day of no use).
   */
  'expires_in_seconds': (string);
  /**
   * End every other session of this user.
   */
  'terminate_others': (boolean);
}
