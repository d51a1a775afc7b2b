// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/flow_config.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { FlowDefinition as _authmesh_core_v1_FlowDefinition, FlowDefinition__Output as _authmesh_core_v1_FlowDefinition__Output } from '../../../authmesh/core/v1/FlowDefinition.js';
import type { GetDefaultFlowRequest as _authmesh_core_v1_GetDefaultFlowRequest, GetDefaultFlowRequest__Output as _authmesh_core_v1_GetDefaultFlowRequest__Output } from '../../../authmesh/core/v1/GetDefaultFlowRequest.js';
import type { GetDefaultFlowResponse as _authmesh_core_v1_GetDefaultFlowResponse, GetDefaultFlowResponse__Output as _authmesh_core_v1_GetDefaultFlowResponse__Output } from '../../../authmesh/core/v1/GetDefaultFlowResponse.js';
import type { GetFlowRequest as _authmesh_core_v1_GetFlowRequest, GetFlowRequest__Output as _authmesh_core_v1_GetFlowRequest__Output } from '../../../authmesh/core/v1/GetFlowRequest.js';
import type { GetStageRequest as _authmesh_core_v1_GetStageRequest, GetStageRequest__Output as _authmesh_core_v1_GetStageRequest__Output } from '../../../authmesh/core/v1/GetStageRequest.js';
import type { ListPolicyBindingsRequest as _authmesh_core_v1_ListPolicyBindingsRequest, ListPolicyBindingsRequest__Output as _authmesh_core_v1_ListPolicyBindingsRequest__Output } from '../../../authmesh/core/v1/ListPolicyBindingsRequest.js';
import type { ListPolicyBindingsResponse as _authmesh_core_v1_ListPolicyBindingsResponse, ListPolicyBindingsResponse__Output as _authmesh_core_v1_ListPolicyBindingsResponse__Output } from '../../../authmesh/core/v1/ListPolicyBindingsResponse.js';
import type { StageDefinition as _authmesh_core_v1_StageDefinition, StageDefinition__Output as _authmesh_core_v1_StageDefinition__Output } from '../../../authmesh/core/v1/StageDefinition.js';
import type { UseInvitationRequest as _authmesh_core_v1_UseInvitationRequest, UseInvitationRequest__Output as _authmesh_core_v1_UseInvitationRequest__Output } from '../../../authmesh/core/v1/UseInvitationRequest.js';
import type { UseInvitationResponse as _authmesh_core_v1_UseInvitationResponse, UseInvitationResponse__Output as _authmesh_core_v1_UseInvitationResponse__Output } from '../../../authmesh/core/v1/UseInvitationResponse.js';

