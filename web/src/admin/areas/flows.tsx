import type { AdminArea } from '../kit/area';

/** The admin's "flows" section. */
export const flowsArea: AdminArea = { section: 'admin.section.flows', items: [] };
