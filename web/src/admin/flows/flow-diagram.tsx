import { Alert, ClipboardCopy, ExpandableSection, Label, Spinner } from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import './flows.css';
import { ApiError } from '../../shared/api/client';
import { ErrorState } from '../../shared/error-state';
import { useI18n } from '../../shared/i18n/i18n';
import { action, listPage, type Row } from '../kit/resource-api';

/** A flow as the diagram draws it: its own policies, then each stage binding with the policies that gate it. */
export interface DiagramData {
  flowPolicies: Row[];
  steps: { binding: Row; policies: Row[] }[];
  /** The API's Mermaid text of the same diagram, for pasting elsewhere. */
  mermaid: string;
}

/** Loads what the diagram shows: the flow's bindings and the policy bindings of the flow and of each binding. */
export async function loadDiagram(flow: Row): Promise<DiagramData> {
  const pk = String(flow.pk);
  const [bindings, flowPolicies, mermaid] = await Promise.all([
    listPage('/api/v3/flows/bindings', { target: pk, ordering: 'order', page_size: 1000 }),
    listPage('/api/v3/policies/bindings', { target: pk, ordering: 'order', page_size: 1000 }),
    action('GET', `/api/v3/flows/instances/${encodeURIComponent(String(flow.slug))}/diagram`),
  ]);
  const steps = await Promise.all(
    bindings.results.map(async (binding) => ({
      binding,
      policies: (await listPage('/api/v3/policies/bindings', { target: String(binding.pk), ordering: 'order', page_size: 1000 })).results,
    })),
  );
  const text = mermaid.ok ? (mermaid.data as { diagram?: unknown } | undefined)?.diagram : undefined;
  return { flowPolicies: flowPolicies.results, steps, mermaid: typeof text === 'string' ? text : '' };
}

/** What a policy binding binds, by name. */
function boundName(binding: Row): string {
  const policy = binding.policy_obj as Row | null | undefined;
  const group = binding.group_obj as Row | null | undefined;
  const user = binding.user_obj as Row | null | undefined;
  return String(policy?.name ?? group?.name ?? user?.username ?? '');
}

function PolicyList({ policies }: { policies: Row[] }) {
  const { t } = useI18n();
  return (
    <ul className="am-diagram-policies">
      {policies.map((binding) => (
        <li key={String(binding.pk)}>
          <Label isCompact color={binding.enabled === false ? 'grey' : 'purple'}>
            {binding.policy ? t('admin.flows.diagramPolicy') : binding.group ? t('admin.flows.diagramGroup') : t('admin.flows.diagramUser')}
          </Label>{' '}
          {boundName(binding)}
          {binding.negate ? ` (${t('admin.policyBindings.negate')})` : ''}
          {binding.enabled === false ? ` (${t('admin.flows.diagramDisabled')})` : ''}
        </li>
      ))}
    </ul>
  );
}

/** The flow's diagram: a vertical chart from start to end, one box per stage, policy gates beside each arrow. */
export function FlowDiagram({ flow }: { flow: Row }) {
  const { t } = useI18n();
  const [data, setData] = useState<DiagramData | undefined>();
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setFailure(undefined);
    loadDiagram(flow)
      .then((next) => live && setData(next))
      .catch((error: unknown) => live && setFailure(error instanceof ApiError ? error : new ApiError(0, String(error))));
    return () => {
      live = false;
    };
  }, [flow, attempt]);

  if (failure) return <ErrorState error={failure} onRetry={() => setAttempt((n) => n + 1)} />;
  if (!data) return <Spinner aria-label={t('flow.loading')} />;

  return (
    <div className="am-diagram">
      <ol className="am-diagram-chart" aria-label={t('admin.flows.diagram')}>
        <li className="am-diagram-node am-diagram-start">
          <strong>{t('admin.flows.diagramStart', { title: String(flow.title ?? flow.slug) })}</strong>
        </li>
        {data.flowPolicies.length > 0 ? (
          <li className="am-diagram-gate">
            <span>{t('admin.flows.diagramFlowPolicies', { mode: String(flow.policy_engine_mode ?? 'any') })}</span>
            <PolicyList policies={data.flowPolicies} />
            <span className="am-diagram-denied">{t('admin.flows.diagramDenied')}</span>
          </li>
        ) : null}
        {data.steps.map(({ binding, policies }) => {
          const stage = binding.stage_obj as Row | undefined;
          return [
            policies.length > 0 ? (
              <li key={`${String(binding.pk)}-gate`} className="am-diagram-gate">
                <span>
                  {[
                    binding.evaluate_on_plan ? t('admin.flows.diagramAtPlan') : '',
                    binding.re_evaluate_policies ? t('admin.flows.diagramWhenReached') : '',
                  ]
                    .filter(Boolean)
                    .join(' · ') || t('admin.flows.diagramNever')}
                </span>
                <PolicyList policies={policies} />
              </li>
            ) : null,
            <li key={String(binding.pk)} className="am-diagram-node">
              <Label isCompact>{String(binding.order)}</Label> <strong>{String(stage?.name ?? '')}</strong>{' '}
              <span className="am-muted">{String(stage?.component ?? '').replace(/^ak-stage-/, '')}</span>
            </li>,
          ];
        })}
        <li className="am-diagram-node am-diagram-end">
          <strong>{t('admin.flows.diagramDone')}</strong>
        </li>
      </ol>
      {data.steps.length === 0 ? <Alert variant="info" isInline isPlain title={t('admin.flows.diagramEmpty')} /> : null}
      {data.mermaid ? (
        <ExpandableSection toggleText={t('admin.flows.diagramSource')}>
          <ClipboardCopy
            isReadOnly
            isCode
            isExpanded
            variant="expansion"
            hoverTip={t('admin.flows.copy')}
            clickTip={t('admin.flows.copied')}
          >
            {data.mermaid}
          </ClipboardCopy>
        </ExpandableSection>
      ) : null}
    </div>
  );
}
