import {
  Alert,
  Button,
  CodeBlock,
  CodeBlockCode,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  FormGroup,
  FormSelect,
  FormSelectOption,
  Spinner,
} from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import { api } from '../../shared/api/client';
import { useI18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/locales';
import { Link } from '../../shared/router';
import { text } from '../kit/cells';
import { CopyValue } from '../kit/copy-value';
import type { Field, Reference, Resource } from '../kit/resource';
import { listPage, type Row } from '../kit/resource-api';
import { RedirectUrisInput, type RedirectUri } from './redirect-uris-input';
import { RetiredKeys } from './retired-keys';
import { ScopeMappingsInput } from './scope-mappings-input';

/** A flow picker limited to one designation. */
export function flowReference(designation: string): Reference {
  return { path: '/api/v3/flows/instances', query: { designation }, label: (row) => `${String(row.name)} (${String(row.slug)})` };
}

const SIGNING_KEYS: Reference = { path: '/api/v3/crypto/certificatekeypairs', query: { has_key: 'true' } };

const SUB_MODES: { value: string; label: MessageKey }[] = [
  { value: 'hashed_user_id', label: 'admin.oauth2.subHashedId' },
  { value: 'user_id', label: 'admin.oauth2.subId' },
  { value: 'user_uuid', label: 'admin.oauth2.subUuid' },
  { value: 'user_username', label: 'admin.oauth2.subUsername' },
  { value: 'user_email', label: 'admin.oauth2.subEmail' },
  { value: 'user_upn', label: 'admin.oauth2.subUpn' },
];

const confidential = (values: Row) => values.client_type !== 'public';

const fields: Field[] = [
  { name: 'name', label: 'admin.field.name', kind: 'text', required: true },
  {
    name: 'authentication_flow',
    label: 'admin.providers.authenticationFlow',
    help: 'admin.providers.authenticationFlowHelp',
    kind: 'reference',
    reference: flowReference('authentication'),
  },
  {
    name: 'authorization_flow',
    label: 'admin.providers.authorizationFlow',
    help: 'admin.providers.authorizationFlowHelp',
    kind: 'reference',
    required: true,
    reference: flowReference('authorization'),
  },
  {
    name: 'client_type',
    label: 'admin.oauth2.clientType',
    help: 'admin.oauth2.clientTypeHelp',
    kind: 'select',
    required: true,
    initial: 'confidential',
    choices: [
      { value: 'confidential', label: 'admin.oauth2.confidential' },
      { value: 'public', label: 'admin.oauth2.public' },
    ],
    group: 'admin.oauth2.protocol',
  },
  {
    name: 'client_id',
    label: 'admin.oauth2.clientId',
    help: 'admin.oauth2.clientIdHelp',
    kind: 'text',
    omitEmpty: true,
    group: 'admin.oauth2.protocol',
  },
  {
    name: 'client_secret',
    label: 'admin.oauth2.clientSecret',
    help: 'admin.oauth2.clientSecretHelp',
    kind: 'password',
    writeOnly: true,
    visible: confidential,
    group: 'admin.oauth2.protocol',
  },
  {
    name: 'redirect_uris',
    label: 'admin.oauth2.redirectUris',
    help: 'admin.oauth2.redirectUrisHelp',
    kind: 'custom',
    initial: [],
    input: (props) => <RedirectUrisInput {...props} />,
    group: 'admin.oauth2.protocol',
  },
  {
    name: 'signing_key',
    label: 'admin.oauth2.signingKey',
    help: 'admin.oauth2.signingKeyHelp',
    kind: 'reference',
    reference: SIGNING_KEYS,
    group: 'admin.oauth2.protocol',
  },
  {
    name: 'access_code_validity',
    label: 'admin.oauth2.accessCodeValidity',
    help: 'admin.oauth2.durationHelp',
    kind: 'text',
    required: true,
    initial: 'minutes=1',
    group: 'admin.oauth2.advanced',
  },
  {
    name: 'access_token_validity',
    label: 'admin.oauth2.accessTokenValidity',
    help: 'admin.oauth2.durationHelp',
    kind: 'text',
    required: true,
    initial: 'minutes=5',
    group: 'admin.oauth2.advanced',
  },
  {
    name: 'refresh_token_validity',
    label: 'admin.oauth2.refreshTokenValidity',
    help: 'admin.oauth2.durationHelp',
    kind: 'text',
    required: true,
    initial: 'days=30',
    group: 'admin.oauth2.advanced',
  },
  {
    name: 'property_mappings',
    label: 'admin.oauth2.scopes',
    help: 'admin.oauth2.scopesHelp',
    kind: 'custom',
    // Untouched (a new provider whose choices did not load) is left out, and the API starts empty.
    omitEmpty: true,
    input: (props) => <ScopeMappingsInput {...props} />,
    group: 'admin.oauth2.advanced',
  },
  {
    name: 'sub_mode',
    label: 'admin.oauth2.subMode',
    help: 'admin.oauth2.subModeHelp',
    kind: 'select',
    required: true,
    initial: 'hashed_user_id',
    choices: SUB_MODES,
    group: 'admin.oauth2.advanced',
  },
  {
    name: 'include_claims_in_id_token',
    label: 'admin.oauth2.claimsInIdToken',
    help: 'admin.oauth2.claimsInIdTokenHelp',
    kind: 'switch',
    initial: true,
    group: 'admin.oauth2.advanced',
  },
  {
    name: 'issuer_mode',
    label: 'admin.oauth2.issuerMode',
    help: 'admin.oauth2.issuerModeHelp',
    kind: 'select',
    required: true,
    initial: 'per_provider',
    choices: [
      { value: 'per_provider', label: 'admin.oauth2.issuerPerProvider' },
      { value: 'global', label: 'admin.oauth2.issuerGlobal' },
    ],
    group: 'admin.oauth2.advanced',
  },
  {
    name: 'backchannel_logout_uri',
    label: 'admin.oauth2.backchannelLogoutUri',
    help: 'admin.oauth2.backchannelLogoutUriHelp',
    kind: 'url',
    group: 'admin.oauth2.advanced',
  },
  {
    name: 'jwks_sources',
    label: 'admin.oauth2.jwksSources',
    help: 'admin.oauth2.jwksSourcesHelp',
    kind: 'references',
    reference: { path: '/api/v3/sources/oauth' },
    group: 'admin.oauth2.machineToMachine',
  },
];

/** The application a provider is assigned to, as a link, or a dash. */
export function assignedApplication(row: Row) {
  const slug = row.assigned_application_slug;
  if (typeof slug !== 'string' || !slug) return '-';
  return <Link to={`/core/applications/${encodeURIComponent(slug)}`}>{text(row.assigned_application_name ?? slug)}</Link>;
}

function ClientTypeCell({ value }: { value: unknown }) {
  const { t } = useI18n();
  return t(value === 'public' ? 'admin.oauth2.public' : 'admin.oauth2.confidential');
}

function RegexTag() {
  const { t } = useI18n();
  return <span className="am-muted">({t('admin.oauth2.regex')})</span>;
}

function redirectUrisCell(row: Row) {
  const uris = Array.isArray(row.redirect_uris) ? (row.redirect_uris as RedirectUri[]) : [];
  if (uris.length === 0) return '-';
  return (
    <ul className="am-plain-list">
      {uris.map((uri, index) => (
        <li key={index}>
          <code>{uri.url}</code> {uri.matching_mode === 'regex' ? <RegexTag /> : null}
        </li>
      ))}
    </ul>
  );
}

/** The secret an OAuth2 provider was created with, which the API answers only this once. */
export function SecretShownOnce({ secret }: { secret: string }) {
  const { t } = useI18n();
  return (
    <>
      <Alert variant="warning" isInline title={t('admin.oauth2.secretOnce')} />
      <FormGroup label={t('admin.oauth2.clientSecret')} fieldId="created-secret">
        <CopyValue value={secret} label={t('admin.oauth2.clientSecret')} />
      </FormGroup>
    </>
  );
}

const SETUP_URLS: { key: string; label: MessageKey }[] = [
  { key: 'issuer', label: 'admin.oauth2.urlIssuer' },
  { key: 'provider_info', label: 'admin.oauth2.urlProviderInfo' },
  { key: 'authorize', label: 'admin.oauth2.urlAuthorize' },
  { key: 'token', label: 'admin.oauth2.urlToken' },
  { key: 'user_info', label: 'admin.oauth2.urlUserInfo' },
  { key: 'logout', label: 'admin.oauth2.urlLogout' },
  { key: 'jwks', label: 'admin.oauth2.urlJwks' },
  { key: 'device', label: 'admin.oauth2.urlDevice' },
  { key: 'introspect', label: 'admin.oauth2.urlIntrospect' },
  { key: 'revoke', label: 'admin.oauth2.urlRevoke' },
];

/** The URLs an application is configured with, each copyable. */
export function SetupUrls({ provider }: { provider: Row }) {
  const { t } = useI18n();
  const [urls, setUrls] = useState<Record<string, string | null> | undefined>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    api
      .GET('/api/v3/providers/oauth2/{id}/setup_urls', { params: { path: { id: Number(provider.pk) } } })
      .then(({ data }) => live && (data ? setUrls(data) : setFailed(true)))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [provider.pk]);
  if (failed) return <Alert variant="danger" isInline title={t('admin.oauth2.setupFailed')} />;
  if (!urls) return <Spinner size="md" aria-label={t('flow.loading')} />;
  return (
    <DescriptionList isHorizontal>
      <DescriptionListGroup>
        <DescriptionListTerm>{t('admin.oauth2.clientId')}</DescriptionListTerm>
        <DescriptionListDescription>
          <CopyValue value={String(provider.client_id)} label={t('admin.oauth2.clientId')} />
        </DescriptionListDescription>
      </DescriptionListGroup>
      {SETUP_URLS.filter(({ key }) => urls[key]).map(({ key, label }) => (
        <DescriptionListGroup key={key}>
          <DescriptionListTerm>{t(label)}</DescriptionListTerm>
          <DescriptionListDescription>
            <CopyValue value={String(urls[key])} label={t(label)} />
          </DescriptionListDescription>
        </DescriptionListGroup>
      ))}
    </DescriptionList>
  );
}

