import { text, yesNo } from '../kit/cells';
import type { Field, Resource } from '../kit/resource';
import { PolicyBindings } from '../policies/policy-bindings';
import { sourceColumns, sourceFlowFields, sourceIdentityFields, sourceUserFields, sourceWarnings } from './source-fields';
import { defaultUrls, providerTypeChoices } from './source-types';
import { TrustingProviders } from './trusting-providers';

const protocol = 'admin.sources.oauth.protocolSettings' as const;
const urls = 'admin.sources.oauth.urlSettings' as const;

/** The consumer secret: needed to create a source, write-only, left empty on edit to keep it. */
const secret = (editing: boolean): Field => ({
  name: 'consumer_secret',
  label: 'admin.sources.oauth.consumerSecret',
  help: editing ? 'admin.sources.oauth.consumerSecretEditHelp' : 'admin.sources.oauth.consumerSecretHelp',
  kind: 'password',
  required: !editing,
  writeOnly: true,
  group: protocol,
});

const url = (name: string, label: Field['label'], help: Field['help']): Field => ({
  name,
  label,
  help,
  kind: 'url',
  emptyNull: true,
  group: urls,
});

function oauthFields(editing: boolean): Field[] {
  return [
    ...sourceIdentityFields,
    ...sourceUserFields,
    {
      name: 'provider_type',
      label: 'admin.sources.oauth.providerType',
      help: 'admin.sources.oauth.providerTypeHelp',
      kind: 'select',
      required: true,
      load: providerTypeChoices,
      fills: defaultUrls,
      group: protocol,
    },
    {
      name: 'consumer_key',
      label: 'admin.sources.oauth.consumerKey',
      help: 'admin.sources.oauth.consumerKeyHelp',
      kind: 'text',
      required: true,
      group: protocol,
    },
    secret(editing),
    {
      name: 'additional_scopes',
      label: 'admin.sources.oauth.additionalScopes',
      help: 'admin.sources.oauth.additionalScopesHelp',
      kind: 'text',
      group: protocol,
    },
    url('authorization_url', 'admin.sources.oauth.authorizationUrl', 'admin.sources.oauth.authorizationUrlHelp'),
    url('access_token_url', 'admin.sources.oauth.accessTokenUrl', 'admin.sources.oauth.accessTokenUrlHelp'),
    url('profile_url', 'admin.sources.oauth.profileUrl', 'admin.sources.oauth.profileUrlHelp'),
    url('request_token_url', 'admin.sources.oauth.requestTokenUrl', 'admin.sources.oauth.requestTokenUrlHelp'),
    { ...url('oidc_well_known_url', 'admin.sources.oauth.wellKnownUrl', 'admin.sources.oauth.wellKnownUrlHelp'), emptyNull: false },
    { ...url('oidc_jwks_url', 'admin.sources.oauth.jwksUrl', 'admin.sources.oauth.jwksUrlHelp'), emptyNull: false },
    {
      name: 'oidc_jwks',
      label: 'admin.sources.oauth.jwks',
      help: 'admin.sources.oauth.jwksHelp',
      kind: 'json',
      initial: {},
      group: urls,
    },
    ...sourceFlowFields,
  ];
}

/** OAuth and OpenID Connect sources (`/sources/oauth`): log in with GitHub, Google, another IdP. */
export const oauthSourceResource: Resource = {
  route: '/core/sources',
  api: '/api/v3/sources/oauth',
  title: 'admin.sources.title',
  singular: 'admin.sources.oauth.singular',
  key: 'slug',
  ordering: 'name',
  columns: [
    ...sourceColumns,
    {
      label: 'admin.sources.oauth.providerType',
      render: (row) => text((row.type as { name?: string } | undefined)?.name ?? row.provider_type),
    },
    { label: 'admin.sources.oauth.callbackUrl', render: (row) => text(row.callback_url) },
    { label: 'admin.sources.oauth.consumerSecretSet', render: (row) => yesNo(row.consumer_secret_set) },
  ],
  fields: oauthFields(false),
  editFields: oauthFields(true),
  warnings: [...sourceWarnings, { when: (row) => row.consumer_secret_set === false, message: 'admin.sources.oauth.noConsumerSecret' }],
  tabs: [
    { title: 'admin.policyBindings.title', render: (row) => <PolicyBindings target={String(row.pk)} /> },
    { title: 'admin.sources.oauth.trustedBy', render: (row) => <TrustingProviders slug={String(row.slug)} /> },
  ],
};
