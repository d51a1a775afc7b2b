import type { AdminArea } from '../kit/area';

/** The admin's "directory" section. */
export const directoryArea: AdminArea = { section: 'admin.section.directory', items: [] };
