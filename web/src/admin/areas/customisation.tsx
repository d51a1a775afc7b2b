import type { AdminArea } from '../kit/area';

/** The admin's "customisation" section. */
export const customisationArea: AdminArea = { section: 'admin.section.customisation', items: [] };
