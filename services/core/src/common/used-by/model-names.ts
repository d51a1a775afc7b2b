import { POLICY_TYPES } from '../../policies/policy-types.js';
import { STAGE_TYPES } from '../../stages/stage-types.js';

/** A model in the reference product's vocabulary: its Django app label and model name. */
export interface ModelName {
  app: string;
  model_name: string;
}

function model(alias: string): ModelName {
  const [app, model_name] = alias.split('.');
  return { app, model_name };
}

/** Tables that hold one model. */
const TABLE_MODELS: Record<string, ModelName> = {
  users: model('authentik_core.user'),
  groups: model('authentik_core.group'),
  tokens: model('authentik_core.token'),
  applications: model('authentik_core.application'),
  sessions: model('authentik_core.authenticatedsession'),
  brands: model('authentik_brands.brand'),
  certificate_key_pairs: model('authentik_crypto.certificatekeypair'),
  flows: model('authentik_flows.flow'),
  flow_stage_bindings: model('authentik_flows.flowstagebinding'),
  policy_bindings: model('authentik_policies.policybinding'),
  prompts: model('authentik_stages_prompt.prompt'),
  invitations: model('authentik_stages_invitation.invitation'),
  user_consents: model('authentik_stages_consent.userconsent'),
  blueprint_instances: model('authentik_blueprints.blueprintinstance'),
  notification_transports: model('authentik_events.notificationtransport'),
  notification_rules: model('authentik_events.notificationrule'),
};

const PROPERTY_MAPPING_MODELS: Record<string, ModelName> = {
  scope: model('authentik_providers_oauth2.scopemapping'),
  notification: model('authentik_events.notificationwebhookmapping'),
};

/** Tables that hold several models, told apart by their `type` column. */
const TYPED_TABLE_MODELS: Record<string, (type: string) => ModelName | undefined> = {
  stages: (type) => aliasOf(STAGE_TYPES, type),
  policies: (type) => aliasOf(POLICY_TYPES, type),
  providers: (type) => ({ app: `authentik_providers_${type}`, model_name: `${compact(type)}provider` }),
  property_mappings: (type) => PROPERTY_MAPPING_MODELS[type],
  sources: (type) => ({ app: `authentik_sources_${type}`, model_name: `${compact(type)}source` }),
  authenticator_devices: (type) => ({ app: `authentik_stages_authenticator_${type}`, model_name: `${compact(type)}device` }),
};

/**
 * The reference product's app and model name of a row of `table` (whose `type` column
 * holds `type`, for tables of several types). A table the reference product has no model
 * for gets `authmesh_core` and a name made from the table's.
 */
export function modelNameOf(table: string, type: string | null): ModelName {
  const typed = type === null ? undefined : TYPED_TABLE_MODELS[table]?.(type);
  return typed ?? TABLE_MODELS[table] ?? { app: 'authmesh_core', model_name: compact(table.replace(/s$/, '')) };
}

/**
 * A row's human name: the first of these columns the table has that is not empty (else its
 * primary key); bindings, which have none, are named by their order.
 */
export const NAME_COLUMNS = ['name', 'slug', 'username', 'identifier', 'domain', 'field_key'] as const;
export const NAME_EXPRESSIONS: Record<string, (alias: string) => string> = {
  flow_stage_bindings: (a) => `'Stage binding #' || ${a}."order"`,
  policy_bindings: (a) => `'Policy binding #' || ${a}."order"`,
};

function aliasOf(types: ReadonlyArray<{ type: string; alias: string }>, type: string): ModelName | undefined {
  const found = types.find((t) => t.type === type);
  return found ? model(found.alias) : undefined;
}

function compact(name: string): string {
  return name.replace(/_/g, '');
}
