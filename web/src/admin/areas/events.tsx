import type { AdminArea } from '../kit/area';

/** The admin's "events" section. */
export const eventsArea: AdminArea = { section: 'admin.section.events', items: [] };
