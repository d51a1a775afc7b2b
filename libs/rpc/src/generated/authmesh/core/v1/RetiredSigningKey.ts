// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/oauth2_config.proto

import type { Long } from '@grpc/proto-loader';

/**
 * A signing key the provider used before its current one. The runtime publishes it in the
 * JWKS and verifies with it, never signs, until `verify_until`.
 */
export interface RetiredSigningKey {
  /**
   * The certificate-key pair's UUID (the JWK `kid` it signed with).
   */
  'pk'?: (string);
  /**
   * PKCS#8 PEM, opened from its sealed form (oidc-provider's key store takes private keys only).
   */
  'private_key_pem'?: (string);
  /**
   * rsa or ec.
   */
  'key_type'?: (string);
  /**
   * When it was replaced, and until when it stays verifiable (Unix seconds).
   */
  'retired_at'?: (number | string | Long);
  'verify_until'?: (number | string | Long);
}

/**
 * A signing key the provider used before its current one. The runtime publishes it in the
 * JWKS and verifies with it, never signs, until `verify_until`.
 */
export interface RetiredSigningKey__Output {
  /**
   * The certificate-key pair's UUID (the JWK `kid` it signed with).
   */
  'pk': (string);
  /**
   * PKCS#8 PEM, opened from its sealed form (oidc-provider's key store takes private keys only).
   */
  'private_key_pem': (string);
  /**
   * rsa or ec.
   */
  'key_type': (string);
  /**
   * When it was replaced, and until when it stays verifiable (Unix seconds).
   */
  'retired_at': (string);
  'verify_until': (string);
}
