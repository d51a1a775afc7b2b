// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { FlowConfigServiceClient as _authmesh_core_v1_FlowConfigServiceClient, FlowConfigServiceDefinition as _authmesh_core_v1_FlowConfigServiceDefinition } from './authmesh/core/v1/FlowConfigService.js';
import type { FlowDefinition as _authmesh_core_v1_FlowDefinition, FlowDefinition__Output as _authmesh_core_v1_FlowDefinition__Output } from './authmesh/core/v1/FlowDefinition.js';
import type { FlowStageBinding as _authmesh_core_v1_FlowStageBinding, FlowStageBinding__Output as _authmesh_core_v1_FlowStageBinding__Output } from './authmesh/core/v1/FlowStageBinding.js';
import type { GetDefaultFlowRequest as _authmesh_core_v1_GetDefaultFlowRequest, GetDefaultFlowRequest__Output as _authmesh_core_v1_GetDefaultFlowRequest__Output } from './authmesh/core/v1/GetDefaultFlowRequest.js';
import type { GetDefaultFlowResponse as _authmesh_core_v1_GetDefaultFlowResponse, GetDefaultFlowResponse__Output as _authmesh_core_v1_GetDefaultFlowResponse__Output } from './authmesh/core/v1/GetDefaultFlowResponse.js';
import type { GetFlowRequest as _authmesh_core_v1_GetFlowRequest, GetFlowRequest__Output as _authmesh_core_v1_GetFlowRequest__Output } from './authmesh/core/v1/GetFlowRequest.js';
import type { GetStageRequest as _authmesh_core_v1_GetStageRequest, GetStageRequest__Output as _authmesh_core_v1_GetStageRequest__Output } from './authmesh/core/v1/GetStageRequest.js';
import type { ListPolicyBindingsRequest as _authmesh_core_v1_ListPolicyBindingsRequest, ListPolicyBindingsRequest__Output as _authmesh_core_v1_ListPolicyBindingsRequest__Output } from './authmesh/core/v1/ListPolicyBindingsRequest.js';
import type { ListPolicyBindingsResponse as _authmesh_core_v1_ListPolicyBindingsResponse, ListPolicyBindingsResponse__Output as _authmesh_core_v1_ListPolicyBindingsResponse__Output } from './authmesh/core/v1/ListPolicyBindingsResponse.js';
import type { PolicyBinding as _authmesh_core_v1_PolicyBinding, PolicyBinding__Output as _authmesh_core_v1_PolicyBinding__Output } from './authmesh/core/v1/PolicyBinding.js';
import type { PolicyDefinition as _authmesh_core_v1_PolicyDefinition, PolicyDefinition__Output as _authmesh_core_v1_PolicyDefinition__Output } from './authmesh/core/v1/PolicyDefinition.js';
import type { StageDefinition as _authmesh_core_v1_StageDefinition, StageDefinition__Output as _authmesh_core_v1_StageDefinition__Output } from './authmesh/core/v1/StageDefinition.js';
import type { UseInvitationRequest as _authmesh_core_v1_UseInvitationRequest, UseInvitationRequest__Output as _authmesh_core_v1_UseInvitationRequest__Output } from './authmesh/core/v1/UseInvitationRequest.js';
import type { UseInvitationResponse as _authmesh_core_v1_UseInvitationResponse, UseInvitationResponse__Output as _authmesh_core_v1_UseInvitationResponse__Output } from './authmesh/core/v1/UseInvitationResponse.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  authmesh: {
    core: {
      v1: {
        FlowConfigService: SubtypeConstructor<typeof grpc.Client, _authmesh_core_v1_FlowConfigServiceClient> & { service: _authmesh_core_v1_FlowConfigServiceDefinition }
        FlowDefinition: MessageTypeDefinition<_authmesh_core_v1_FlowDefinition, _authmesh_core_v1_FlowDefinition__Output>
        FlowStageBinding: MessageTypeDefinition<_authmesh_core_v1_FlowStageBinding, _authmesh_core_v1_FlowStageBinding__Output>
        GetDefaultFlowRequest: MessageTypeDefinition<_authmesh_core_v1_GetDefaultFlowRequest, _authmesh_core_v1_GetDefaultFlowRequest__Output>
        GetDefaultFlowResponse: MessageTypeDefinition<_authmesh_core_v1_GetDefaultFlowResponse, _authmesh_core_v1_GetDefaultFlowResponse__Output>
        GetFlowRequest: MessageTypeDefinition<_authmesh_core_v1_GetFlowRequest, _authmesh_core_v1_GetFlowRequest__Output>
        GetStageRequest: MessageTypeDefinition<_authmesh_core_v1_GetStageRequest, _authmesh_core_v1_GetStageRequest__Output>
        ListPolicyBindingsRequest: MessageTypeDefinition<_authmesh_core_v1_ListPolicyBindingsRequest, _authmesh_core_v1_ListPolicyBindingsRequest__Output>
        ListPolicyBindingsResponse: MessageTypeDefinition<_authmesh_core_v1_ListPolicyBindingsResponse, _authmesh_core_v1_ListPolicyBindingsResponse__Output>
        PolicyBinding: MessageTypeDefinition<_authmesh_core_v1_PolicyBinding, _authmesh_core_v1_PolicyBinding__Output>
        PolicyDefinition: MessageTypeDefinition<_authmesh_core_v1_PolicyDefinition, _authmesh_core_v1_PolicyDefinition__Output>
        StageDefinition: MessageTypeDefinition<_authmesh_core_v1_StageDefinition, _authmesh_core_v1_StageDefinition__Output>
        UseInvitationRequest: MessageTypeDefinition<_authmesh_core_v1_UseInvitationRequest, _authmesh_core_v1_UseInvitationRequest__Output>
        UseInvitationResponse: MessageTypeDefinition<_authmesh_core_v1_UseInvitationResponse, _authmesh_core_v1_UseInvitationResponse__Output>
      }
    }
  }
}

