// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/core/v1/notification_config.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GetNotificationTransportRequest as _authmesh_core_v1_GetNotificationTransportRequest, GetNotificationTransportRequest__Output as _authmesh_core_v1_GetNotificationTransportRequest__Output } from '../../../authmesh/core/v1/GetNotificationTransportRequest.js';
import type { ListGroupMembersRequest as _authmesh_core_v1_ListGroupMembersRequest, ListGroupMembersRequest__Output as _authmesh_core_v1_ListGroupMembersRequest__Output } from '../../../authmesh/core/v1/ListGroupMembersRequest.js';
import type { ListGroupMembersResponse as _authmesh_core_v1_ListGroupMembersResponse, ListGroupMembersResponse__Output as _authmesh_core_v1_ListGroupMembersResponse__Output } from '../../../authmesh/core/v1/ListGroupMembersResponse.js';
import type { ListNotificationRulesRequest as _authmesh_core_v1_ListNotificationRulesRequest, ListNotificationRulesRequest__Output as _authmesh_core_v1_ListNotificationRulesRequest__Output } from '../../../authmesh/core/v1/ListNotificationRulesRequest.js';
import type { ListNotificationRulesResponse as _authmesh_core_v1_ListNotificationRulesResponse, ListNotificationRulesResponse__Output as _authmesh_core_v1_ListNotificationRulesResponse__Output } from '../../../authmesh/core/v1/ListNotificationRulesResponse.js';
import type { NotificationTransport as _authmesh_core_v1_NotificationTransport, NotificationTransport__Output as _authmesh_core_v1_NotificationTransport__Output } from '../../../authmesh/core/v1/NotificationTransport.js';

export interface NotificationConfigServiceClient extends grpc.Client {
  /**
   * One transport by UUID (the transport test action); NOT_FOUND when it does not exist.
   */
  GetNotificationTransport(argument: _authmesh_core_v1_GetNotificationTransportRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_NotificationTransport__Output>): grpc.ClientUnaryCall;
  GetNotificationTransport(argument: _authmesh_core_v1_GetNotificationTransportRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_NotificationTransport__Output>): grpc.ClientUnaryCall;
  GetNotificationTransport(argument: _authmesh_core_v1_GetNotificationTransportRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_NotificationTransport__Output>): grpc.ClientUnaryCall;
  GetNotificationTransport(argument: _authmesh_core_v1_GetNotificationTransportRequest, callback: grpc.requestCallback<_authmesh_core_v1_NotificationTransport__Output>): grpc.ClientUnaryCall;
  /**
   * One transport by UUID (the transport test action); NOT_FOUND when it does not exist.
   */
  getNotificationTransport(argument: _authmesh_core_v1_GetNotificationTransportRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_NotificationTransport__Output>): grpc.ClientUnaryCall;
  getNotificationTransport(argument: _authmesh_core_v1_GetNotificationTransportRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_NotificationTransport__Output>): grpc.ClientUnaryCall;
  getNotificationTransport(argument: _authmesh_core_v1_GetNotificationTransportRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_NotificationTransport__Output>): grpc.ClientUnaryCall;
  getNotificationTransport(argument: _authmesh_core_v1_GetNotificationTransportRequest, callback: grpc.requestCallback<_authmesh_core_v1_NotificationTransport__Output>): grpc.ClientUnaryCall;
  
