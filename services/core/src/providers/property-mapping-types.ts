import type { ModelRef } from '../audit/event-publisher.js';

/** How one kind of property mapping is named in the API and in events. */
export interface PropertyMappingType {
  component: string;
  meta_model_name: string;
  verbose_name: string;
  verbose_name_plural: string;
  /** The reference product's app label, used in events and `used_by` answers. */
  app: string;
  model_name: string;
}

/**
 * Every kind of property mapping, by the `type` column of `core.property_mappings`. Adding a kind
 * (SAML, LDAP, SCIM, ...) means adding one entry here beside its own typed endpoint.
 */
export const PROPERTY_MAPPING_TYPES: Record<string, PropertyMappingType> = {
  scope: {
    component: 'ak-property-mapping-scope-form',
    meta_model_name: 'authentik_providers_oauth2.scopemapping',
    verbose_name: 'Scope Mapping',
    verbose_name_plural: 'Scope Mappings',
    app: 'authentik_providers_oauth2',
    model_name: 'scopemapping',
  },
  notification: {
    component: 'ak-property-mapping-notification-form',
    meta_model_name: 'authentik_events.notificationwebhookmapping',
    verbose_name: 'Webhook Mapping',
    verbose_name_plural: 'Webhook Mappings',
    app: 'authentik_events',
    model_name: 'notificationwebhookmapping',
  },
};

/** The names of a mapping type; an unknown type (a newer row than this code) still gets a shape. */
export function propertyMappingType(type: string): PropertyMappingType {
  return (
    PROPERTY_MAPPING_TYPES[type] ?? {
      component: `ak-property-mapping-${type}-form`,
      meta_model_name: `authentik_core.${type}mapping`,
      verbose_name: 'Property Mapping',
      verbose_name_plural: 'Property Mappings',
      app: 'authentik_core',
      model_name: `${type}mapping`,
    }
  );
}

/** The event reference of a mapping. */
export function propertyMappingRef(mapping: { id: string; name: string; type: string }): ModelRef {
  const type = propertyMappingType(mapping.type);
  return { app: type.app, model_name: type.model_name, pk: mapping.id, name: mapping.name };
}
