// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/oauth2_config.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { EvaluateScopesRequest as _authmesh_core_v1_EvaluateScopesRequest, EvaluateScopesRequest__Output as _authmesh_core_v1_EvaluateScopesRequest__Output } from '../../../authmesh/core/v1/EvaluateScopesRequest.js';
import type { EvaluateScopesResponse as _authmesh_core_v1_EvaluateScopesResponse, EvaluateScopesResponse__Output as _authmesh_core_v1_EvaluateScopesResponse__Output } from '../../../authmesh/core/v1/EvaluateScopesResponse.js';
import type { GetOAuth2ProviderRequest as _authmesh_core_v1_GetOAuth2ProviderRequest, GetOAuth2ProviderRequest__Output as _authmesh_core_v1_GetOAuth2ProviderRequest__Output } from '../../../authmesh/core/v1/GetOAuth2ProviderRequest.js';
import type { OAuth2Provider as _authmesh_core_v1_OAuth2Provider, OAuth2Provider__Output as _authmesh_core_v1_OAuth2Provider__Output } from '../../../authmesh/core/v1/OAuth2Provider.js';
import type { VerifyClientSecretRequest as _authmesh_core_v1_VerifyClientSecretRequest, VerifyClientSecretRequest__Output as _authmesh_core_v1_VerifyClientSecretRequest__Output } from '../../../authmesh/core/v1/VerifyClientSecretRequest.js';
import type { VerifyClientSecretResponse as _authmesh_core_v1_VerifyClientSecretResponse, VerifyClientSecretResponse__Output as _authmesh_core_v1_VerifyClientSecretResponse__Output } from '../../../authmesh/core/v1/VerifyClientSecretResponse.js';

