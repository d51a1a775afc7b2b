import { flowLabel } from '../flows/flow-resource';
import { text, yesNo } from '../kit/cells';
import type { Choice, Column, Field, Reference, Warning } from '../kit/resource';
import type { Row } from '../kit/resource-api';
import { useI18n } from '../../shared/i18n/i18n';

/** How a source links a remote identity to a local user (the API's `user_matching_mode`). */
export const USER_MATCHING_MODES: Choice[] = [
  { value: 'identifier', label: 'admin.sources.matching.identifier' },
  { value: 'email_link', label: 'admin.sources.matching.emailLink' },
  { value: 'email_deny', label: 'admin.sources.matching.emailDeny' },
  { value: 'username_link', label: 'admin.sources.matching.usernameLink' },
  { value: 'username_deny', label: 'admin.sources.matching.usernameDeny' },
];

/** A user matching mode in words, or the raw value for one this page does not know. */
function MatchingMode({ value }: { value: unknown }) {
  const { t } = useI18n();
  const label = USER_MATCHING_MODES.find((mode) => mode.value === value)?.label;
  return typeof label === 'string' ? t(label) : text(value);
}

const flowRef = (designation: string): Reference => ({ path: '/api/v3/flows/instances', label: flowLabel, query: { designation } });

const flowSettings = 'admin.sources.flowSettings' as const;

/** Name and slug, first on every source type's form. */
export const sourceIdentityFields: Field[] = [
  { name: 'name', label: 'admin.field.name', help: 'admin.sources.nameHelp', kind: 'text', required: true },
  { name: 'slug', label: 'admin.field.slug', help: 'admin.sources.slugHelp', kind: 'slug', required: true },
  { name: 'enabled', label: 'admin.field.enabled', kind: 'switch', initial: true },
];

/** How users of a source are matched and where new ones go, which every source type has. */
export const sourceUserFields: Field[] = [
  {
    name: 'user_matching_mode',
    label: 'admin.sources.userMatchingMode',
    help: 'admin.sources.userMatchingModeHelp',
    kind: 'select',
    required: true,
    initial: 'identifier',
    choices: USER_MATCHING_MODES,
  },
  {
    name: 'user_path_template',
    label: 'admin.sources.userPathTemplate',
    help: 'admin.sources.userPathTemplateHelp',
    kind: 'text',
    required: true,
    initial: 'goauthentik.io/sources/%(slug)s',
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
  { name: 'icon', label: 'admin.sources.icon', help: 'admin.sources.iconHelp', kind: 'text', emptyNull: true },
];

/** The flows a source starts, last on every source type's form. */
export const sourceFlowFields: Field[] = [
  {
    name: 'authentication_flow',
    label: 'admin.sources.authenticationFlow',
    help: 'admin.sources.authenticationFlowHelp',
    kind: 'reference',
    reference: flowRef('authentication'),
    group: flowSettings,
  },
  {
    name: 'enrollment_flow',
    label: 'admin.sources.enrollmentFlow',
    help: 'admin.sources.enrollmentFlowHelp',
    kind: 'reference',
    reference: flowRef('enrollment'),
    group: flowSettings,
  },
];

/** The list's and overview's columns every source has. */
export const sourceColumns: Column[] = [
  { label: 'admin.field.name', render: (row) => text(row.name), ordering: 'name' },
  { label: 'admin.field.slug', render: (row) => text(row.slug), ordering: 'slug' },
  { label: 'admin.sources.type', render: (row) => text(row.verbose_name) },
  { label: 'admin.field.enabled', render: (row) => yesNo(row.enabled) },
  { label: 'admin.sources.userMatchingMode', render: (row) => <MatchingMode value={row.user_matching_mode} /> },
];

/** Warnings every source can have. */
export const sourceWarnings: Warning[] = [{ when: (row: Row) => !row.authentication_flow, message: 'admin.sources.noAuthenticationFlow' }];
