// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/oauth2_config.proto


/**
 * An OAuth source an OAuth2 provider trusts: JWTs signed by a key in its set authenticate
 * clients (client_credentials with a jwt-bearer client_assertion).
 */
export interface TrustedJwksSource {
  /**
   * The source's UUID.
   */
  'pk'?: (string);
  'slug'?: (string);
  'name'?: (string);
  /**
   * The source's JSON Web Key Set (public keys only), as core holds it: given inline or
   * fetched from the source's JWKS URL when the source was saved.
   */
  'jwks_json'?: (string);
  /**
   * The path of the service accounts created for the source's subjects.
   */
  'user_path'?: (string);
}

/**
 * An OAuth source an OAuth2 provider trusts: JWTs signed by a key in its set authenticate
 * clients (client_credentials with a jwt-bearer client_assertion).
 */
export interface TrustedJwksSource__Output {
  /**
   * The source's UUID.
   */
  'pk': (string);
  'slug': (string);
  'name': (string);
  /**
   * The source's JSON Web Key Set (public keys only), as core holds it: given inline or
   * fetched from the source's JWKS URL when the source was saved.
   */
  'jwks_json': (string);
  /**
   * The path of the service accounts created for the source's subjects.
   */
  'user_path': (string);
}
