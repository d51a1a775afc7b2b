import type { AdminArea } from '../kit/area';

/** The admin's "dashboards" section. */
export const dashboardsArea: AdminArea = { section: 'admin.section.dashboards', items: [] };
