import type { UsedByAction } from './used-by.js';

/**
 * A reference stored inside a JSON settings column rather than as a foreign key: stage
 * settings name flows, stages, prompts, policies, groups and mappings by id. The database
 * does not enforce these, so deleting the target leaves them pointing nowhere: a single
 * reference then names nothing (reported as `set_null`) and a list loses an entry
 * (reported as `cascade_many`).
 */
export interface SettingsReference {
  table: string;
  column: string;
  key: string;
  /** The table whose primary key the setting holds. */
  target: string;
  /** A list of ids (the entry drops out) rather than one id (the setting reads as unset). */
  list: boolean;
}

function stageSetting(key: string, target: string, list = false): SettingsReference {
  return { table: 'stages', column: 'config', key, target, list };
}

/** Every id-valued stage setting (see stages/types/*), whatever the stage type. */
export const SETTINGS_REFERENCES: readonly SettingsReference[] = [
  stageSetting('configure_flow', 'flows'),
  stageSetting('enrollment_flow', 'flows'),
  stageSetting('recovery_flow', 'flows'),
  stageSetting('passwordless_flow', 'flows'),
  stageSetting('password_stage', 'stages'),
  stageSetting('webauthn_stage', 'stages'),
  stageSetting('configuration_stages', 'stages', true),
  stageSetting('fields', 'prompts', true),
  stageSetting('validation_policies', 'policies', true),
  stageSetting('mapping', 'property_mappings'),
  stageSetting('create_users_group', 'groups'),
  stageSetting('sources', 'sources', true),
];

/** What deleting the target does to the object holding the setting. */
export function settingsAction(reference: SettingsReference): UsedByAction {
  return reference.list ? 'cascade_many' : 'set_null';
}
