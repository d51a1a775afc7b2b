import { z } from 'zod';

/** Duo user ids as the Admin API shows them: `DU` and 18 upper-case letters or digits. */
export const DUO_USER_ID = /^DU[A-Z0-9]{18}$/;

/** `import_device_manual`: the authmesh user (by username, as the reference product, or by pk) and the Duo user id. */
export const manualDuoImportSchema = z
  .object({
    username: z.string().trim().min(1, 'This field may not be blank.').max(150).optional(),
    user: z.number().int().positive().optional(),
    duo_user_id: z.string().trim().regex(DUO_USER_ID, 'Not a Duo user id (DU followed by 18 letters or digits).'),
  })
  .refine((body) => (body.username === undefined) !== (body.user === undefined), {
    message: 'Give either username or user.',
    path: ['username'],
  });

export type ManualDuoImport = z.infer<typeof manualDuoImportSchema>;

/** `import_devices_automatic`: how many devices were created, and the reason when none could be. */
export interface DuoImportResult {
  count: number;
  error: string;
}
