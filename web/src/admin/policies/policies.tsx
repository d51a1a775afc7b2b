import { text } from '../kit/cells';
import type { Resource } from '../kit/resource';
import { PolicyCache } from './policy-cache';
import { BoundTo } from './policy-cells';
import { POLICY_TYPES } from './policy-types';

/** Policies of every type (`/policies/all`): a type picker to create, each type's form to edit. */
export const policyResource: Resource = {
  route: '/policy/policies',
  api: '/api/v3/policies/all',
  title: 'admin.policies.title',
  singular: 'admin.policies.singular',
  description: 'admin.policies.description',
  ordering: 'name',
  columns: [
    { label: 'admin.field.name', render: (row) => text(row.name), ordering: 'name' },
    { label: 'admin.policies.type', render: (row) => text(row.verbose_name) },
    { label: 'admin.policies.boundTo', render: (row) => <BoundTo count={row.bound_to} /> },
  ],
  warnings: [{ when: (row) => row.bound_to === 0, message: 'admin.policies.unbound' }],
  fields: [],
  editable: false,
  types: POLICY_TYPES,
  listActions: (reload) => <PolicyCache onCleared={reload} />,
};