export interface OAuth2ConfigServiceClient extends grpc.Client {
  /**
   * Runs the provider's scope mappings named by `scopes` for a user and merges their
   * claims. Scopes the provider has no mapping for are left out of `granted_scopes`.
   */
  EvaluateScopes(argument: _authmesh_core_v1_EvaluateScopesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_EvaluateScopesResponse__Output>): grpc.ClientUnaryCall;
  EvaluateScopes(argument: _authmesh_core_v1_EvaluateScopesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_EvaluateScopesResponse__Output>): grpc.ClientUnaryCall;
  EvaluateScopes(argument: _authmesh_core_v1_EvaluateScopesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_EvaluateScopesResponse__Output>): grpc.ClientUnaryCall;
  EvaluateScopes(argument: _authmesh_core_v1_EvaluateScopesRequest, callback: grpc.requestCallback<_authmesh_core_v1_EvaluateScopesResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Runs the provider's scope mappings named by `scopes` for a user and merges their
   * claims. Scopes the provider has no mapping for are left out of `granted_scopes`.
   */
  evaluateScopes(argument: _authmesh_core_v1_EvaluateScopesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_EvaluateScopesResponse__Output>): grpc.ClientUnaryCall;
  evaluateScopes(argument: _authmesh_core_v1_EvaluateScopesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_EvaluateScopesResponse__Output>): grpc.ClientUnaryCall;
  evaluateScopes(argument: _authmesh_core_v1_EvaluateScopesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_EvaluateScopesResponse__Output>): grpc.ClientUnaryCall;
  evaluateScopes(argument: _authmesh_core_v1_EvaluateScopesRequest, callback: grpc.requestCallback<_authmesh_core_v1_EvaluateScopesResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * One provider by client id, by the slug of the application it serves, or by pk;
   * NOT_FOUND when there is none (or the application has no OAuth2 provider).
   */
  GetOAuth2Provider(argument: _authmesh_core_v1_GetOAuth2ProviderRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_OAuth2Provider__Output>): grpc.ClientUnaryCall;
  GetOAuth2Provider(argument: _authmesh_core_v1_GetOAuth2ProviderRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_OAuth2Provider__Output>): grpc.ClientUnaryCall;
  GetOAuth2Provider(argument: _authmesh_core_v1_GetOAuth2ProviderRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_OAuth2Provider__Output>): grpc.ClientUnaryCall;
  GetOAuth2Provider(argument: _authmesh_core_v1_GetOAuth2ProviderRequest, callback: grpc.requestCallback<_authmesh_core_v1_OAuth2Provider__Output>): grpc.ClientUnaryCall;
  /**
   * One provider by client id, by the slug of the application it serves, or by pk;
   * NOT_FOUND when there is none (or the application has no OAuth2 provider).
   */
  getOAuth2Provider(argument: _authmesh_core_v1_GetOAuth2ProviderRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_OAuth2Provider__Output>): grpc.ClientUnaryCall;
  getOAuth2Provider(argument: _authmesh_core_v1_GetOAuth2ProviderRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_OAuth2Provider__Output>): grpc.ClientUnaryCall;
  getOAuth2Provider(argument: _authmesh_core_v1_GetOAuth2ProviderRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_OAuth2Provider__Output>): grpc.ClientUnaryCall;
  getOAuth2Provider(argument: _authmesh_core_v1_GetOAuth2ProviderRequest, callback: grpc.requestCallback<_authmesh_core_v1_OAuth2Provider__Output>): grpc.ClientUnaryCall;
  
  /**
   * Checks a client secret in constant time; valid=false for unknown clients too.
   */
  VerifyClientSecret(argument: _authmesh_core_v1_VerifyClientSecretRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_VerifyClientSecretResponse__Output>): grpc.ClientUnaryCall;
  VerifyClientSecret(argument: _authmesh_core_v1_VerifyClientSecretRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_VerifyClientSecretResponse__Output>): grpc.ClientUnaryCall;
  VerifyClientSecret(argument: _authmesh_core_v1_VerifyClientSecretRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_VerifyClientSecretResponse__Output>): grpc.ClientUnaryCall;
  VerifyClientSecret(argument: _authmesh_core_v1_VerifyClientSecretRequest, callback: grpc.requestCallback<_authmesh_core_v1_VerifyClientSecretResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Checks a client secret in constant time; valid=false for unknown clients too.
   */
  verifyClientSecret(argument: _authmesh_core_v1_VerifyClientSecretRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_VerifyClientSecretResponse__Output>): grpc.ClientUnaryCall;
  verifyClientSecret(argument: _authmesh_core_v1_VerifyClientSecretRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_VerifyClientSecretResponse__Output>): grpc.ClientUnaryCall;
  verifyClientSecret(argument: _authmesh_core_v1_VerifyClientSecretRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_VerifyClientSecretResponse__Output>): grpc.ClientUnaryCall;
  verifyClientSecret(argument: _authmesh_core_v1_VerifyClientSecretRequest, callback: grpc.requestCallback<_authmesh_core_v1_VerifyClientSecretResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface OAuth2ConfigServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Runs the provider's scope mappings named by `scopes` for a user and merges their
   * claims. Scopes the provider has no mapping for are left out of `granted_scopes`.
   */
  EvaluateScopes: grpc.handleUnaryCall<_authmesh_core_v1_EvaluateScopesRequest__Output, _authmesh_core_v1_EvaluateScopesResponse>;
  
  /**
   * One provider by client id, by the slug of the application it serves, or by pk;
   * NOT_FOUND when there is none (or the application has no OAuth2 provider).
   */
  GetOAuth2Provider: grpc.handleUnaryCall<_authmesh_core_v1_GetOAuth2ProviderRequest__Output, _authmesh_core_v1_OAuth2Provider>;
  
  /**
   * Checks a client secret in constant time; valid=false for unknown clients too.
   */
  VerifyClientSecret: grpc.handleUnaryCall<_authmesh_core_v1_VerifyClientSecretRequest__Output, _authmesh_core_v1_VerifyClientSecretResponse>;
  
}

export interface OAuth2ConfigServiceDefinition extends grpc.ServiceDefinition {
  EvaluateScopes: MethodDefinition<_authmesh_core_v1_EvaluateScopesRequest, _authmesh_core_v1_EvaluateScopesResponse, _authmesh_core_v1_EvaluateScopesRequest__Output, _authmesh_core_v1_EvaluateScopesResponse__Output>
  GetOAuth2Provider: MethodDefinition<_authmesh_core_v1_GetOAuth2ProviderRequest, _authmesh_core_v1_OAuth2Provider, _authmesh_core_v1_GetOAuth2ProviderRequest__Output, _authmesh_core_v1_OAuth2Provider__Output>
  VerifyClientSecret: MethodDefinition<_authmesh_core_v1_VerifyClientSecretRequest, _authmesh_core_v1_VerifyClientSecretResponse, _authmesh_core_v1_VerifyClientSecretRequest__Output, _authmesh_core_v1_VerifyClientSecretResponse__Output>
}
