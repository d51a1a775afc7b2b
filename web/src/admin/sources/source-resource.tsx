import type { Resource, TypeChoice } from '../kit/resource';
import { oauthSourceResource } from './oauth-source';
import { sourceColumns, sourceWarnings } from './source-fields';

/**
 * The source types that can be created, one entry each; a row of `/sources/all` is handled by
 * the type whose form component it names. SAML, LDAP and Plex sources join here when core has them.
 */
export const SOURCE_TYPES: TypeChoice[] = [
  {
    matches: (row) => row.component === 'ak-source-oauth-form',
    label: 'admin.sources.oauth.singular',
    description: 'admin.sources.oauth.description',
    resource: oauthSourceResource,
  },
];

/** Federation and social login (`/sources/all`): a type picker to create, each type's form to edit. */
export const sourceResource: Resource = {
  route: '/core/sources',
  api: '/api/v3/sources/all',
  title: 'admin.sources.title',
  singular: 'admin.sources.singular',
  description: 'admin.sources.description',
  key: 'slug',
  ordering: 'name',
  columns: sourceColumns,
  warnings: sourceWarnings,
  fields: [],
  editable: false,
  types: SOURCE_TYPES,
};
