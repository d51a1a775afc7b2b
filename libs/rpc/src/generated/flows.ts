// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { AuthenticateRequest as _authmesh_flows_v1_AuthenticateRequest, AuthenticateRequest__Output as _authmesh_flows_v1_AuthenticateRequest__Output } from './authmesh/flows/v1/AuthenticateRequest.js';
import type { AuthenticateResponse as _authmesh_flows_v1_AuthenticateResponse, AuthenticateResponse__Output as _authmesh_flows_v1_AuthenticateResponse__Output } from './authmesh/flows/v1/AuthenticateResponse.js';
import type { CacheInfo as _authmesh_flows_v1_CacheInfo, CacheInfo__Output as _authmesh_flows_v1_CacheInfo__Output } from './authmesh/flows/v1/CacheInfo.js';
import type { CheckApplicationAccessRequest as _authmesh_flows_v1_CheckApplicationAccessRequest, CheckApplicationAccessRequest__Output as _authmesh_flows_v1_CheckApplicationAccessRequest__Output } from './authmesh/flows/v1/CheckApplicationAccessRequest.js';
import type { CheckApplicationAccessResponse as _authmesh_flows_v1_CheckApplicationAccessResponse, CheckApplicationAccessResponse__Output as _authmesh_flows_v1_CheckApplicationAccessResponse__Output } from './authmesh/flows/v1/CheckApplicationAccessResponse.js';
import type { ClearCacheRequest as _authmesh_flows_v1_ClearCacheRequest, ClearCacheRequest__Output as _authmesh_flows_v1_ClearCacheRequest__Output } from './authmesh/flows/v1/ClearCacheRequest.js';
import type { CreateRecoveryLinkRequest as _authmesh_flows_v1_CreateRecoveryLinkRequest, CreateRecoveryLinkRequest__Output as _authmesh_flows_v1_CreateRecoveryLinkRequest__Output } from './authmesh/flows/v1/CreateRecoveryLinkRequest.js';
import type { CreateRecoveryLinkResponse as _authmesh_flows_v1_CreateRecoveryLinkResponse, CreateRecoveryLinkResponse__Output as _authmesh_flows_v1_CreateRecoveryLinkResponse__Output } from './authmesh/flows/v1/CreateRecoveryLinkResponse.js';
import type { EvaluateBindingsRequest as _authmesh_flows_v1_EvaluateBindingsRequest, EvaluateBindingsRequest__Output as _authmesh_flows_v1_EvaluateBindingsRequest__Output } from './authmesh/flows/v1/EvaluateBindingsRequest.js';
import type { EvaluateBindingsResponse as _authmesh_flows_v1_EvaluateBindingsResponse, EvaluateBindingsResponse__Output as _authmesh_flows_v1_EvaluateBindingsResponse__Output } from './authmesh/flows/v1/EvaluateBindingsResponse.js';
import type { FlowServiceClient as _authmesh_flows_v1_FlowServiceClient, FlowServiceDefinition as _authmesh_flows_v1_FlowServiceDefinition } from './authmesh/flows/v1/FlowService.js';
import type { FlowStatus as _authmesh_flows_v1_FlowStatus, FlowStatus__Output as _authmesh_flows_v1_FlowStatus__Output } from './authmesh/flows/v1/FlowStatus.js';
import type { GetCacheInfoRequest as _authmesh_flows_v1_GetCacheInfoRequest, GetCacheInfoRequest__Output as _authmesh_flows_v1_GetCacheInfoRequest__Output } from './authmesh/flows/v1/GetCacheInfoRequest.js';
import type { GetStatusRequest as _authmesh_flows_v1_GetStatusRequest, GetStatusRequest__Output as _authmesh_flows_v1_GetStatusRequest__Output } from './authmesh/flows/v1/GetStatusRequest.js';
import type { PreparePlanRequest as _authmesh_flows_v1_PreparePlanRequest, PreparePlanRequest__Output as _authmesh_flows_v1_PreparePlanRequest__Output } from './authmesh/flows/v1/PreparePlanRequest.js';
import type { PreparePlanResponse as _authmesh_flows_v1_PreparePlanResponse, PreparePlanResponse__Output as _authmesh_flows_v1_PreparePlanResponse__Output } from './authmesh/flows/v1/PreparePlanResponse.js';
import type { TestPolicyRequest as _authmesh_flows_v1_TestPolicyRequest, TestPolicyRequest__Output as _authmesh_flows_v1_TestPolicyRequest__Output } from './authmesh/flows/v1/TestPolicyRequest.js';
import type { TestPolicyResponse as _authmesh_flows_v1_TestPolicyResponse, TestPolicyResponse__Output as _authmesh_flows_v1_TestPolicyResponse__Output } from './authmesh/flows/v1/TestPolicyResponse.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  authmesh: {
    flows: {
      v1: {
        AuthenticateRequest: MessageTypeDefinition<_authmesh_flows_v1_AuthenticateRequest, _authmesh_flows_v1_AuthenticateRequest__Output>
        AuthenticateResponse: MessageTypeDefinition<_authmesh_flows_v1_AuthenticateResponse, _authmesh_flows_v1_AuthenticateResponse__Output>
        CacheInfo: MessageTypeDefinition<_authmesh_flows_v1_CacheInfo, _authmesh_flows_v1_CacheInfo__Output>
        CheckApplicationAccessRequest: MessageTypeDefinition<_authmesh_flows_v1_CheckApplicationAccessRequest, _authmesh_flows_v1_CheckApplicationAccessRequest__Output>
        CheckApplicationAccessResponse: MessageTypeDefinition<_authmesh_flows_v1_CheckApplicationAccessResponse, _authmesh_flows_v1_CheckApplicationAccessResponse__Output>
        ClearCacheRequest: MessageTypeDefinition<_authmesh_flows_v1_ClearCacheRequest, _authmesh_flows_v1_ClearCacheRequest__Output>
        CreateRecoveryLinkRequest: MessageTypeDefinition<_authmesh_flows_v1_CreateRecoveryLinkRequest, _authmesh_flows_v1_CreateRecoveryLinkRequest__Output>
        CreateRecoveryLinkResponse: MessageTypeDefinition<_authmesh_flows_v1_CreateRecoveryLinkResponse, _authmesh_flows_v1_CreateRecoveryLinkResponse__Output>
        EvaluateBindingsRequest: MessageTypeDefinition<_authmesh_flows_v1_EvaluateBindingsRequest, _authmesh_flows_v1_EvaluateBindingsRequest__Output>
        EvaluateBindingsResponse: MessageTypeDefinition<_authmesh_flows_v1_EvaluateBindingsResponse, _authmesh_flows_v1_EvaluateBindingsResponse__Output>
        FlowService: SubtypeConstructor<typeof grpc.Client, _authmesh_flows_v1_FlowServiceClient> & { service: _authmesh_flows_v1_FlowServiceDefinition }
        FlowStatus: MessageTypeDefinition<_authmesh_flows_v1_FlowStatus, _authmesh_flows_v1_FlowStatus__Output>
        GetCacheInfoRequest: MessageTypeDefinition<_authmesh_flows_v1_GetCacheInfoRequest, _authmesh_flows_v1_GetCacheInfoRequest__Output>
        GetStatusRequest: MessageTypeDefinition<_authmesh_flows_v1_GetStatusRequest, _authmesh_flows_v1_GetStatusRequest__Output>
        PreparePlanRequest: MessageTypeDefinition<_authmesh_flows_v1_PreparePlanRequest, _authmesh_flows_v1_PreparePlanRequest__Output>
        PreparePlanResponse: MessageTypeDefinition<_authmesh_flows_v1_PreparePlanResponse, _authmesh_flows_v1_PreparePlanResponse__Output>
        TestPolicyRequest: MessageTypeDefinition<_authmesh_flows_v1_TestPolicyRequest, _authmesh_flows_v1_TestPolicyRequest__Output>
        TestPolicyResponse: MessageTypeDefinition<_authmesh_flows_v1_TestPolicyResponse, _authmesh_flows_v1_TestPolicyResponse__Output>
      }
    }
  }
}

