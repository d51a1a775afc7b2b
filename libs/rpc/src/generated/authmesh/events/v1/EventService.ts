// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/events/v1/events.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CreateEventResponse as _authmesh_events_v1_CreateEventResponse, CreateEventResponse__Output as _authmesh_events_v1_CreateEventResponse__Output } from '../../../authmesh/events/v1/CreateEventResponse.js';
import type { Event as _authmesh_events_v1_Event, Event__Output as _authmesh_events_v1_Event__Output } from '../../../authmesh/events/v1/Event.js';

export interface EventServiceClient extends grpc.Client {
  /**
   * Stores one event and answers its primary key. INVALID_ARGUMENT when a *_json field is
   * not a JSON object or another field is malformed (the action must be snake_case).
   */
  CreateEvent(argument: _authmesh_events_v1_Event, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_events_v1_CreateEventResponse__Output>): grpc.ClientUnaryCall;
  CreateEvent(argument: _authmesh_events_v1_Event, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_events_v1_CreateEventResponse__Output>): grpc.ClientUnaryCall;
  CreateEvent(argument: _authmesh_events_v1_Event, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_events_v1_CreateEventResponse__Output>): grpc.ClientUnaryCall;
  CreateEvent(argument: _authmesh_events_v1_Event, callback: grpc.requestCallback<_authmesh_events_v1_CreateEventResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Stores one event and answers its primary key. INVALID_ARGUMENT when a *_json field is
   * not a JSON object or another field is malformed (the action must be snake_case).
   */
  createEvent(argument: _authmesh_events_v1_Event, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_events_v1_CreateEventResponse__Output>): grpc.ClientUnaryCall;
  createEvent(argument: _authmesh_events_v1_Event, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_events_v1_CreateEventResponse__Output>): grpc.ClientUnaryCall;
  createEvent(argument: _authmesh_events_v1_Event, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_events_v1_CreateEventResponse__Output>): grpc.ClientUnaryCall;
  createEvent(argument: _authmesh_events_v1_Event, callback: grpc.requestCallback<_authmesh_events_v1_CreateEventResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface EventServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Stores one event and answers its primary key. INVALID_ARGUMENT when a *_json field is
   * not a JSON object or another field is malformed (the action must be snake_case).
   */
  CreateEvent: grpc.handleUnaryCall<_authmesh_events_v1_Event__Output, _authmesh_events_v1_CreateEventResponse>;
  
}

export interface EventServiceDefinition extends grpc.ServiceDefinition {
  CreateEvent: MethodDefinition<_authmesh_events_v1_Event, _authmesh_events_v1_CreateEventResponse, _authmesh_events_v1_Event__Output, _authmesh_events_v1_CreateEventResponse__Output>
}
