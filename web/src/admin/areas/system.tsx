import type { AdminArea } from '../kit/area';
import { brandResource } from '../system/brands';
import { certificateResource } from '../system/certificates';
import { systemTaskResource } from '../system/system-tasks';

/** The admin's "System" section. */
export const systemArea: AdminArea = {
  section: 'admin.section.system',
  items: [{ resource: brandResource }, { resource: certificateResource }, { resource: systemTaskResource }],
};
