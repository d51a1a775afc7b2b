// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/events/v1/notifications.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { TestTransportRequest as _authmesh_events_v1_TestTransportRequest, TestTransportRequest__Output as _authmesh_events_v1_TestTransportRequest__Output } from '../../../authmesh/events/v1/TestTransportRequest.js';
import type { TestTransportResponse as _authmesh_events_v1_TestTransportResponse, TestTransportResponse__Output as _authmesh_events_v1_TestTransportResponse__Output } from '../../../authmesh/events/v1/TestTransportResponse.js';

export interface NotificationServiceClient extends grpc.Client {
  /**
   * Sends a test notification through one transport to one user, exactly as a rule match
   * would (local: stored for the user; webhook, webhook_slack: POSTed; email: sent).
   * NOT_FOUND for an unknown transport or user; UNAVAILABLE when the delivery failed, with
   * the reason as the status message.
   */
  TestTransport(argument: _authmesh_events_v1_TestTransportRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_events_v1_TestTransportResponse__Output>): grpc.ClientUnaryCall;
  TestTransport(argument: _authmesh_events_v1_TestTransportRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_events_v1_TestTransportResponse__Output>): grpc.ClientUnaryCall;
  TestTransport(argument: _authmesh_events_v1_TestTransportRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_events_v1_TestTransportResponse__Output>): grpc.ClientUnaryCall;
  TestTransport(argument: _authmesh_events_v1_TestTransportRequest, callback: grpc.requestCallback<_authmesh_events_v1_TestTransportResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Sends a test notification through one transport to one user, exactly as a rule match
   * would (local: stored for the user; webhook, webhook_slack: POSTed; email: sent).
   * NOT_FOUND for an unknown transport or user; UNAVAILABLE when the delivery failed, with
   * the reason as the status message.
   */
  testTransport(argument: _authmesh_events_v1_TestTransportRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_events_v1_TestTransportResponse__Output>): grpc.ClientUnaryCall;
  testTransport(argument: _authmesh_events_v1_TestTransportRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_events_v1_TestTransportResponse__Output>): grpc.ClientUnaryCall;
  testTransport(argument: _authmesh_events_v1_TestTransportRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_events_v1_TestTransportResponse__Output>): grpc.ClientUnaryCall;
  testTransport(argument: _authmesh_events_v1_TestTransportRequest, callback: grpc.requestCallback<_authmesh_events_v1_TestTransportResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface NotificationServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Sends a test notification through one transport to one user, exactly as a rule match
   * would (local: stored for the user; webhook, webhook_slack: POSTed; email: sent).
   * NOT_FOUND for an unknown transport or user; UNAVAILABLE when the delivery failed, with
   * the reason as the status message.
   */
  TestTransport: grpc.handleUnaryCall<_authmesh_events_v1_TestTransportRequest__Output, _authmesh_events_v1_TestTransportResponse>;
  
}

export interface NotificationServiceDefinition extends grpc.ServiceDefinition {
  TestTransport: MethodDefinition<_authmesh_events_v1_TestTransportRequest, _authmesh_events_v1_TestTransportResponse, _authmesh_events_v1_TestTransportRequest__Output, _authmesh_events_v1_TestTransportResponse__Output>
}
