// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { CreateEventResponse as _authmesh_events_v1_CreateEventResponse, CreateEventResponse__Output as _authmesh_events_v1_CreateEventResponse__Output } from './authmesh/events/v1/CreateEventResponse.js';
import type { Event as _authmesh_events_v1_Event, Event__Output as _authmesh_events_v1_Event__Output } from './authmesh/events/v1/Event.js';
import type { EventCreated as _authmesh_events_v1_EventCreated, EventCreated__Output as _authmesh_events_v1_EventCreated__Output } from './authmesh/events/v1/EventCreated.js';
import type { EventServiceClient as _authmesh_events_v1_EventServiceClient, EventServiceDefinition as _authmesh_events_v1_EventServiceDefinition } from './authmesh/events/v1/EventService.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  authmesh: {
    events: {
      v1: {
        CreateEventResponse: MessageTypeDefinition<_authmesh_events_v1_CreateEventResponse, _authmesh_events_v1_CreateEventResponse__Output>
        Event: MessageTypeDefinition<_authmesh_events_v1_Event, _authmesh_events_v1_Event__Output>
        EventCreated: MessageTypeDefinition<_authmesh_events_v1_EventCreated, _authmesh_events_v1_EventCreated__Output>
        EventService: SubtypeConstructor<typeof grpc.Client, _authmesh_events_v1_EventServiceClient> & { service: _authmesh_events_v1_EventServiceDefinition }
      }
    }
  }
}

