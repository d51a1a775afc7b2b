import { text, yesNo } from '../kit/cells';
import type { Field, Reference, Resource } from '../kit/resource';
import { flowReference } from '../providers/oauth2-provider';

const WEB_CERTIFICATES: Reference = { path: '/api/v3/crypto/certificatekeypairs', query: { has_key: 'true' } };

const flowField = (name: string, label: Field['label'], designation: string): Field => ({
  name,
  label,
  kind: 'reference',
  reference: flowReference(designation),
  group: 'admin.brands.flows',
});

/** Brands: per-domain branding and the flows a domain uses by default. */
export const brandResource: Resource = {
  route: '/core/brands',
  api: '/api/v3/core/brands',
  title: 'admin.brands.title',
  singular: 'admin.brands.singular',
  description: 'admin.brands.description',
  key: 'brand_uuid',
  name: (row) => String(row.domain ?? ''),
  ordering: 'domain',
  columns: [
    { label: 'admin.brands.domain', render: (row) => text(row.domain), ordering: 'domain' },
    { label: 'admin.brands.brandingTitle', render: (row) => text(row.branding_title), ordering: 'branding_title' },
    { label: 'admin.brands.default', render: (row) => yesNo(row.default), ordering: 'default' },
    { label: 'admin.brands.eventRetention', render: (row) => text(row.event_retention), detailOnly: true },
  ],
  fields: [
    { name: 'domain', label: 'admin.brands.domain', help: 'admin.brands.domainHelp', kind: 'text', required: true },
    { name: 'default', label: 'admin.brands.default', help: 'admin.brands.defaultHelp', kind: 'switch' },
    {
      name: 'branding_title',
      label: 'admin.brands.brandingTitle',
      kind: 'text',
      required: true,
      initial: 'authmesh',
      group: 'admin.brands.branding',
    },
    {
      name: 'branding_logo',
      label: 'admin.brands.logo',
      help: 'admin.brands.logoHelp',
      kind: 'text',
      required: true,
      initial: '/static/dist/assets/icons/icon_left_brand.svg',
      group: 'admin.brands.branding',
    },
    {
      name: 'branding_favicon',
      label: 'admin.brands.favicon',
      help: 'admin.brands.faviconHelp',
      kind: 'text',
      required: true,
      initial: '/static/dist/assets/icons/icon.png',
      group: 'admin.brands.branding',
    },
    flowField('flow_authentication', 'admin.brands.flowAuthentication', 'authentication'),
    flowField('flow_invalidation', 'admin.brands.flowInvalidation', 'invalidation'),
    flowField('flow_recovery', 'admin.brands.flowRecovery', 'recovery'),
    flowField('flow_unenrollment', 'admin.brands.flowUnenrollment', 'unenrollment'),
    flowField('flow_user_settings', 'admin.brands.flowUserSettings', 'stage_configuration'),
    flowField('flow_device_code', 'admin.brands.flowDeviceCode', 'stage_configuration'),
    {
      name: 'web_certificate',
      label: 'admin.brands.webCertificate',
      help: 'admin.brands.webCertificateHelp',
      kind: 'reference',
      reference: WEB_CERTIFICATES,
      group: 'admin.brands.other',
    },
    {
      name: 'event_retention',
      label: 'admin.brands.eventRetention',
      help: 'admin.brands.eventRetentionHelp',
      kind: 'text',
      required: true,
      initial: 'days=365',
      group: 'admin.brands.other',
    },
    {
      name: 'attributes',
      label: 'admin.brands.attributes',
      help: 'admin.brands.attributesHelp',
      kind: 'json',
      required: true,
      initial: {},
      group: 'admin.brands.other',
    },
  ],
};
