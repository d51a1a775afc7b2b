// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/flows/v1/flows.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { FlowStatus as _authmesh_flows_v1_FlowStatus, FlowStatus__Output as _authmesh_flows_v1_FlowStatus__Output } from '../../../authmesh/flows/v1/FlowStatus.js';
import type { GetStatusRequest as _authmesh_flows_v1_GetStatusRequest, GetStatusRequest__Output as _authmesh_flows_v1_GetStatusRequest__Output } from '../../../authmesh/flows/v1/GetStatusRequest.js';
import type { PreparePlanRequest as _authmesh_flows_v1_PreparePlanRequest, PreparePlanRequest__Output as _authmesh_flows_v1_PreparePlanRequest__Output } from '../../../authmesh/flows/v1/PreparePlanRequest.js';
import type { PreparePlanResponse as _authmesh_flows_v1_PreparePlanResponse, PreparePlanResponse__Output as _authmesh_flows_v1_PreparePlanResponse__Output } from '../../../authmesh/flows/v1/PreparePlanResponse.js';

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
  
  /**
   * Plans a flow for a browser ahead of its first request, with context only a trusted
   * caller may set (the application an authorization is for, where to go afterwards).
   * Protocol services call this, then send the browser to the flow interface.
   */
  PreparePlan(argument: _authmesh_flows_v1_PreparePlanRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_flows_v1_PreparePlanResponse__Output>): grpc.ClientUnaryCall;
  PreparePlan(argument: _authmesh_flows_v1_PreparePlanRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_flows_v1_PreparePlanResponse__Output>): grpc.ClientUnaryCall;
  PreparePlan(argument: _authmesh_flows_v1_PreparePlanRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_flows_v1_PreparePlanResponse__Output>): grpc.ClientUnaryCall;
  PreparePlan(argument: _authmesh_flows_v1_PreparePlanRequest, callback: grpc.requestCallback<_authmesh_flows_v1_PreparePlanResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Plans a flow for a browser ahead of its first request, with context only a trusted
   * caller may set (the application an authorization is for, where to go afterwards).
   * Protocol services call this, then send the browser to the flow interface.
   */
  preparePlan(argument: _authmesh_flows_v1_PreparePlanRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_flows_v1_PreparePlanResponse__Output>): grpc.ClientUnaryCall;
  preparePlan(argument: _authmesh_flows_v1_PreparePlanRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_flows_v1_PreparePlanResponse__Output>): grpc.ClientUnaryCall;
  preparePlan(argument: _authmesh_flows_v1_PreparePlanRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_flows_v1_PreparePlanResponse__Output>): grpc.ClientUnaryCall;
  preparePlan(argument: _authmesh_flows_v1_PreparePlanRequest, callback: grpc.requestCallback<_authmesh_flows_v1_PreparePlanResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface FlowServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Whether the executor can run flows right now, and which build answers.
   */
  GetStatus: grpc.handleUnaryCall<_authmesh_flows_v1_GetStatusRequest__Output, _authmesh_flows_v1_FlowStatus>;
  
  /**
   * Plans a flow for a browser ahead of its first request, with context only a trusted
   * caller may set (the application an authorization is for, where to go afterwards).
   * Protocol services call this, then send the browser to the flow interface.
   */
  PreparePlan: grpc.handleUnaryCall<_authmesh_flows_v1_PreparePlanRequest__Output, _authmesh_flows_v1_PreparePlanResponse>;
  
}

export interface FlowServiceDefinition extends grpc.ServiceDefinition {
  GetStatus: MethodDefinition<_authmesh_flows_v1_GetStatusRequest, _authmesh_flows_v1_FlowStatus, _authmesh_flows_v1_GetStatusRequest__Output, _authmesh_flows_v1_FlowStatus__Output>
  PreparePlan: MethodDefinition<_authmesh_flows_v1_PreparePlanRequest, _authmesh_flows_v1_PreparePlanResponse, _authmesh_flows_v1_PreparePlanRequest__Output, _authmesh_flows_v1_PreparePlanResponse__Output>
}
