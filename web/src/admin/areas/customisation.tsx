import type { AdminArea } from '../kit/area';
import { policyResource } from '../policies/policies';
import { reputationScoreResource } from '../reputation/reputation-scores';

/** The admin's "Customisation" section: policies and reputation scores (property mappings and blueprints join it later). */
export const customisationArea: AdminArea = {
  section: 'admin.section.customisation',
  items: [{ resource: policyResource }, { resource: reputationScoreResource }],
};
