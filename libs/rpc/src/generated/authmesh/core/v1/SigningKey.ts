// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/oauth2_config.proto


export interface SigningKey {
  /**
   * The certificate-key pair's UUID; stable, used as the JWK `kid`.
   */
  'pk'?: (string);
  'certificate_pem'?: (string);
  /**
   * PKCS#8 PEM, opened from its sealed form; only the runtime ever receives it.
   */
  'private_key_pem'?: (string);
  /**
   * rsa or ec.
   */
  'key_type'?: (string);
}

export interface SigningKey__Output {
  /**
   * The certificate-key pair's UUID; stable, used as the JWK `kid`.
   */
  'pk': (string);
  'certificate_pem': (string);
  /**
   * PKCS#8 PEM, opened from its sealed form; only the runtime ever receives it.
   */
  'private_key_pem': (string);
  /**
   * rsa or ec.
   */
  'key_type': (string);
}
