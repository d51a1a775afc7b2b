import { z } from 'zod';
import { optionalUuidSchema } from '../../../common/field-schemas.js';
import type { StageType } from '../../stage-type.js';

/** Enrolls Duo Mobile (Duo Auth API) so logins can be approved by push. */
export const authenticatorDuoStage: StageType = {
  type: 'authenticator_duo',
  path: 'authenticator/duo',
  modelName: 'authmesh_stages_authenticator_duo.authenticatorduostage',
  alias: 'authentik_stages_authenticator_duo.authenticatorduostage',
  component: 'ak-stage-authenticator-duo',
  secrets: ['client_secret', 'admin_secret_key'],
  settings: z.object({
    client_id: z.string().min(1, 'This field may not be blank.').max(255),
    client_secret: z.string().min(1, 'This field may not be blank.').max(255),
    api_hostname: z
      .string()
      .min(1, 'This field may not be blank.')
      .max(255)
      .regex(/^[A-Za-z0-9.-]+(:\d{1,5})?$/, 'A host name such as api-xxxxxxxx.duosecurity.com.'),
    admin_integration_key: z.string().max(255).default(''),
    admin_secret_key: z.string().max(255).default(''),
    configure_flow: optionalUuidSchema,
    friendly_name: z.string().max(255).nullable().default(null),
  }),
};