/** The claims a token for a chosen user would carry, computed by the API from the provider's scope mappings. */
export function PreviewUser({ provider }: { provider: Row }) {
  const { t } = useI18n();
  const [users, setUsers] = useState<Row[] | undefined>();
  const [user, setUser] = useState('');
  const [preview, setPreview] = useState<{ claims?: unknown; error?: string } | undefined>();
  useEffect(() => {
    let live = true;
    listPage('/api/v3/core/users', { page_size: 100, ordering: 'username' })
      .then((page) => live && setUsers(page.results))
      .catch(() => live && setUsers([]));
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    if (!user) return;
    let live = true;
    setPreview(undefined);
    api
      .GET('/api/v3/providers/oauth2/{id}/preview_user', {
        params: { path: { id: Number(provider.pk) }, query: { for_user: Number(user) } },
      })
      .then(({ data, error }) => {
        if (!live) return;
        if (data) setPreview({ claims: data.preview });
        else
          setPreview({
            error:
              Object.values((error ?? {}) as Record<string, unknown>)
                .flat()
                .map(String)
                .join(' ') || t('admin.oauth2.previewFailed'),
          });
      })
      .catch(() => live && setPreview({ error: t('admin.oauth2.previewFailed') }));
    return () => {
      live = false;
    };
  }, [provider.pk, user, t]);
  if (!users) return <Spinner size="md" aria-label={t('flow.loading')} />;
  return (
    <>
      <FormGroup label={t('admin.oauth2.previewFor')} fieldId="preview-user">
        <FormSelect id="preview-user" value={user} onChange={(_event, next) => setUser(next)}>
          <FormSelectOption value="" label={t('admin.oauth2.previewPick')} isDisabled />
          {users.map((row) => (
            <FormSelectOption key={String(row.pk)} value={String(row.pk)} label={String(row.username)} />
          ))}
        </FormSelect>
      </FormGroup>
      {user && !preview ? <Spinner size="md" aria-label={t('flow.loading')} /> : null}
      {preview?.error ? <Alert variant="danger" isInline title={preview.error} /> : null}
      {preview?.claims ? (
        <CodeBlock aria-label={t('admin.oauth2.previewPayload')}>
          <CodeBlockCode>{JSON.stringify(preview.claims, null, 2)}</CodeBlockCode>
        </CodeBlock>
      ) : null}
    </>
  );
}

