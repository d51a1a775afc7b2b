import { useI18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/locales';
import { text } from '../kit/cells';
import type { Resource, TypeChoice } from '../kit/resource';
import type { Row } from '../kit/resource-api';
import { assignedApplication, oauth2ProviderResource } from './oauth2-provider';

/** One provider type: the `component` its rows carry in `/providers/all` and the resource that edits it. */
function providerType(component: string, label: MessageKey, description: MessageKey, resource: Resource): TypeChoice {
  return { matches: (row) => row.component === component, label, description, resource };
}

/**
 * The provider types the admin can create. SAML, LDAP, RADIUS, proxy and SCIM providers are each
 * one more entry here once their API exists.
 */
export const PROVIDER_TYPES: TypeChoice[] = [
  providerType('ak-provider-oauth2-form', 'admin.oauth2.singular', 'admin.oauth2.typeDescription', oauth2ProviderResource),
];

function TypeCell({ row }: { row: Row }) {
  const { t } = useI18n();
  const type = PROVIDER_TYPES.find((choice) => choice.matches(row));
  return type ? t(type.label) : text(row.meta_model_name);
}

/** Every provider, whatever its type: what an application uses to speak a protocol. */
export const providerResource: Resource = {
  route: '/core/providers',
  api: '/api/v3/providers/all',
  title: 'admin.providers.title',
  singular: 'admin.providers.singular',
  description: 'admin.providers.description',
  ordering: 'name',
  columns: [
    { label: 'admin.field.name', render: (row) => text(row.name), ordering: 'name' },
    { label: 'admin.providers.type', render: (row) => <TypeCell row={row} />, ordering: 'type' },
    { label: 'admin.providers.application', render: assignedApplication },
  ],
  warnings: [{ when: (row) => !row.assigned_application_slug, message: 'admin.providers.notAssigned' }],
  fields: [],
  types: PROVIDER_TYPES,
};
