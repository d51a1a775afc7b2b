import { Alert, ClipboardCopy, Content } from '@patternfly/react-core';
import { useI18n } from '../../shared/i18n/i18n';
import { dateCell, text, yesNo } from '../kit/cells';
import type { Resource } from '../kit/resource';
import type { Row } from '../kit/resource-api';
import { flowLabel } from './flow-resource';

/** The address that starts an invitation's flow with the invitation attached, or undefined without a flow. */
export function invitationLink(row: Row, origin = window.location.origin): string | undefined {
  const flow = row.flow_obj as Row | null | undefined;
  if (!flow?.slug) return undefined;
  return `${origin}/if/flow/${encodeURIComponent(String(flow.slug))}/?itoken=${encodeURIComponent(String(row.pk))}`;
}

/** The invitation's link, ready to copy and send. */
function InvitationLink({ row }: { row: Row }) {
  const { t } = useI18n();
  const link = invitationLink(row);
  if (!link) return <Alert variant="warning" isInline title={t('admin.invitations.noFlow')} />;
  return (
    <>
      <Content component="p">{t('admin.invitations.linkHelp')}</Content>
      <ClipboardCopy
        isReadOnly
        hoverTip={t('admin.flows.copy')}
        clickTip={t('admin.flows.copied')}
        textAriaLabel={t('admin.invitations.link')}
      >
        {link}
      </ClipboardCopy>
    </>
  );
}

/** Invitations: links that let someone run an enrollment flow, with data fixed in advance. */
export const invitationResource: Resource = {
  route: '/flow/stages/invitations',
  api: '/api/v3/stages/invitation/invitations',
  title: 'admin.invitations.title',
  singular: 'admin.invitations.singular',
  description: 'admin.invitations.description',
  ordering: 'name',
  columns: [
    { label: 'admin.field.name', render: (row) => text(row.name), ordering: 'name' },
    { label: 'admin.invitations.flow', render: (row) => text((row.flow_obj as Row | null)?.slug) },
    { label: 'admin.invitations.expires', render: (row) => dateCell(row.expires), ordering: 'expires' },
    { label: 'admin.invitations.singleUse', render: (row) => yesNo(row.single_use) },
    { label: 'admin.invitations.createdBy', render: (row) => text((row.created_by as Row | null)?.username) },
  ],
  warnings: [{ when: (row) => !row.flow, message: 'admin.invitations.noFlow' }],
  fields: [
    { name: 'name', label: 'admin.field.name', help: 'admin.invitations.nameHelp', kind: 'text', required: true },
    { name: 'expires', label: 'admin.invitations.expires', help: 'admin.invitations.expiresHelp', kind: 'datetime' },
    {
      name: 'flow',
      label: 'admin.invitations.flow',
      help: 'admin.invitations.flowHelp',
      kind: 'reference',
      reference: { path: '/api/v3/flows/instances', label: flowLabel, query: { designation: 'enrollment' } },
    },
    { name: 'single_use', label: 'admin.invitations.singleUse', help: 'admin.invitations.singleUseHelp', kind: 'switch' },
    { name: 'fixed_data', label: 'admin.invitations.fixedData', help: 'admin.invitations.fixedDataHelp', kind: 'json', initial: '{}' },
  ],
  tabs: [{ title: 'admin.invitations.link', render: (row) => <InvitationLink row={row} /> }],
};
