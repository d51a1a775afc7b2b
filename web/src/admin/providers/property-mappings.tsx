import { useI18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/locales';
import { text, yesNo } from '../kit/cells';
import type { Field, Resource, TypeChoice } from '../kit/resource';
import type { Row } from '../kit/resource-api';
import { MappingTest } from './mapping-test';

const ROUTE = '/core/property-mappings';
const SCOPE_HINT: MessageKey = 'admin.mappings.scopeContextHint';
const WEBHOOK_HINT: MessageKey = 'admin.mappings.webhookContextHint';

const expression: Field = {
  name: 'expression',
  label: 'admin.mappings.expression',
  help: 'admin.mappings.expressionHelp',
  kind: 'code',
  required: true,
};

/** OAuth2 scope mappings: the claims a scope adds to tokens and userinfo. */
export const scopeMappingResource: Resource = {
  route: ROUTE,
  api: '/api/v3/propertymappings/scope',
  title: 'admin.mappings.title',
  singular: 'admin.mappings.scope',
  ordering: 'name',
  columns: [
    { label: 'admin.field.name', render: (row) => text(row.name), ordering: 'name' },
    { label: 'admin.mappings.scopeName', render: (row) => text(row.scope_name), ordering: 'scope_name' },
    { label: 'admin.field.description', render: (row) => text(row.description) },
    { label: 'admin.mappings.managed', render: (row) => yesNo(row.managed) },
    {
      label: 'admin.mappings.expression',
      render: (row) => <pre className="am-code">{String(row.expression ?? '')}</pre>,
      detailOnly: true,
    },
  ],
  fields: [
    { name: 'name', label: 'admin.field.name', kind: 'text', required: true },
    { name: 'scope_name', label: 'admin.mappings.scopeName', help: 'admin.mappings.scopeNameHelp', kind: 'text', required: true },
    { name: 'description', label: 'admin.field.description', help: 'admin.mappings.descriptionHelp', kind: 'text' },
    expression,
  ],
  tabs: [{ title: 'admin.mappings.test', render: (row) => <MappingTest mapping={row} contextHint={SCOPE_HINT} /> }],
};

/** Webhook mappings: the JSON body sent to an HTTP endpoint (SMS gateways, notification webhooks). */
export const webhookMappingResource: Resource = {
  route: ROUTE,
  api: '/api/v3/propertymappings/notification',
  title: 'admin.mappings.title',
  singular: 'admin.mappings.webhook',
  ordering: 'name',
  columns: [
    { label: 'admin.field.name', render: (row) => text(row.name), ordering: 'name' },
    { label: 'admin.mappings.managed', render: (row) => yesNo(row.managed) },
    {
      label: 'admin.mappings.expression',
      render: (row) => <pre className="am-code">{String(row.expression ?? '')}</pre>,
      detailOnly: true,
    },
  ],
  fields: [{ name: 'name', label: 'admin.field.name', kind: 'text', required: true }, expression],
  tabs: [{ title: 'admin.mappings.test', render: (row) => <MappingTest mapping={row} contextHint={WEBHOOK_HINT} /> }],
};

function mappingType(component: string, label: MessageKey, description: MessageKey, resource: Resource): TypeChoice {
  return { matches: (row) => row.component === component, label, description, resource };
}

/** The mapping kinds the admin can create; a SAML, LDAP or SCIM mapping is one more entry. */
export const MAPPING_TYPES: TypeChoice[] = [
  mappingType('ak-property-mapping-scope-form', 'admin.mappings.scope', 'admin.mappings.scopeDescription', scopeMappingResource),
  mappingType(
    'ak-property-mapping-notification-form',
    'admin.mappings.webhook',
    'admin.mappings.webhookDescription',
    webhookMappingResource,
  ),
];

function TypeCell({ row }: { row: Row }) {
  const { t } = useI18n();
  const type = MAPPING_TYPES.find((choice) => choice.matches(row));
  return type ? t(type.label) : text(row.verbose_name);
}

/** Every property mapping, whatever its kind. */
export const propertyMappingResource: Resource = {
  route: ROUTE,
  api: '/api/v3/propertymappings/all',
  title: 'admin.mappings.title',
  singular: 'admin.mappings.singular',
  description: 'admin.mappings.description',
  ordering: 'name',
  columns: [
    { label: 'admin.field.name', render: (row) => text(row.name), ordering: 'name' },
    { label: 'admin.mappings.type', render: (row) => <TypeCell row={row} />, ordering: 'type' },
    { label: 'admin.mappings.managed', render: (row) => yesNo(row.managed) },
  ],
  fields: [],
  types: MAPPING_TYPES,
};
