// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { NotificationServiceClient as _authmesh_events_v1_NotificationServiceClient, NotificationServiceDefinition as _authmesh_events_v1_NotificationServiceDefinition } from './authmesh/events/v1/NotificationService.js';
import type { TestTransportRequest as _authmesh_events_v1_TestTransportRequest, TestTransportRequest__Output as _authmesh_events_v1_TestTransportRequest__Output } from './authmesh/events/v1/TestTransportRequest.js';
import type { TestTransportResponse as _authmesh_events_v1_TestTransportResponse, TestTransportResponse__Output as _authmesh_events_v1_TestTransportResponse__Output } from './authmesh/events/v1/TestTransportResponse.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  authmesh: {
    events: {
      v1: {
        NotificationService: SubtypeConstructor<typeof grpc.Client, _authmesh_events_v1_NotificationServiceClient> & { service: _authmesh_events_v1_NotificationServiceDefinition }
        TestTransportRequest: MessageTypeDefinition<_authmesh_events_v1_TestTransportRequest, _authmesh_events_v1_TestTransportRequest__Output>
        TestTransportResponse: MessageTypeDefinition<_authmesh_events_v1_TestTransportResponse, _authmesh_events_v1_TestTransportResponse__Output>
      }
    }
  }
}

