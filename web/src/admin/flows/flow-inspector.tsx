import {
  Alert,
  Breadcrumb,
  BreadcrumbItem,
  Button,
  Card,
  CardBody,
  CardTitle,
  Content,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Label,
  Switch,
  Title,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import './flows.css';
import { useI18n } from '../../shared/i18n/i18n';
import type { AdminPage } from '../kit/area';
import { action } from '../kit/resource-api';

interface PlannedStage {
  pk: string;
  name: string;
  type: string;
  binding: string;
}

/** What `/flows/inspector/<slug>` answers: this browser's execution of the flow, if any. */
export interface Inspection {
  current_plan: {
    current_stage: PlannedStage | null;
    next_planned_stage: PlannedStage | null;
    plan_context: Record<string, unknown>;
    stages: (PlannedStage | null)[];
  } | null;
  is_completed: boolean;
}

/** How often the panel asks again while it follows the execution. */
const POLL_MS = 2000;

/**
 * The flow inspector: the flow runs in another tab of this browser (the executor refuses to be
 * framed), and this page follows that execution — its plan, the current stage and the context.
 */
export function FlowInspector({ slug, pollMs = POLL_MS }: { slug: string; pollMs?: number }) {
  const { t } = useI18n();
  const [inspection, setInspection] = useState<Inspection | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const [follow, setFollow] = useState(true);
  const [attempt, setAttempt] = useState(0);
  const path = encodeURIComponent(slug);

  useEffect(() => {
    let live = true;
    const load = async () => {
      const answer = await action('GET', `/api/v3/flows/inspector/${path}`);
      if (!live) return;
      if (answer.ok) {
        setInspection(answer.data as Inspection);
        setFailure(undefined);
      } else
        setFailure(
          answer.status === 404 ? t('admin.flows.inspectorNoFlow') : t('admin.flows.cacheFailed', { status: String(answer.status) }),
        );
    };
    void load();
    const timer = follow ? window.setInterval(() => void load(), pollMs) : undefined;
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [path, follow, pollMs, attempt, t]);

  const plan = inspection?.current_plan ?? null;
  const current = plan?.current_stage?.binding;
  const currentIndex = plan ? plan.stages.findIndex((stage) => stage?.binding === current) : -1;

  return (
    <>
      <Breadcrumb>
        <BreadcrumbItem to="#/flow/flows">{t('admin.flows.title')}</BreadcrumbItem>
        <BreadcrumbItem to={`#/flow/flows/${path}`}>{slug}</BreadcrumbItem>
        <BreadcrumbItem isActive>{t('admin.flows.inspector')}</BreadcrumbItem>
      </Breadcrumb>
      <Title headingLevel="h2">{t('admin.flows.inspectorTitle', { slug })}</Title>
      <Content component="p">{t('admin.flows.inspectorHelp')}</Content>
      <Toolbar>
        <ToolbarContent>
          <ToolbarItem>
            <Button component="a" variant="primary" href={`/if/flow/${path}/`} target={`authmesh-inspect-${slug}`} rel="opener">
              {t('admin.flows.inspectorOpen')}
            </Button>
          </ToolbarItem>
          <ToolbarItem>
            <Button variant="secondary" onClick={() => setAttempt((n) => n + 1)}>
              {t('admin.list.refresh')}
            </Button>
          </ToolbarItem>
          <ToolbarItem>
            <Switch
              id="inspector-follow"
              label={t('admin.flows.inspectorFollow')}
              isChecked={follow}
              onChange={(_event, on) => setFollow(on)}
            />
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      {failure ? <Alert variant="danger" isInline title={failure} /> : null}
      {inspection && !plan ? <Alert variant="info" isInline title={t('admin.flows.inspectorNone')} /> : null}
      {plan ? (
        <>
          {inspection?.is_completed ? <Alert variant="success" isInline title={t('admin.flows.inspectorCompleted')} /> : null}
          <Card isCompact>
            <CardTitle>{t('admin.flows.inspectorPlan')}</CardTitle>
            <CardBody>
              <DescriptionList isHorizontal isCompact>
                <DescriptionListGroup>
                  <DescriptionListTerm>{t('admin.flows.inspectorCurrent')}</DescriptionListTerm>
                  <DescriptionListDescription>
                    {plan.current_stage ? `${plan.current_stage.name} (${plan.current_stage.type})` : '-'}
                  </DescriptionListDescription>
                </DescriptionListGroup>
                <DescriptionListGroup>
                  <DescriptionListTerm>{t('admin.flows.inspectorNext')}</DescriptionListTerm>
                  <DescriptionListDescription>
                    {plan.next_planned_stage ? `${plan.next_planned_stage.name} (${plan.next_planned_stage.type})` : '-'}
                  </DescriptionListDescription>
                </DescriptionListGroup>
              </DescriptionList>
              <ol className="am-inspector-plan" aria-label={t('admin.flows.inspectorPlan')}>
                {plan.stages.map((stage, index) => (
                  <li key={stage?.binding ?? index} aria-current={index === currentIndex ? 'step' : undefined}>
                    {stage ? `${stage.name} (${stage.type})` : t('admin.flows.inspectorGone')}{' '}
                    {index < currentIndex || inspection?.is_completed ? (
                      <Label isCompact color="green">
                        {t('admin.flows.inspectorPassed')}
                      </Label>
                    ) : index === currentIndex ? (
                      <Label isCompact color="blue">
                        {t('admin.flows.inspectorCurrent')}
                      </Label>
                    ) : null}
                  </li>
                ))}
              </ol>
            </CardBody>
          </Card>
          <Card isCompact>
            <CardTitle>{t('admin.flows.inspectorContext')}</CardTitle>
            <CardBody>
              <pre className="am-code">{JSON.stringify(plan.plan_context, null, 2)}</pre>
            </CardBody>
          </Card>
        </>
      ) : null}
    </>
  );
}

/** The inspector's page, reached from a flow's "Execute with inspector". */
export const flowInspectorPage: AdminPage = {
  route: '/flow/flows/:slug/inspect',
  title: 'admin.flows.inspector',
  hidden: true,
  render: (params) => <FlowInspector key={params.slug} slug={params.slug} />,
};
