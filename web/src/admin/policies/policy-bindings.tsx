import { Label } from '@patternfly/react-core';
import type { Resource } from '../kit/resource';
import type { Row } from '../kit/resource-api';
import { RelatedList } from '../kit/related-list';
import { yesNo } from '../kit/cells';

/** What a binding binds: a policy, a group or a user, by name. */
function boundTo(row: Row): string {
  const policy = row.policy_obj as { name?: string } | null;
  const group = row.group_obj as { name?: string } | null;
  const user = row.user_obj as { username?: string } | null;
  return policy?.name ?? group?.name ?? user?.username ?? '';
}

/** Policy bindings of one target (flow, stage binding, application, source, ...). */
export const policyBindingResource: Resource = {
  route: '/policy/bindings',
  api: '/api/v3/policies/bindings',
  title: 'admin.policyBindings.title',
  singular: 'admin.policyBindings.singular',
  ordering: 'order',
  searchable: false,
  name: boundTo,
  columns: [
    { label: 'admin.field.order', render: (row) => String(row.order ?? '') },
    {
      label: 'admin.policyBindings.boundTo',
      render: (row) => (
        <>
          <Label isCompact>{row.policy ? 'policy' : row.group ? 'group' : 'user'}</Label> {boundTo(row)}
        </>
      ),
    },
    { label: 'admin.field.enabled', render: (row) => yesNo(row.enabled) },
    { label: 'admin.policyBindings.negate', render: (row) => yesNo(row.negate) },
    { label: 'admin.policyBindings.timeout', render: (row) => String(row.timeout ?? '') },
  ],
  fields: [
    { name: 'target', label: 'admin.policyBindings.target', kind: 'text', createOnly: true },
    {
      name: 'policy',
      label: 'admin.policyBindings.policy',
      help: 'admin.policyBindings.oneOf',
      kind: 'reference',
      reference: { path: '/api/v3/policies/all' },
    },
    { name: 'group', label: 'admin.policyBindings.group', kind: 'reference', reference: { path: '/api/v3/core/groups' } },
    {
      name: 'user',
      label: 'admin.policyBindings.user',
      kind: 'reference',
      reference: { path: '/api/v3/core/users', label: (row) => String(row.username), numeric: true },
    },
    { name: 'order', label: 'admin.field.order', kind: 'number', required: true, initial: 0 },
    { name: 'enabled', label: 'admin.field.enabled', kind: 'switch', initial: true },
    { name: 'negate', label: 'admin.policyBindings.negate', help: 'admin.policyBindings.negateHelp', kind: 'switch' },
    { name: 'timeout', label: 'admin.policyBindings.timeout', help: 'admin.policyBindings.timeoutHelp', kind: 'number', initial: 30 },
    { name: 'failure_result', label: 'admin.policyBindings.failureResult', help: 'admin.policyBindings.failureResultHelp', kind: 'switch' },
  ],
};

/** The policy bindings tab of an object that policies can be bound to. */
export function PolicyBindings({ target }: { target: string }) {
  return <RelatedList resource={policyBindingResource} filter={{ target }} />;
}
