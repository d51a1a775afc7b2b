// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { EvaluateScopesRequest as _authmesh_core_v1_EvaluateScopesRequest, EvaluateScopesRequest__Output as _authmesh_core_v1_EvaluateScopesRequest__Output } from './authmesh/core/v1/EvaluateScopesRequest.js';
import type { EvaluateScopesResponse as _authmesh_core_v1_EvaluateScopesResponse, EvaluateScopesResponse__Output as _authmesh_core_v1_EvaluateScopesResponse__Output } from './authmesh/core/v1/EvaluateScopesResponse.js';
import type { GetOAuth2ProviderRequest as _authmesh_core_v1_GetOAuth2ProviderRequest, GetOAuth2ProviderRequest__Output as _authmesh_core_v1_GetOAuth2ProviderRequest__Output } from './authmesh/core/v1/GetOAuth2ProviderRequest.js';
import type { OAuth2Application as _authmesh_core_v1_OAuth2Application, OAuth2Application__Output as _authmesh_core_v1_OAuth2Application__Output } from './authmesh/core/v1/OAuth2Application.js';
import type { OAuth2ConfigServiceClient as _authmesh_core_v1_OAuth2ConfigServiceClient, OAuth2ConfigServiceDefinition as _authmesh_core_v1_OAuth2ConfigServiceDefinition } from './authmesh/core/v1/OAuth2ConfigService.js';
import type { OAuth2Provider as _authmesh_core_v1_OAuth2Provider, OAuth2Provider__Output as _authmesh_core_v1_OAuth2Provider__Output } from './authmesh/core/v1/OAuth2Provider.js';
import type { RedirectUri as _authmesh_core_v1_RedirectUri, RedirectUri__Output as _authmesh_core_v1_RedirectUri__Output } from './authmesh/core/v1/RedirectUri.js';
import type { RetiredSigningKey as _authmesh_core_v1_RetiredSigningKey, RetiredSigningKey__Output as _authmesh_core_v1_RetiredSigningKey__Output } from './authmesh/core/v1/RetiredSigningKey.js';
import type { ScopeDescription as _authmesh_core_v1_ScopeDescription, ScopeDescription__Output as _authmesh_core_v1_ScopeDescription__Output } from './authmesh/core/v1/ScopeDescription.js';
import type { SigningKey as _authmesh_core_v1_SigningKey, SigningKey__Output as _authmesh_core_v1_SigningKey__Output } from './authmesh/core/v1/SigningKey.js';
import type { TrustedJwksSource as _authmesh_core_v1_TrustedJwksSource, TrustedJwksSource__Output as _authmesh_core_v1_TrustedJwksSource__Output } from './authmesh/core/v1/TrustedJwksSource.js';
import type { VerifyClientSecretRequest as _authmesh_core_v1_VerifyClientSecretRequest, VerifyClientSecretRequest__Output as _authmesh_core_v1_VerifyClientSecretRequest__Output } from './authmesh/core/v1/VerifyClientSecretRequest.js';
import type { VerifyClientSecretResponse as _authmesh_core_v1_VerifyClientSecretResponse, VerifyClientSecretResponse__Output as _authmesh_core_v1_VerifyClientSecretResponse__Output } from './authmesh/core/v1/VerifyClientSecretResponse.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  authmesh: {
    core: {
      v1: {
        EvaluateScopesRequest: MessageTypeDefinition<_authmesh_core_v1_EvaluateScopesRequest, _authmesh_core_v1_EvaluateScopesRequest__Output>
        EvaluateScopesResponse: MessageTypeDefinition<_authmesh_core_v1_EvaluateScopesResponse, _authmesh_core_v1_EvaluateScopesResponse__Output>
        GetOAuth2ProviderRequest: MessageTypeDefinition<_authmesh_core_v1_GetOAuth2ProviderRequest, _authmesh_core_v1_GetOAuth2ProviderRequest__Output>
        OAuth2Application: MessageTypeDefinition<_authmesh_core_v1_OAuth2Application, _authmesh_core_v1_OAuth2Application__Output>
        OAuth2ConfigService: SubtypeConstructor<typeof grpc.Client, _authmesh_core_v1_OAuth2ConfigServiceClient> & { service: _authmesh_core_v1_OAuth2ConfigServiceDefinition }
        OAuth2Provider: MessageTypeDefinition<_authmesh_core_v1_OAuth2Provider, _authmesh_core_v1_OAuth2Provider__Output>
        RedirectUri: MessageTypeDefinition<_authmesh_core_v1_RedirectUri, _authmesh_core_v1_RedirectUri__Output>
        RetiredSigningKey: MessageTypeDefinition<_authmesh_core_v1_RetiredSigningKey, _authmesh_core_v1_RetiredSigningKey__Output>
        ScopeDescription: MessageTypeDefinition<_authmesh_core_v1_ScopeDescription, _authmesh_core_v1_ScopeDescription__Output>
        SigningKey: MessageTypeDefinition<_authmesh_core_v1_SigningKey, _authmesh_core_v1_SigningKey__Output>
        TrustedJwksSource: MessageTypeDefinition<_authmesh_core_v1_TrustedJwksSource, _authmesh_core_v1_TrustedJwksSource__Output>
        VerifyClientSecretRequest: MessageTypeDefinition<_authmesh_core_v1_VerifyClientSecretRequest, _authmesh_core_v1_VerifyClientSecretRequest__Output>
        VerifyClientSecretResponse: MessageTypeDefinition<_authmesh_core_v1_VerifyClientSecretResponse, _authmesh_core_v1_VerifyClientSecretResponse__Output>
      }
    }
  }
}

