import type { AdminArea } from '../kit/area';
import { eventDetailPage } from '../events/event-detail';
import { eventResource } from '../events/event-resource';
import { ruleResource } from '../events/notification-rules';
import { transportResource } from '../events/notification-transports';

/**
 * The admin's "Events" section: the event log (and, hidden from the navigation, one event's
 * page), notification rules and notification transports.
 */
export const eventsArea: AdminArea = {
  section: 'admin.section.events',
  // The detail page comes first so that it, not the generic resource detail, answers `/events/log/<pk>`.
  items: [{ page: eventDetailPage }, { resource: eventResource }, { resource: ruleResource }, { resource: transportResource }],
};
