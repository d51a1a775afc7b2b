// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/oauth2_config.proto

import type { RedirectUri as _authmesh_core_v1_RedirectUri, RedirectUri__Output as _authmesh_core_v1_RedirectUri__Output } from '../../../authmesh/core/v1/RedirectUri.js';
import type { SigningKey as _authmesh_core_v1_SigningKey, SigningKey__Output as _authmesh_core_v1_SigningKey__Output } from '../../../authmesh/core/v1/SigningKey.js';
import type { ScopeDescription as _authmesh_core_v1_ScopeDescription, ScopeDescription__Output as _authmesh_core_v1_ScopeDescription__Output } from '../../../authmesh/core/v1/ScopeDescription.js';
import type { OAuth2Application as _authmesh_core_v1_OAuth2Application, OAuth2Application__Output as _authmesh_core_v1_OAuth2Application__Output } from '../../../authmesh/core/v1/OAuth2Application.js';
import type { RetiredSigningKey as _authmesh_core_v1_RetiredSigningKey, RetiredSigningKey__Output as _authmesh_core_v1_RetiredSigningKey__Output } from '../../../authmesh/core/v1/RetiredSigningKey.js';
import type { TrustedJwksSource as _authmesh_core_v1_TrustedJwksSource, TrustedJwksSource__Output as _authmesh_core_v1_TrustedJwksSource__Output } from '../../../authmesh/core/v1/TrustedJwksSource.js';
import type { Long } from '@grpc/proto-loader';

export interface OAuth2Provider {
  'pk'?: (number);
  'name'?: (string);
  /**
   * confidential or public.
   */
  'client_type'?: (string);
  'client_id'?: (string);
  /**
   * The opened secret: the runtime authenticates clients and keys HS256 tokens with it.
   */
  'client_secret'?: (string);
  'redirect_uris'?: (_authmesh_core_v1_RedirectUri)[];
  /**
   * Slugs; empty when not set.
   */
  'authorization_flow_slug'?: (string);
  'authentication_flow_slug'?: (string);
  'access_code_validity_seconds'?: (number | string | Long);
  'access_token_validity_seconds'?: (number | string | Long);
  'refresh_token_validity_seconds'?: (number | string | Long);
  'include_claims_in_id_token'?: (boolean);
  /**
   * hashed_user_id, user_id, user_uuid, user_username, user_email or user_upn.
   */
  'sub_mode'?: (string);
  /**
   * global or per_provider.
   */
  'issuer_mode'?: (string);
  /**
   * Unset: tokens are signed HS256 with the client secret.
   */
  'signing_key'?: (_authmesh_core_v1_SigningKey | null);
  /**
   * The scopes the provider's mappings answer.
   */
  'scopes'?: (_authmesh_core_v1_ScopeDescription)[];
  /**
   * Unset when the provider is not assigned to an application.
   */
  'application'?: (_authmesh_core_v1_OAuth2Application | null);
  /**
   * Replaced signing keys still within their retirement period, newest first.
   */
  'retired_signing_keys'?: (_authmesh_core_v1_RetiredSigningKey)[];
  /**
   * OpenID Connect back-channel logout: where the relying party takes logout tokens; empty: none.
   */
  'backchannel_logout_uri'?: (string);
  /**
   * The OAuth sources whose keys may sign client assertions (JWTs) for machine-to-machine
   * tokens (numbered apart from the fields above, which other changes extend).
   */
  'jwks_sources'?: (_authmesh_core_v1_TrustedJwksSource)[];
}

export interface OAuth2Provider__Output {
  'pk': (number);
  'name': (string);
  /**
   * confidential or public.
   */
  'client_type': (string);
  'client_id': (string);
  /**
   * The opened secret: the runtime authenticates clients and keys HS256 tokens with it.
   */
  'client_secret': (string);
  'redirect_uris': (_authmesh_core_v1_RedirectUri__Output)[];
  /**
   * Slugs; empty when not set.
   */
  'authorization_flow_slug': (string);
  'authentication_flow_slug': (string);
  'access_code_validity_seconds': (string);
  'access_token_validity_seconds': (string);
  'refresh_token_validity_seconds': (string);
  'include_claims_in_id_token': (boolean);
  /**
   * hashed_user_id, user_id, user_uuid, user_username, user_email or user_upn.
   */
  'sub_mode': (string);
  /**
   * global or per_provider.
   */
  'issuer_mode': (string);
  /**
   * Unset: tokens are signed HS256 with the client secret.
   */
  'signing_key': (_authmesh_core_v1_SigningKey__Output | null);
  /**
   * The scopes the provider's mappings answer.
   */
  'scopes': (_authmesh_core_v1_ScopeDescription__Output)[];
  /**
   * Unset when the provider is not assigned to an application.
   */
  'application': (_authmesh_core_v1_OAuth2Application__Output | null);
  /**
   * Replaced signing keys still within their retirement period, newest first.
   */
  'retired_signing_keys': (_authmesh_core_v1_RetiredSigningKey__Output)[];
  /**
   * OpenID Connect back-channel logout: where the relying party takes logout tokens; empty: none.
   */
  'backchannel_logout_uri': (string);
  /**
   * The OAuth sources whose keys may sign client assertions (JWTs) for machine-to-machine
   * tokens (numbered apart from the fields above, which other changes extend).
   */
  'jwks_sources': (_authmesh_core_v1_TrustedJwksSource__Output)[];
}
