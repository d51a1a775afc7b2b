// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/oauth2/v1/device.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ApproveDeviceCodeRequest as _authmesh_oauth2_v1_ApproveDeviceCodeRequest, ApproveDeviceCodeRequest__Output as _authmesh_oauth2_v1_ApproveDeviceCodeRequest__Output } from '../../../authmesh/oauth2/v1/ApproveDeviceCodeRequest.js';
import type { DenyDeviceCodeRequest as _authmesh_oauth2_v1_DenyDeviceCodeRequest, DenyDeviceCodeRequest__Output as _authmesh_oauth2_v1_DenyDeviceCodeRequest__Output } from '../../../authmesh/oauth2/v1/DenyDeviceCodeRequest.js';
import type { FindDeviceCodeRequest as _authmesh_oauth2_v1_FindDeviceCodeRequest, FindDeviceCodeRequest__Output as _authmesh_oauth2_v1_FindDeviceCodeRequest__Output } from '../../../authmesh/oauth2/v1/FindDeviceCodeRequest.js';
import type { FindDeviceCodeResponse as _authmesh_oauth2_v1_FindDeviceCodeResponse, FindDeviceCodeResponse__Output as _authmesh_oauth2_v1_FindDeviceCodeResponse__Output } from '../../../authmesh/oauth2/v1/FindDeviceCodeResponse.js';
import type { SettleDeviceCodeResponse as _authmesh_oauth2_v1_SettleDeviceCodeResponse, SettleDeviceCodeResponse__Output as _authmesh_oauth2_v1_SettleDeviceCodeResponse__Output } from '../../../authmesh/oauth2/v1/SettleDeviceCodeResponse.js';

