import { text } from '../kit/cells';
import type { Choice, Resource } from '../kit/resource';
import type { Row } from '../kit/resource-api';
import { PolicyBindings } from '../policies/policy-bindings';
import { ChoiceCell } from './choices';
import { FlowActions, FlowListActions } from './flow-actions';
import { FlowDiagram } from './flow-diagram';
import { StageBindings } from './stage-bindings';

/** What a flow is for, in the order the reference product lists them. */
export const DESIGNATIONS: Choice[] = [
  { value: 'authentication', label: 'admin.flows.designation.authentication' },
  { value: 'authorization', label: 'admin.flows.designation.authorization' },
  { value: 'enrollment', label: 'admin.flows.designation.enrollment' },
  { value: 'invalidation', label: 'admin.flows.designation.invalidation' },
  { value: 'recovery', label: 'admin.flows.designation.recovery' },
  { value: 'stage_configuration', label: 'admin.flows.designation.stage_configuration' },
  { value: 'unenrollment', label: 'admin.flows.designation.unenrollment' },
];

const LAYOUTS: Choice[] = [
  { value: 'stacked', label: 'admin.flows.layout.stacked' },
  { value: 'content_left', label: 'admin.flows.layout.content_left' },
  { value: 'content_right', label: 'admin.flows.layout.content_right' },
  { value: 'sidebar_left', label: 'admin.flows.layout.sidebar_left' },
  { value: 'sidebar_right', label: 'admin.flows.layout.sidebar_right' },
];

const DENIED_ACTIONS: Choice[] = [
  { value: 'message_continue', label: 'admin.flows.denied.message_continue' },
  { value: 'message', label: 'admin.flows.denied.message' },
  { value: 'continue', label: 'admin.flows.denied.continue' },
];

const AUTHENTICATION: Choice[] = [
  { value: 'none', label: 'admin.flows.authentication.none' },
  { value: 'require_authenticated', label: 'admin.flows.authentication.require_authenticated' },
  { value: 'require_unauthenticated', label: 'admin.flows.authentication.require_unauthenticated' },
  { value: 'require_superuser', label: 'admin.flows.authentication.require_superuser' },
];

/** How a flow is named in pickers: its name and slug. */
export function flowLabel(row: Row): string {
  return `${String(row.name)} (${String(row.slug)})`;
}

/** Flows: the sequences of stages that log users in, enroll them, recover them, ... */
export const flowResource: Resource = {
  route: '/flow/flows',
  api: '/api/v3/flows/instances',
  title: 'admin.flows.title',
  singular: 'admin.flows.singular',
  description: 'admin.flows.description',
  key: 'slug',
  ordering: 'slug',
  columns: [
    { label: 'admin.field.name', render: (row) => text(row.name), ordering: 'name' },
    { label: 'admin.field.slug', render: (row) => text(row.slug), ordering: 'slug' },
    {
      label: 'admin.flows.designationLabel',
      render: (row) => <ChoiceCell choices={DESIGNATIONS} value={row.designation} />,
      ordering: 'designation',
    },
    { label: 'admin.flows.titleLabel', render: (row) => text(row.title), ordering: 'title' },
  ],
  fields: [
    { name: 'name', label: 'admin.field.name', help: 'admin.flows.nameHelp', kind: 'text', required: true },
    { name: 'title', label: 'admin.flows.titleLabel', help: 'admin.flows.titleHelp', kind: 'text', required: true },
    { name: 'slug', label: 'admin.field.slug', help: 'admin.flows.slugHelp', kind: 'slug', required: true },
    {
      name: 'designation',
      label: 'admin.flows.designationLabel',
      help: 'admin.flows.designationHelp',
      kind: 'select',
      required: true,
      choices: DESIGNATIONS,
      initial: 'authentication',
    },
    {
      name: 'authentication',
      label: 'admin.flows.authenticationLabel',
      help: 'admin.flows.authenticationHelp',
      kind: 'select',
      required: true,
      choices: AUTHENTICATION,
      initial: 'none',
    },
    {
      name: 'policy_engine_mode',
      label: 'admin.field.policyEngineMode',
      kind: 'select',
      required: true,
      initial: 'any',
      group: 'admin.flows.behaviour',
      choices: [
        { value: 'any', label: 'admin.policyEngineMode.any' },
        { value: 'all', label: 'admin.policyEngineMode.all' },
      ],
    },
    {
      name: 'denied_action',
      label: 'admin.flows.deniedAction',
      help: 'admin.flows.deniedActionHelp',
      kind: 'select',
      required: true,
      choices: DENIED_ACTIONS,
      initial: 'message_continue',
      group: 'admin.flows.behaviour',
    },
    {
      name: 'compatibility_mode',
      label: 'admin.flows.compatibilityMode',
      help: 'admin.flows.compatibilityModeHelp',
      kind: 'switch',
      group: 'admin.flows.behaviour',
    },
    {
      name: 'layout',
      label: 'admin.flows.layoutLabel',
      kind: 'select',
      required: true,
      choices: LAYOUTS,
      initial: 'stacked',
      group: 'admin.flows.appearance',
    },
    {
      name: 'background',
      label: 'admin.flows.background',
      help: 'admin.flows.backgroundHelp',
      kind: 'text',
      group: 'admin.flows.appearance',
    },
  ],
  tabs: [
    { title: 'admin.flows.stageBindings', render: (row) => <StageBindings flow={String(row.pk)} /> },
    { title: 'admin.policyBindings.title', render: (row) => <PolicyBindings target={String(row.pk)} /> },
    { title: 'admin.flows.diagram', render: (row) => <FlowDiagram flow={row} /> },
  ],
  actions: (row) => <FlowActions slug={String(row.slug)} />,
  listActions: (reload) => <FlowListActions onImported={reload} />,
};
