// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/flows/v1/flows.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { FlowStatus as _authmesh_flows_v1_FlowStatus, FlowStatus__Output as _authmesh_flows_v1_FlowStatus__Output } from '../../../authmesh/flows/v1/FlowStatus.js';
import type { GetStatusRequest as _authmesh_flows_v1_GetStatusRequest, GetStatusRequest__Output as _authmesh_flows_v1_GetStatusRequest__Output } from '../../../authmesh/flows/v1/GetStatusRequest.js';

export interface FlowServiceClient extends grpc.Client {
  /**
   * Whether the executor can run flows right now, and which build answers.
   */
  GetStatus(argument: _authmesh_flows_v1_GetStatusRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_flows_v1_FlowStatus__Output>): grpc.ClientUnaryCall;
  GetStatus(argument: _authmesh_flows_v1_GetStatusRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_flows_v1_FlowStatus__Output>): grpc.ClientUnaryCall;
  GetStatus(argument: _authmesh_flows_v1_GetStatusRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_flows_v1_FlowStatus__Output>): grpc.ClientUnaryCall;
  GetStatus(argument: _authmesh_flows_v1_GetStatusRequest, callback: grpc.requestCallback<_authmesh_flows_v1_FlowStatus__Output>): grpc.ClientUnaryCall;
  /**
   * Whether the executor can run flows right now, and which build answers.
   */
  getStatus(argument: _authmesh_flows_v1_GetStatusRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_flows_v1_FlowStatus__Output>): grpc.ClientUnaryCall;
  getStatus(argument: _authmesh_flows_v1_GetStatusRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_flows_v1_FlowStatus__Output>): grpc.ClientUnaryCall;
  getStatus(argument: _authmesh_flows_v1_GetStatusRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_flows_v1_FlowStatus__Output>): grpc.ClientUnaryCall;
  getStatus(argument: _authmesh_flows_v1_GetStatusRequest, callback: grpc.requestCallback<_authmesh_flows_v1_FlowStatus__Output>): grpc.ClientUnaryCall;
  
}

export interface FlowServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Whether the executor can run flows right now, and which build answers.
   */
  GetStatus: grpc.handleUnaryCall<_authmesh_flows_v1_GetStatusRequest__Output, _authmesh_flows_v1_FlowStatus>;
  
}

export interface FlowServiceDefinition extends grpc.ServiceDefinition {
  GetStatus: MethodDefinition<_authmesh_flows_v1_GetStatusRequest, _authmesh_flows_v1_FlowStatus, _authmesh_flows_v1_GetStatusRequest__Output, _authmesh_flows_v1_FlowStatus__Output>
}