export interface DeviceCodeServiceClient extends grpc.Client {
  /**
   * Lets the device's token request succeed for this user: application policies decide
   * first; a code that is no longer pending, or a session that is not the user's, is refused.
   */
  ApproveDeviceCode(argument: _authmesh_oauth2_v1_ApproveDeviceCodeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_oauth2_v1_SettleDeviceCodeResponse__Output>): grpc.ClientUnaryCall;
  ApproveDeviceCode(argument: _authmesh_oauth2_v1_ApproveDeviceCodeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_oauth2_v1_SettleDeviceCodeResponse__Output>): grpc.ClientUnaryCall;
  ApproveDeviceCode(argument: _authmesh_oauth2_v1_ApproveDeviceCodeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_oauth2_v1_SettleDeviceCodeResponse__Output>): grpc.ClientUnaryCall;
  ApproveDeviceCode(argument: _authmesh_oauth2_v1_ApproveDeviceCodeRequest, callback: grpc.requestCallback<_authmesh_oauth2_v1_SettleDeviceCodeResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Lets the device's token request succeed for this user: application policies decide
   * first; a code that is no longer pending, or a session that is not the user's, is refused.
   */
  approveDeviceCode(argument: _authmesh_oauth2_v1_ApproveDeviceCodeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_oauth2_v1_SettleDeviceCodeResponse__Output>): grpc.ClientUnaryCall;
  approveDeviceCode(argument: _authmesh_oauth2_v1_ApproveDeviceCodeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_oauth2_v1_SettleDeviceCodeResponse__Output>): grpc.ClientUnaryCall;
  approveDeviceCode(argument: _authmesh_oauth2_v1_ApproveDeviceCodeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_oauth2_v1_SettleDeviceCodeResponse__Output>): grpc.ClientUnaryCall;
  approveDeviceCode(argument: _authmesh_oauth2_v1_ApproveDeviceCodeRequest, callback: grpc.requestCallback<_authmesh_oauth2_v1_SettleDeviceCodeResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Makes the device's token request fail with access_denied (the user's flow was denied
   * or cancelled). Only a pending code changes.
   */
  DenyDeviceCode(argument: _authmesh_oauth2_v1_DenyDeviceCodeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_oauth2_v1_SettleDeviceCodeResponse__Output>): grpc.ClientUnaryCall;
  DenyDeviceCode(argument: _authmesh_oauth2_v1_DenyDeviceCodeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_oauth2_v1_SettleDeviceCodeResponse__Output>): grpc.ClientUnaryCall;
  DenyDeviceCode(argument: _authmesh_oauth2_v1_DenyDeviceCodeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_oauth2_v1_SettleDeviceCodeResponse__Output>): grpc.ClientUnaryCall;
  DenyDeviceCode(argument: _authmesh_oauth2_v1_DenyDeviceCodeRequest, callback: grpc.requestCallback<_authmesh_oauth2_v1_SettleDeviceCodeResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Makes the device's token request fail with access_denied (the user's flow was denied
   * or cancelled). Only a pending code changes.
   */
  denyDeviceCode(argument: _authmesh_oauth2_v1_DenyDeviceCodeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_oauth2_v1_SettleDeviceCodeResponse__Output>): grpc.ClientUnaryCall;
  denyDeviceCode(argument: _authmesh_oauth2_v1_DenyDeviceCodeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_oauth2_v1_SettleDeviceCodeResponse__Output>): grpc.ClientUnaryCall;
  denyDeviceCode(argument: _authmesh_oauth2_v1_DenyDeviceCodeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_oauth2_v1_SettleDeviceCodeResponse__Output>): grpc.ClientUnaryCall;
  denyDeviceCode(argument: _authmesh_oauth2_v1_DenyDeviceCodeRequest, callback: grpc.requestCallback<_authmesh_oauth2_v1_SettleDeviceCodeResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * A pending device code by the user code a person typed (any case, dashes and spaces
   * ignored). found=false for unknown, expired and already settled codes alike, and when
   * the actor's session is not live.
   */
  FindDeviceCode(argument: _authmesh_oauth2_v1_FindDeviceCodeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_oauth2_v1_FindDeviceCodeResponse__Output>): grpc.ClientUnaryCall;
  FindDeviceCode(argument: _authmesh_oauth2_v1_FindDeviceCodeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_oauth2_v1_FindDeviceCodeResponse__Output>): grpc.ClientUnaryCall;
  FindDeviceCode(argument: _authmesh_oauth2_v1_FindDeviceCodeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_oauth2_v1_FindDeviceCodeResponse__Output>): grpc.ClientUnaryCall;
  FindDeviceCode(argument: _authmesh_oauth2_v1_FindDeviceCodeRequest, callback: grpc.requestCallback<_authmesh_oauth2_v1_FindDeviceCodeResponse__Output>): grpc.ClientUnaryCall;
  /**
   * A pending device code by the user code a person typed (any case, dashes and spaces
   * ignored). found=false for unknown, expired and already settled codes alike, and when
   * the actor's session is not live.
   */
  findDeviceCode(argument: _authmesh_oauth2_v1_FindDeviceCodeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_oauth2_v1_FindDeviceCodeResponse__Output>): grpc.ClientUnaryCall;
  findDeviceCode(argument: _authmesh_oauth2_v1_FindDeviceCodeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_oauth2_v1_FindDeviceCodeResponse__Output>): grpc.ClientUnaryCall;
  findDeviceCode(argument: _authmesh_oauth2_v1_FindDeviceCodeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_oauth2_v1_FindDeviceCodeResponse__Output>): grpc.ClientUnaryCall;
  findDeviceCode(argument: _authmesh_oauth2_v1_FindDeviceCodeRequest, callback: grpc.requestCallback<_authmesh_oauth2_v1_FindDeviceCodeResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface DeviceCodeServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Lets the device's token request succeed for this user: application policies decide
   * first; a code that is no longer pending, or a session that is not the user's, is refused.
   */
  ApproveDeviceCode: grpc.handleUnaryCall<_authmesh_oauth2_v1_ApproveDeviceCodeRequest__Output, _authmesh_oauth2_v1_SettleDeviceCodeResponse>;
  
  /**
   * Makes the device's token request fail with access_denied (the user's flow was denied
   * or cancelled). Only a pending code changes.
   */
  DenyDeviceCode: grpc.handleUnaryCall<_authmesh_oauth2_v1_DenyDeviceCodeRequest__Output, _authmesh_oauth2_v1_SettleDeviceCodeResponse>;
  
  /**
   * A pending device code by the user code a person typed (any case, dashes and spaces
   * ignored). found=false for unknown, expired and already settled codes alike, and when
   * the actor's session is not live.
   */
  FindDeviceCode: grpc.handleUnaryCall<_authmesh_oauth2_v1_FindDeviceCodeRequest__Output, _authmesh_oauth2_v1_FindDeviceCodeResponse>;
  
}

export interface DeviceCodeServiceDefinition extends grpc.ServiceDefinition {
  ApproveDeviceCode: MethodDefinition<_authmesh_oauth2_v1_ApproveDeviceCodeRequest, _authmesh_oauth2_v1_SettleDeviceCodeResponse, _authmesh_oauth2_v1_ApproveDeviceCodeRequest__Output, _authmesh_oauth2_v1_SettleDeviceCodeResponse__Output>
  DenyDeviceCode: MethodDefinition<_authmesh_oauth2_v1_DenyDeviceCodeRequest, _authmesh_oauth2_v1_SettleDeviceCodeResponse, _authmesh_oauth2_v1_DenyDeviceCodeRequest__Output, _authmesh_oauth2_v1_SettleDeviceCodeResponse__Output>
  FindDeviceCode: MethodDefinition<_authmesh_oauth2_v1_FindDeviceCodeRequest, _authmesh_oauth2_v1_FindDeviceCodeResponse, _authmesh_oauth2_v1_FindDeviceCodeRequest__Output, _authmesh_oauth2_v1_FindDeviceCodeResponse__Output>
}
