import type { z } from 'zod';
import type { SettingsType } from '../common/typed-settings.js';

/**
 * One kind of stage, as configuration: its API path, its model names in blueprints and
 * the schema of its settings. Each type is a folder under stages/types; its runtime lives
 * in the flows service.
 */
export interface StageType extends SettingsType {
  /** Stored in stages.type, e.g. `user_login`. */
  type: string;
  /** Segment of `/api/v3/stages/<path>/`, as in the reference product (e.g. `user_login`). */
  path: string;
  /** Our blueprint model name, e.g. `authmesh_stages_user_login.userloginstage`. */
  modelName: string;
  /** The reference product's blueprint model name. */
  alias: string;
  /** The type's own settings (besides `name`), with defaults. */
  settings: z.ZodObject;
  /** The component the flow executor renders for it. */
  component: string;
}
