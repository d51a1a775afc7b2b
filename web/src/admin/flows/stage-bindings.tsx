import { Button, Label, Modal, ModalBody, ModalHeader } from '@patternfly/react-core';
import { useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import { text, yesNo } from '../kit/cells';
import { RelatedList } from '../kit/related-list';
import type { Choice, Resource } from '../kit/resource';
import type { Row } from '../kit/resource-api';
import { PolicyBindings } from '../policies/policy-bindings';
import { ChoiceCell } from './choices';

export const INVALID_RESPONSE_ACTIONS: Choice[] = [
  { value: 'retry', label: 'admin.flows.invalidResponse.retry' },
  { value: 'restart', label: 'admin.flows.invalidResponse.restart' },
  { value: 'restart_with_context', label: 'admin.flows.invalidResponse.restart_with_context' },
];

/** A flow's stage bindings: which stage runs at which position, and when its policies are checked. */
export const stageBindingResource: Resource = {
  route: '/flow/bindings',
  api: '/api/v3/flows/bindings',
  title: 'admin.flows.stageBindings',
  singular: 'admin.flows.stageBinding',
  ordering: 'order',
  searchable: false,
  name: (row) => String((row.stage_obj as Row | undefined)?.name ?? row.pk),
  columns: [
    { label: 'admin.field.order', render: (row) => text(row.order) },
    {
      label: 'admin.flows.stage',
      render: (row) => {
        const stage = row.stage_obj as Row | undefined;
        return (
          <>
            {text(stage?.name)} <Label isCompact>{text(stage?.component).replace(/^ak-stage-/, '')}</Label>
          </>
        );
      },
    },
    { label: 'admin.flows.evaluateOnPlan', render: (row) => yesNo(row.evaluate_on_plan) },
    { label: 'admin.flows.reEvaluatePolicies', render: (row) => yesNo(row.re_evaluate_policies) },
    {
      label: 'admin.flows.invalidResponseAction',
      render: (row) => <ChoiceCell choices={INVALID_RESPONSE_ACTIONS} value={row.invalid_response_action} />,
    },
    { label: 'admin.field.policyEngineMode', render: (row) => text(row.policy_engine_mode) },
  ],
  fields: [
    { name: 'target', label: 'admin.flows.singular', kind: 'text', createOnly: true },
    {
      name: 'stage',
      label: 'admin.flows.stage',
      kind: 'reference',
      required: true,
      reference: { path: '/api/v3/stages/all', label: (row) => `${String(row.name)} (${String(row.component).replace(/^ak-stage-/, '')})` },
    },
    { name: 'order', label: 'admin.field.order', help: 'admin.flows.orderHelp', kind: 'number', required: true, initial: 10 },
    { name: 'evaluate_on_plan', label: 'admin.flows.evaluateOnPlan', help: 'admin.flows.evaluateOnPlanHelp', kind: 'switch' },
    {
      name: 're_evaluate_policies',
      label: 'admin.flows.reEvaluatePolicies',
      help: 'admin.flows.reEvaluatePoliciesHelp',
      kind: 'switch',
      initial: true,
    },
    {
      name: 'invalid_response_action',
      label: 'admin.flows.invalidResponseAction',
      help: 'admin.flows.invalidResponseActionHelp',
      kind: 'select',
      required: true,
      choices: INVALID_RESPONSE_ACTIONS,
      initial: 'retry',
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
  ],
};

/** The stage bindings tab of a flow; each binding opens its own policy bindings. */
export function StageBindings({ flow }: { flow: string }) {
  const { t } = useI18n();
  const [policiesOf, setPoliciesOf] = useState<Row | undefined>();
  return (
    <>
      <RelatedList
        resource={stageBindingResource}
        filter={{ target: flow }}
        rowActions={(row) => (
          <Button variant="secondary" size="sm" onClick={() => setPoliciesOf(row)}>
            {t('admin.policyBindings.title')}
          </Button>
        )}
      />
      {policiesOf ? (
        <Modal variant="large" isOpen onClose={() => setPoliciesOf(undefined)} aria-labelledby="binding-policies-title">
          <ModalHeader
            title={t('admin.flows.bindingPolicies', { stage: String((policiesOf.stage_obj as Row | undefined)?.name ?? '') })}
            labelId="binding-policies-title"
          />
          <ModalBody>
            <PolicyBindings target={String(policiesOf.pk)} />
          </ModalBody>
        </Modal>
      ) : null}
    </>
  );
}
