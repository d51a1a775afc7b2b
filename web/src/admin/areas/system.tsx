import type { AdminArea } from '../kit/area';

/** The admin's "system" section. */
export const systemArea: AdminArea = { section: 'admin.section.system', items: [] };
