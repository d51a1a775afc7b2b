// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { GetNotificationTransportRequest as _authmesh_core_v1_GetNotificationTransportRequest, GetNotificationTransportRequest__Output as _authmesh_core_v1_GetNotificationTransportRequest__Output } from './authmesh/core/v1/GetNotificationTransportRequest.js';
import type { ListGroupMembersRequest as _authmesh_core_v1_ListGroupMembersRequest, ListGroupMembersRequest__Output as _authmesh_core_v1_ListGroupMembersRequest__Output } from './authmesh/core/v1/ListGroupMembersRequest.js';
import type { ListGroupMembersResponse as _authmesh_core_v1_ListGroupMembersResponse, ListGroupMembersResponse__Output as _authmesh_core_v1_ListGroupMembersResponse__Output } from './authmesh/core/v1/ListGroupMembersResponse.js';
import type { ListNotificationRulesRequest as _authmesh_core_v1_ListNotificationRulesRequest, ListNotificationRulesRequest__Output as _authmesh_core_v1_ListNotificationRulesRequest__Output } from './authmesh/core/v1/ListNotificationRulesRequest.js';
import type { ListNotificationRulesResponse as _authmesh_core_v1_ListNotificationRulesResponse, ListNotificationRulesResponse__Output as _authmesh_core_v1_ListNotificationRulesResponse__Output } from './authmesh/core/v1/ListNotificationRulesResponse.js';
import type { NotificationConfigServiceClient as _authmesh_core_v1_NotificationConfigServiceClient, NotificationConfigServiceDefinition as _authmesh_core_v1_NotificationConfigServiceDefinition } from './authmesh/core/v1/NotificationConfigService.js';
import type { NotificationRule as _authmesh_core_v1_NotificationRule, NotificationRule__Output as _authmesh_core_v1_NotificationRule__Output } from './authmesh/core/v1/NotificationRule.js';
import type { NotificationTransport as _authmesh_core_v1_NotificationTransport, NotificationTransport__Output as _authmesh_core_v1_NotificationTransport__Output } from './authmesh/core/v1/NotificationTransport.js';
import type { Recipient as _authmesh_core_v1_Recipient, Recipient__Output as _authmesh_core_v1_Recipient__Output } from './authmesh/core/v1/Recipient.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  authmesh: {
    core: {
      v1: {
        GetNotificationTransportRequest: MessageTypeDefinition<_authmesh_core_v1_GetNotificationTransportRequest, _authmesh_core_v1_GetNotificationTransportRequest__Output>
        ListGroupMembersRequest: MessageTypeDefinition<_authmesh_core_v1_ListGroupMembersRequest, _authmesh_core_v1_ListGroupMembersRequest__Output>
        ListGroupMembersResponse: MessageTypeDefinition<_authmesh_core_v1_ListGroupMembersResponse, _authmesh_core_v1_ListGroupMembersResponse__Output>
        ListNotificationRulesRequest: MessageTypeDefinition<_authmesh_core_v1_ListNotificationRulesRequest, _authmesh_core_v1_ListNotificationRulesRequest__Output>
        ListNotificationRulesResponse: MessageTypeDefinition<_authmesh_core_v1_ListNotificationRulesResponse, _authmesh_core_v1_ListNotificationRulesResponse__Output>
        NotificationConfigService: SubtypeConstructor<typeof grpc.Client, _authmesh_core_v1_NotificationConfigServiceClient> & { service: _authmesh_core_v1_NotificationConfigServiceDefinition }
        NotificationRule: MessageTypeDefinition<_authmesh_core_v1_NotificationRule, _authmesh_core_v1_NotificationRule__Output>
        NotificationTransport: MessageTypeDefinition<_authmesh_core_v1_NotificationTransport, _authmesh_core_v1_NotificationTransport__Output>
        Recipient: MessageTypeDefinition<_authmesh_core_v1_Recipient, _authmesh_core_v1_Recipient__Output>
      }
    }
  }
}

