// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/flows/v1/flows.proto


export interface AuthenticateResponse {
  'authenticated'?: (boolean);
  /**
   * The user logged in (integer primary key as a string), when authenticated.
   */
  'user_pk'?: (string);
  /**
   * Why not, for logs; the same for an unknown user and a wrong password.
   */
  'message'?: (string);
}

export interface AuthenticateResponse__Output {
  'authenticated': (boolean);
  /**
   * The user logged in (integer primary key as a string), when authenticated.
   */
  'user_pk': (string);
  /**
   * Why not, for logs; the same for an unknown user and a wrong password.
   */
  'message': (string);
}
