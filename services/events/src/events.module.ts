import { Module, type DynamicModule } from '@nestjs/common';
import { PRINCIPAL_RESOLVER } from '@authmesh/http';
import { EventController, LoginMetricsController } from './events/event.controller.js';
import { EventRepository } from './events/event.repository.js';
import { EventService } from './events/event.service.js';
import { NotificationController } from './notifications/notification.controller.js';
import { NotificationRepository } from './notifications/notification.repository.js';
import { NotificationService } from './notifications/notification.service.js';
import { EVENTS_DATA_SOURCE, EVENTS_OPTIONS } from './events.tokens.js';
import type { EventsOptions } from './events.options.js';

/** Wiring of the events service's HTTP API; no logic lives here. */
@Module({})
export class EventsModule {
  static register(options: EventsOptions): DynamicModule {
    return {
      module: EventsModule,
      controllers: [EventController, LoginMetricsController, NotificationController],
      providers: [
        { provide: EVENTS_OPTIONS, useValue: options },
        { provide: EVENTS_DATA_SOURCE, useValue: options.dataSource },
        { provide: PRINCIPAL_RESOLVER, useValue: options.principals },
        EventRepository,
        EventService,
        NotificationRepository,
        NotificationService,
      ],
    };
  }
}

/** The module for building the OpenAPI document in preview mode (nothing instantiated). */
export function eventsApiModule(): DynamicModule {
  return EventsModule.register({} as EventsOptions);
}
