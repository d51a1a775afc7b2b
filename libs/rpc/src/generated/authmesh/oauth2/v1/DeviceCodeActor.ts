// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/oauth2/v1/device.proto


/**
 * Who settles a code: a user, through a login session, from a request.
 */
export interface DeviceCodeActor {
  /**
   * Integer primary key of the user, as a string.
   */
  'user_pk'?: (string);
  /**
   * The authmesh login session key of the browser (checked with core).
   */
  'session_key'?: (string);
  'client_ip'?: (string);
  'user_agent'?: (string);
  /**
   * The request's host, for policies and the issuer's public origin.
   */
  'host'?: (string);
  /**
   * Whether the browser reached authmesh over HTTPS.
   */
  'secure'?: (boolean);
}

/**
 * Who settles a code: a user, through a login session, from a request.
 */
export interface DeviceCodeActor__Output {
  /**
   * Integer primary key of the user, as a string.
   */
  'user_pk': (string);
  /**
   * The authmesh login session key of the browser (checked with core).
   */
  'session_key': (string);
  'client_ip': (string);
  'user_agent': (string);
  /**
   * The request's host, for policies and the issuer's public origin.
   */
  'host': (string);
  /**
   * Whether the browser reached authmesh over HTTPS.
   */
  'secure': (boolean);
}