/** Reveals the stored client secret on request; the API checks the permission and records the view. */
function ViewClientSecret({ provider }: { provider: Row }) {
  const { t } = useI18n();
  const [secret, setSecret] = useState<string | undefined>();
  const [failed, setFailed] = useState(false);
  if (provider.client_type === 'public' || provider.client_secret_set === false) return null;
  if (secret !== undefined) return <CopyValue value={secret} label={t('admin.oauth2.clientSecret')} />;
  return (
    <>
      <Button
        variant="secondary"
        onClick={() =>
          api
            .GET('/api/v3/providers/oauth2/{id}/view_client_secret', { params: { path: { id: Number(provider.pk) } } })
            .then(({ data }) => (data ? setSecret(data.client_secret) : setFailed(true)))
            .catch(() => setFailed(true))
        }
      >
        {t('admin.oauth2.viewSecret')}
      </Button>
      {failed ? <Alert variant="danger" isInline isPlain title={t('admin.oauth2.viewSecretFailed')} /> : null}
    </>
  );
}

/** OAuth2/OpenID Connect providers. */
export const oauth2ProviderResource: Resource = {
  route: '/core/providers',
  api: '/api/v3/providers/oauth2',
  title: 'admin.providers.title',
  singular: 'admin.oauth2.singular',
  ordering: 'name',
  columns: [
    { label: 'admin.field.name', render: (row) => text(row.name), ordering: 'name' },
    { label: 'admin.providers.application', render: assignedApplication },
    { label: 'admin.oauth2.clientType', render: (row) => <ClientTypeCell value={row.client_type} /> },
    { label: 'admin.oauth2.clientId', render: (row) => text(row.client_id) },
    { label: 'admin.oauth2.redirectUris', render: redirectUrisCell },
    { label: 'admin.oauth2.accessTokenValidity', render: (row) => text(row.access_token_validity) },
  ],
  warnings: [{ when: (row) => !row.assigned_application_slug, message: 'admin.providers.notAssigned' }],
  fields,
  created: (row) => (typeof row.client_secret === 'string' && row.client_secret ? <SecretShownOnce secret={row.client_secret} /> : null),
  actions: (row) => <ViewClientSecret provider={row} />,
  tabs: [
    { title: 'admin.oauth2.setupUrls', render: (row) => <SetupUrls provider={row} /> },
    { title: 'admin.oauth2.preview', render: (row) => <PreviewUser provider={row} /> },
    { title: 'admin.oauth2.signingKeys', render: (row) => <RetiredKeys provider={row} /> },
  ],
};