export interface FlowConfigServiceClient extends grpc.Client {
  /**
   * The slug of the brand's flow for a designation (authentication, invalidation, recovery,
   * unenrollment, user_settings), falling back to the first flow of that designation.
   * NOT_FOUND when there is none.
   */
  GetDefaultFlow(argument: _authmesh_core_v1_GetDefaultFlowRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_GetDefaultFlowResponse__Output>): grpc.ClientUnaryCall;
  GetDefaultFlow(argument: _authmesh_core_v1_GetDefaultFlowRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_GetDefaultFlowResponse__Output>): grpc.ClientUnaryCall;
  GetDefaultFlow(argument: _authmesh_core_v1_GetDefaultFlowRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_GetDefaultFlowResponse__Output>): grpc.ClientUnaryCall;
  GetDefaultFlow(argument: _authmesh_core_v1_GetDefaultFlowRequest, callback: grpc.requestCallback<_authmesh_core_v1_GetDefaultFlowResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The slug of the brand's flow for a designation (authentication, invalidation, recovery,
   * unenrollment, user_settings), falling back to the first flow of that designation.
   * NOT_FOUND when there is none.
   */
  getDefaultFlow(argument: _authmesh_core_v1_GetDefaultFlowRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_GetDefaultFlowResponse__Output>): grpc.ClientUnaryCall;
  getDefaultFlow(argument: _authmesh_core_v1_GetDefaultFlowRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_GetDefaultFlowResponse__Output>): grpc.ClientUnaryCall;
  getDefaultFlow(argument: _authmesh_core_v1_GetDefaultFlowRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_GetDefaultFlowResponse__Output>): grpc.ClientUnaryCall;
  getDefaultFlow(argument: _authmesh_core_v1_GetDefaultFlowRequest, callback: grpc.requestCallback<_authmesh_core_v1_GetDefaultFlowResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * One flow with its stage bindings and every policy binding that gates it or its stages.
   * NOT_FOUND when no flow has the slug.
   */
  GetFlow(argument: _authmesh_core_v1_GetFlowRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_FlowDefinition__Output>): grpc.ClientUnaryCall;
  GetFlow(argument: _authmesh_core_v1_GetFlowRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_FlowDefinition__Output>): grpc.ClientUnaryCall;
  GetFlow(argument: _authmesh_core_v1_GetFlowRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_FlowDefinition__Output>): grpc.ClientUnaryCall;
  GetFlow(argument: _authmesh_core_v1_GetFlowRequest, callback: grpc.requestCallback<_authmesh_core_v1_FlowDefinition__Output>): grpc.ClientUnaryCall;
  /**
   * One flow with its stage bindings and every policy binding that gates it or its stages.
   * NOT_FOUND when no flow has the slug.
   */
  getFlow(argument: _authmesh_core_v1_GetFlowRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_FlowDefinition__Output>): grpc.ClientUnaryCall;
  getFlow(argument: _authmesh_core_v1_GetFlowRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_FlowDefinition__Output>): grpc.ClientUnaryCall;
  getFlow(argument: _authmesh_core_v1_GetFlowRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_FlowDefinition__Output>): grpc.ClientUnaryCall;
  getFlow(argument: _authmesh_core_v1_GetFlowRequest, callback: grpc.requestCallback<_authmesh_core_v1_FlowDefinition__Output>): grpc.ClientUnaryCall;
  
  /**
   * Stages by UUID (for stages that refer to others, e.g. identification → password).
   */
  GetStage(argument: _authmesh_core_v1_GetStageRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_StageDefinition__Output>): grpc.ClientUnaryCall;
  GetStage(argument: _authmesh_core_v1_GetStageRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_StageDefinition__Output>): grpc.ClientUnaryCall;
  GetStage(argument: _authmesh_core_v1_GetStageRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_StageDefinition__Output>): grpc.ClientUnaryCall;
  GetStage(argument: _authmesh_core_v1_GetStageRequest, callback: grpc.requestCallback<_authmesh_core_v1_StageDefinition__Output>): grpc.ClientUnaryCall;
  /**
   * Stages by UUID (for stages that refer to others, e.g. identification → password).
   */
  getStage(argument: _authmesh_core_v1_GetStageRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_StageDefinition__Output>): grpc.ClientUnaryCall;
  getStage(argument: _authmesh_core_v1_GetStageRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_StageDefinition__Output>): grpc.ClientUnaryCall;
  getStage(argument: _authmesh_core_v1_GetStageRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_StageDefinition__Output>): grpc.ClientUnaryCall;
  getStage(argument: _authmesh_core_v1_GetStageRequest, callback: grpc.requestCallback<_authmesh_core_v1_StageDefinition__Output>): grpc.ClientUnaryCall;
  
  /**
   * Policy bindings of any targets (applications, for instance), in evaluation order.
   */
  ListPolicyBindings(argument: _authmesh_core_v1_ListPolicyBindingsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_ListPolicyBindingsResponse__Output>): grpc.ClientUnaryCall;
  ListPolicyBindings(argument: _authmesh_core_v1_ListPolicyBindingsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_ListPolicyBindingsResponse__Output>): grpc.ClientUnaryCall;
  ListPolicyBindings(argument: _authmesh_core_v1_ListPolicyBindingsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_ListPolicyBindingsResponse__Output>): grpc.ClientUnaryCall;
  ListPolicyBindings(argument: _authmesh_core_v1_ListPolicyBindingsRequest, callback: grpc.requestCallback<_authmesh_core_v1_ListPolicyBindingsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Policy bindings of any targets (applications, for instance), in evaluation order.
   */
  listPolicyBindings(argument: _authmesh_core_v1_ListPolicyBindingsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_ListPolicyBindingsResponse__Output>): grpc.ClientUnaryCall;
  listPolicyBindings(argument: _authmesh_core_v1_ListPolicyBindingsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_ListPolicyBindingsResponse__Output>): grpc.ClientUnaryCall;
  listPolicyBindings(argument: _authmesh_core_v1_ListPolicyBindingsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_ListPolicyBindingsResponse__Output>): grpc.ClientUnaryCall;
  listPolicyBindings(argument: _authmesh_core_v1_ListPolicyBindingsRequest, callback: grpc.requestCallback<_authmesh_core_v1_ListPolicyBindingsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Uses an invitation in a flow: it must exist, not be expired, and be made for this flow
   * (or for any). A single-use invitation is consumed by this call. valid=false otherwise.
   */
  UseInvitation(argument: _authmesh_core_v1_UseInvitationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_UseInvitationResponse__Output>): grpc.ClientUnaryCall;
  UseInvitation(argument: _authmesh_core_v1_UseInvitationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_UseInvitationResponse__Output>): grpc.ClientUnaryCall;
  UseInvitation(argument: _authmesh_core_v1_UseInvitationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_UseInvitationResponse__Output>): grpc.ClientUnaryCall;
  UseInvitation(argument: _authmesh_core_v1_UseInvitationRequest, callback: grpc.requestCallback<_authmesh_core_v1_UseInvitationResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Uses an invitation in a flow: it must exist, not be expired, and be made for this flow
   * (or for any). A single-use invitation is consumed by this call. valid=false otherwise.
   */
  useInvitation(argument: _authmesh_core_v1_UseInvitationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_UseInvitationResponse__Output>): grpc.ClientUnaryCall;
  useInvitation(argument: _authmesh_core_v1_UseInvitationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_UseInvitationResponse__Output>): grpc.ClientUnaryCall;
  useInvitation(argument: _authmesh_core_v1_UseInvitationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_UseInvitationResponse__Output>): grpc.ClientUnaryCall;
  useInvitation(argument: _authmesh_core_v1_UseInvitationRequest, callback: grpc.requestCallback<_authmesh_core_v1_UseInvitationResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface FlowConfigServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * The slug of the brand's flow for a designation (authentication, invalidation, recovery,
   * unenrollment, user_settings), falling back to the first flow of that designation.
   * NOT_FOUND when there is none.
   */
  GetDefaultFlow: grpc.handleUnaryCall<_authmesh_core_v1_GetDefaultFlowRequest__Output, _authmesh_core_v1_GetDefaultFlowResponse>;
  
  /**
   * One flow with its stage bindings and every policy binding that gates it or its stages.
   * NOT_FOUND when no flow has the slug.
   */
  GetFlow: grpc.handleUnaryCall<_authmesh_core_v1_GetFlowRequest__Output, _authmesh_core_v1_FlowDefinition>;
  
  /**
   * Stages by UUID (for stages that refer to others, e.g. identification → password).
   */
  GetStage: grpc.handleUnaryCall<_authmesh_core_v1_GetStageRequest__Output, _authmesh_core_v1_StageDefinition>;
  
  /**
   * Policy bindings of any targets (applications, for instance), in evaluation order.
   */
  ListPolicyBindings: grpc.handleUnaryCall<_authmesh_core_v1_ListPolicyBindingsRequest__Output, _authmesh_core_v1_ListPolicyBindingsResponse>;
  
  /**
   * Uses an invitation in a flow: it must exist, not be expired, and be made for this flow
   * (or for any). A single-use invitation is consumed by this call. valid=false otherwise.
   */
  UseInvitation: grpc.handleUnaryCall<_authmesh_core_v1_UseInvitationRequest__Output, _authmesh_core_v1_UseInvitationResponse>;
  
}

export interface FlowConfigServiceDefinition extends grpc.ServiceDefinition {
  GetDefaultFlow: MethodDefinition<_authmesh_core_v1_GetDefaultFlowRequest, _authmesh_core_v1_GetDefaultFlowResponse, _authmesh_core_v1_GetDefaultFlowRequest__Output, _authmesh_core_v1_GetDefaultFlowResponse__Output>
  GetFlow: MethodDefinition<_authmesh_core_v1_GetFlowRequest, _authmesh_core_v1_FlowDefinition, _authmesh_core_v1_GetFlowRequest__Output, _authmesh_core_v1_FlowDefinition__Output>
  GetStage: MethodDefinition<_authmesh_core_v1_GetStageRequest, _authmesh_core_v1_StageDefinition, _authmesh_core_v1_GetStageRequest__Output, _authmesh_core_v1_StageDefinition__Output>
  ListPolicyBindings: MethodDefinition<_authmesh_core_v1_ListPolicyBindingsRequest, _authmesh_core_v1_ListPolicyBindingsResponse, _authmesh_core_v1_ListPolicyBindingsRequest__Output, _authmesh_core_v1_ListPolicyBindingsResponse__Output>
  UseInvitation: MethodDefinition<_authmesh_core_v1_UseInvitationRequest, _authmesh_core_v1_UseInvitationResponse, _authmesh_core_v1_UseInvitationRequest__Output, _authmesh_core_v1_UseInvitationResponse__Output>
}