  /**
   * The active users of a group (its direct members), with what a delivery needs.
   * NOT_FOUND when the group does not exist.
   */
  ListGroupMembers(argument: _authmesh_core_v1_ListGroupMembersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_ListGroupMembersResponse__Output>): grpc.ClientUnaryCall;
  ListGroupMembers(argument: _authmesh_core_v1_ListGroupMembersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_ListGroupMembersResponse__Output>): grpc.ClientUnaryCall;
  ListGroupMembers(argument: _authmesh_core_v1_ListGroupMembersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_ListGroupMembersResponse__Output>): grpc.ClientUnaryCall;
  ListGroupMembers(argument: _authmesh_core_v1_ListGroupMembersRequest, callback: grpc.requestCallback<_authmesh_core_v1_ListGroupMembersResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The active users of a group (its direct members), with what a delivery needs.
   * NOT_FOUND when the group does not exist.
   */
  listGroupMembers(argument: _authmesh_core_v1_ListGroupMembersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_ListGroupMembersResponse__Output>): grpc.ClientUnaryCall;
  listGroupMembers(argument: _authmesh_core_v1_ListGroupMembersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_ListGroupMembersResponse__Output>): grpc.ClientUnaryCall;
  listGroupMembers(argument: _authmesh_core_v1_ListGroupMembersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_ListGroupMembersResponse__Output>): grpc.ClientUnaryCall;
  listGroupMembers(argument: _authmesh_core_v1_ListGroupMembersRequest, callback: grpc.requestCallback<_authmesh_core_v1_ListGroupMembersResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Every notification rule whose group is set (a rule without a group is disabled), with
   * its transports. The events runtime caches the answer and drops it on a config change
   * notice for "authentik_events.notificationrule" or "authentik_events.notificationtransport".
   */
  ListNotificationRules(argument: _authmesh_core_v1_ListNotificationRulesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_ListNotificationRulesResponse__Output>): grpc.ClientUnaryCall;
  ListNotificationRules(argument: _authmesh_core_v1_ListNotificationRulesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_ListNotificationRulesResponse__Output>): grpc.ClientUnaryCall;
  ListNotificationRules(argument: _authmesh_core_v1_ListNotificationRulesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_ListNotificationRulesResponse__Output>): grpc.ClientUnaryCall;
  ListNotificationRules(argument: _authmesh_core_v1_ListNotificationRulesRequest, callback: grpc.requestCallback<_authmesh_core_v1_ListNotificationRulesResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Every notification rule whose group is set (a rule without a group is disabled), with
   * its transports. The events runtime caches the answer and drops it on a config change
   * notice for "authentik_events.notificationrule" or "authentik_events.notificationtransport".
   */
  listNotificationRules(argument: _authmesh_core_v1_ListNotificationRulesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_ListNotificationRulesResponse__Output>): grpc.ClientUnaryCall;
  listNotificationRules(argument: _authmesh_core_v1_ListNotificationRulesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_core_v1_ListNotificationRulesResponse__Output>): grpc.ClientUnaryCall;
  listNotificationRules(argument: _authmesh_core_v1_ListNotificationRulesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_core_v1_ListNotificationRulesResponse__Output>): grpc.ClientUnaryCall;
  listNotificationRules(argument: _authmesh_core_v1_ListNotificationRulesRequest, callback: grpc.requestCallback<_authmesh_core_v1_ListNotificationRulesResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface NotificationConfigServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * One transport by UUID (the transport test action); NOT_FOUND when it does not exist.
   */
  GetNotificationTransport: grpc.handleUnaryCall<_authmesh_core_v1_GetNotificationTransportRequest__Output, _authmesh_core_v1_NotificationTransport>;
  
  /**
   * The active users of a group (its direct members), with what a delivery needs.
   * NOT_FOUND when the group does not exist.
   */
  ListGroupMembers: grpc.handleUnaryCall<_authmesh_core_v1_ListGroupMembersRequest__Output, _authmesh_core_v1_ListGroupMembersResponse>;
  
  /**
   * Every notification rule whose group is set (a rule without a group is disabled), with
   * its transports. The events runtime caches the answer and drops it on a config change
   * notice for "authentik_events.notificationrule" or "authentik_events.notificationtransport".
   */
  ListNotificationRules: grpc.handleUnaryCall<_authmesh_core_v1_ListNotificationRulesRequest__Output, _authmesh_core_v1_ListNotificationRulesResponse>;
  
}

export interface NotificationConfigServiceDefinition extends grpc.ServiceDefinition {
  GetNotificationTransport: MethodDefinition<_authmesh_core_v1_GetNotificationTransportRequest, _authmesh_core_v1_NotificationTransport, _authmesh_core_v1_GetNotificationTransportRequest__Output, _authmesh_core_v1_NotificationTransport__Output>
  ListGroupMembers: MethodDefinition<_authmesh_core_v1_ListGroupMembersRequest, _authmesh_core_v1_ListGroupMembersResponse, _authmesh_core_v1_ListGroupMembersRequest__Output, _authmesh_core_v1_ListGroupMembersResponse__Output>
  ListNotificationRules: MethodDefinition<_authmesh_core_v1_ListNotificationRulesRequest, _authmesh_core_v1_ListNotificationRulesResponse, _authmesh_core_v1_ListNotificationRulesRequest__Output, _authmesh_core_v1_ListNotificationRulesResponse__Output>
}
