import { z } from 'zod';
import { durationSchema } from '../../../common/field-schemas.js';
import type { StageType } from '../../stage-type.js';

/** Asks the user to agree to share their data with an application. */
export const consentStage: StageType = {
  type: 'consent',
  path: 'consent',
  modelName: 'authmesh_stages_consent.consentstage',
  alias: 'authentik_stages_consent.consentstage',
  component: 'ak-stage-consent',
  settings: z.object({
    mode: z.enum(['always_require', 'permanent', 'expiring']).default('always_require'),
    consent_expire_in: durationSchema.default('weeks=4'),
  }),
};
