export { eventsService } from './events.service.js';
export { EventsModule, eventsApiModule } from './events.module.js';
