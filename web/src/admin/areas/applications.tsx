import type { ReactNode } from 'react';
import { Link } from '../../shared/router';
import type { AdminArea } from '../kit/area';
import { text } from '../kit/cells';
import type { Resource } from '../kit/resource';
import type { Row } from '../kit/resource-api';
import { PolicyBindings } from '../policies/policy-bindings';
import { providerResource } from '../providers/providers';

/** The application's provider, linked to the provider's page. */
function providerLink(row: Row): ReactNode {
  const provider = row.provider_obj as Row | null | undefined;
  if (!provider) return '-';
  return <Link to={`/core/providers/${encodeURIComponent(String(provider.pk))}`}>{text(provider.name)}</Link>;
}

/** Where the application starts, as a link that opens in a new tab (only http(s) addresses are linked). */
function launchLink(row: Row): ReactNode {
  const url = row.launch_url;
  if (typeof url !== 'string' || !url) return '-';
  if (!/^https?:\/\//i.test(url)) return url;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer">
      {url}
    </a>
  );
}

/** Applications: what users see and launch, tied to a provider and guarded by policies. */
export const applicationResource: Resource = {
  route: '/core/applications',
  api: '/api/v3/core/applications',
  title: 'admin.applications.title',
  singular: 'admin.applications.singular',
  description: 'admin.applications.description',
  key: 'slug',
  ordering: 'name',
  columns: [
    { label: 'admin.field.name', render: (row) => text(row.name), ordering: 'name' },
    { label: 'admin.field.slug', render: (row) => text(row.slug), ordering: 'slug' },
    { label: 'admin.applications.group', render: (row) => text(row.group), ordering: 'group' },
    { label: 'admin.applications.provider', render: providerLink },
    { label: 'admin.applications.launchUrl', render: launchLink },
  ],
  warnings: [{ when: (row) => row.provider === null, message: 'admin.applications.noProvider' }],
  fields: [
    { name: 'name', label: 'admin.field.name', help: 'admin.applications.nameHelp', kind: 'text', required: true },
    { name: 'slug', label: 'admin.field.slug', help: 'admin.applications.slugHelp', kind: 'slug', required: true },
    { name: 'group', label: 'admin.applications.group', help: 'admin.applications.groupHelp', kind: 'text' },
    {
      name: 'provider',
      label: 'admin.applications.provider',
      kind: 'reference',
      reference: { path: '/api/v3/providers/all' },
    },
    {
      name: 'policy_engine_mode',
      label: 'admin.field.policyEngineMode',
      kind: 'select',
      required: true,
      initial: 'any',
      choices: [
        { value: 'any', label: 'admin.policyEngineMode.any' },
        { value: 'all', label: 'admin.policyEngineMode.all' },
      ],
    },
    {
      name: 'meta_launch_url',
      label: 'admin.applications.launchUrl',
      help: 'admin.applications.launchUrlHelp',
      kind: 'text',
      group: 'admin.applications.ui',
    },
    { name: 'open_in_new_tab', label: 'admin.applications.newTab', kind: 'switch', group: 'admin.applications.ui' },
    {
      name: 'meta_icon',
      label: 'admin.applications.icon',
      help: 'admin.applications.iconHelp',
      kind: 'text',
      group: 'admin.applications.ui',
    },
    { name: 'meta_publisher', label: 'admin.applications.publisher', kind: 'text', group: 'admin.applications.ui' },
    { name: 'meta_description', label: 'admin.field.description', kind: 'textarea', group: 'admin.applications.ui' },
  ],
  tabs: [{ title: 'admin.policyBindings.title', render: (row) => <PolicyBindings target={String(row.pk)} /> }],
};

/** The admin's "Applications" section. */
export const applicationsArea: AdminArea = {
  section: 'admin.section.applications',
  items: [{ resource: applicationResource }, { resource: providerResource }],
};
