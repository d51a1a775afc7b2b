// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/flows/v1/flows.proto


export interface AuthenticateRequest {
  'flow_slug'?: (string);
  'username'?: (string);
  'password'?: (string);
  'client_ip'?: (string);
  /**
   * Who asks, e.g. "ldap" or "radius"; recorded with the login event.
   */
  'protocol'?: (string);
  /**
   * Code-based MFA: a password ending in ";" and 6 to 8 digits is split, and the digits
   * answer the second-factor stage. Only when the provider enables it, since a real
   * password may end that way.
   */
  'code_based_mfa'?: (boolean);
}

export interface AuthenticateRequest__Output {
  'flow_slug': (string);
  'username': (string);
  'password': (string);
  'client_ip': (string);
  /**
   * Who asks, e.g. "ldap" or "radius"; recorded with the login event.
   */
  'protocol': (string);
  /**
   * Code-based MFA: a password ending in ";" and 6 to 8 digits is split, and the digits
   * answer the second-factor stage. Only when the provider enables it, since a real
   * password may end that way.
   */
  'code_based_mfa': (boolean);
}
