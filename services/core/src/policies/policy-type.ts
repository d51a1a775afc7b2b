import type { SettingsType } from '../common/typed-settings.js';

/**
 * One kind of policy, as configuration: its API path, its blueprint model names and the
 * schema of its settings. Each type is a folder under policies/types; its runtime (how it
 * decides) lives in the flows service.
 */
export interface PolicyType extends SettingsType {
  /** Stored in policies.type, e.g. `expression`. */
  type: string;
  /** Segment of `/api/v3/policies/<path>/`, as in the reference product. */
  path: string;
  /** Our blueprint model name, e.g. `authmesh_policies_expression.expressionpolicy`. */
  modelName: string;
  /** The reference product's blueprint model name. */
  alias: string;
  /** Display name of the type in lists. */
  verboseName: string;
}
