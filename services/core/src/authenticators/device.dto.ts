import { z } from 'zod';
import { DEVICE_TYPES } from './device.entity.js';

export const deviceRenameSchema = z.object({ name: z.string().trim().min(1, 'This field may not be blank.').max(64) });
export type DeviceRename = z.infer<typeof deviceRenameSchema>;

/** A device as the API shows it: what it is and when it was used, never its secret. */
export const deviceReadSchema = z.object({
  pk: z.uuid(),
  name: z.string(),
  type: z.enum(DEVICE_TYPES),
  verbose_name: z.string(),
  meta_model_name: z.string(),
  confirmed: z.boolean(),
  created: z.string(),
  last_used: z.string().nullable(),
  user: z.number().int(),
});
export type DeviceRead = z.infer<typeof deviceReadSchema>;
