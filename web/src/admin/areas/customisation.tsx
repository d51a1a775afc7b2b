import type { AdminArea } from '../kit/area';
import { policyResource } from '../policies/policies';

/** The admin's "Customisation" section: policies (property mappings and blueprints join it later). */
export const customisationArea: AdminArea = {
  section: 'admin.section.customisation',
  items: [{ resource: policyResource }],
};
