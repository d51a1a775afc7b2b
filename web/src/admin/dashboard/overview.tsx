import {
  Card,
  CardBody,
  CardTitle,
  Content,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  EmptyState,
  EmptyStateBody,
  Gallery,
  Grid,
  GridItem,
  Label,
  List,
  ListItem,
  Spinner,
  Title,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import type { ReactNode } from 'react';
import { api } from '../../shared/api/client';
import { ErrorState } from '../../shared/error-state';
import { useI18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/locales';
import { Link } from '../../shared/router';
import { dateCell, text } from '../kit/cells';
import { actionLabel } from '../events/event-actions';
import { BarChart } from './bar-chart';
import { answer, useLoad, type Loaded } from './use-load';

/** Colours of the chart series, from the PatternFly palette so they follow the theme. */
export const CHART_COLORS = {
  success: 'var(--pf-t--global--color--status--success--default, #3e8635)',
  danger: 'var(--pf-t--global--color--status--danger--default, #c9190b)',
  info: 'var(--pf-t--global--color--status--info--default, #2b9af3)',
};

/** Where a service runs, as the system status reports it. */
const LOCATION: Record<SystemStatus['services'][number]['location'], MessageKey> = {
  local: 'admin.dashboard.location.local',
  remote: 'admin.dashboard.location.remote',
  absent: 'admin.dashboard.location.absent',
};

/** A card whose body waits for its data, or says why it has none. */
function LoadedCard<T>({ title, loaded, children }: { title: string; loaded: Loaded<T>; children(data: T): ReactNode }) {
  const { t } = useI18n();
  return (
    <Card isFullHeight>
      <CardTitle>
        <Title headingLevel="h3">{title}</Title>
      </CardTitle>
      <CardBody>
        {loaded.failure ? (
          <ErrorState error={loaded.failure} onRetry={loaded.retry} />
        ) : loaded.data === undefined ? (
          <Spinner size="md" aria-label={t('flow.loading')} />
        ) : (
          children(loaded.data)
        )}
      </CardBody>
    </Card>
  );
}

function Pair({ term, children }: { term: string; children: ReactNode }) {
  return (
    <DescriptionListGroup>
      <DescriptionListTerm>{term}</DescriptionListTerm>
      <DescriptionListDescription>{children}</DescriptionListDescription>
    </DescriptionListGroup>
  );
}

/** A duration in whole days, hours and minutes. */
function uptime(seconds: number): string {
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return `${days > 0 ? `${days}d ` : ''}${hours}h ${minutes}m`;
}

const loadSystem = () => answer(api.GET('/api/v3/admin/system'));
type SystemStatus = Awaited<ReturnType<typeof loadSystem>>;

function SystemStatusCard({ loaded }: { loaded: Loaded<SystemStatus> }) {
  const { t } = useI18n();
  return (
    <LoadedCard title={t('admin.dashboard.systemStatus')} loaded={loaded}>
      {(system) =>
        system.problems.length === 0 ? (
          <>
            <Label color="green">{t('admin.dashboard.healthy')}</Label>
            <Content component="p">{t('admin.dashboard.healthyHelp')}</Content>
          </>
        ) : (
          <>
            <Label color="red">{t('admin.dashboard.problemsFound')}</Label>
            <List aria-label={t('admin.dashboard.problemsFound')}>
              {system.problems.map((problem) => (
                <ListItem key={problem}>{problem}</ListItem>
              ))}
            </List>
          </>
        )
      }
    </LoadedCard>
  );
}

function VersionCard() {
  const { t } = useI18n();
  const loaded = useLoad(() => answer(api.GET('/api/v3/admin/version')));
  return (
    <LoadedCard title={t('admin.dashboard.version')} loaded={loaded}>
      {(version) => (
        <>
          <Title headingLevel="h4">{version.version_current}</Title>
          <Content component="p">
            {version.version_latest === null
              ? t('admin.dashboard.latestUnknown')
              : version.outdated
                ? t('admin.dashboard.updateAvailable', { version: version.version_latest })
                : t('admin.dashboard.upToDate')}
          </Content>
        </>
      )}
    </LoadedCard>
  );
}

/** The services of this installation (local, remote or absent) and the runtime serving the API. */
function WorkersCard({ loaded }: { loaded: Loaded<SystemStatus> }) {
  const { t } = useI18n();
  return (
    <LoadedCard title={t('admin.dashboard.workers')} loaded={loaded}>
      {(system) => (
        <>
          <Content component="p">{t('admin.dashboard.noWorkers')}</Content>
          <List isPlain aria-label={t('admin.dashboard.services')}>
            {system.services.map((service) => (
              <ListItem key={service.name}>
                {service.name}{' '}
                <Label isCompact color={service.location === 'absent' ? 'grey' : service.ready ? 'green' : 'red'}>
                  {t(LOCATION[service.location])}
                  {service.location === 'absent' ? '' : `, ${service.ready ? t('admin.dashboard.ready') : t('admin.dashboard.notReady')}`}
                </Label>
              </ListItem>
            ))}
          </List>
          <DescriptionList isCompact isHorizontal>
            <Pair term={t('admin.dashboard.runtime')}>{`Node.js ${system.runtime.node_version} (${system.runtime.platform})`}</Pair>
            <Pair term={t('admin.dashboard.uptime')}>{uptime(system.runtime.uptime_seconds)}</Pair>
            <Pair term={t('admin.dashboard.memory')}>{`${Math.round(system.runtime.memory_rss_bytes / 1_048_576)} MiB`}</Pair>
            <Pair term={t('admin.dashboard.database')}>
              {`${system.database.embedded ? t('admin.dashboard.embedded') : 'PostgreSQL'}, ${system.database.ready ? t('admin.dashboard.ready') : t('admin.dashboard.notReady')}`}
            </Pair>
            <Pair term={t('admin.dashboard.bus')}>
              {`${system.bus.kind === 'nats' ? 'NATS' : t('admin.dashboard.inProcess')}, ${system.bus.ready ? t('admin.dashboard.ready') : t('admin.dashboard.notReady')}`}
            </Pair>
          </DescriptionList>
        </>
      )}
    </LoadedCard>
  );
}

/** How many background tasks failed on their last run, with a way to the task list. */
function SystemTasksCard() {
  const { t } = useI18n();
  const loaded = useLoad(() => answer(api.GET('/api/v3/admin/system_tasks', { params: { query: { status: 'error', page_size: 1 } } })));
  return (
    <LoadedCard title={t('admin.systemTasks.failingCard')} loaded={loaded}>
      {(page) => {
        const failing = page.pagination.count ?? 0;
        return (
          <Link to="/administration/system_tasks">
            <Label color={failing > 0 ? 'red' : 'green'}>{t('admin.systemTasks.failingCount', { count: failing })}</Label>
          </Link>
        );
      }}
    </LoadedCard>
  );
}

function OutpostsCard() {
  const { t } = useI18n();
  return (
    <Card isFullHeight>
      <CardTitle>
        <Title headingLevel="h3">{t('admin.dashboard.outposts')}</Title>
      </CardTitle>
      <CardBody>
        <EmptyState titleText={t('admin.dashboard.noOutposts')} headingLevel="h4" variant="xs">
          <EmptyStateBody>{t('admin.dashboard.noOutpostsHelp')}</EmptyStateBody>
        </EmptyState>
      </CardBody>
    </Card>
  );
}

function RecentEventsCard() {
  const { t } = useI18n();
  const loaded = useLoad(() => answer(api.GET('/api/v3/events/events', { params: { query: { page_size: 10, ordering: '-created' } } })));
  return (
    <LoadedCard title={t('admin.dashboard.recentEvents')} loaded={loaded}>
      {(page) =>
        page.results.length === 0 ? (
          <Content component="p">{t('admin.dashboard.noEvents')}</Content>
        ) : (
          <Table aria-label={t('admin.dashboard.recentEvents')} variant="compact">
            <Thead>
              <Tr>
                <Th>{t('admin.events.action')}</Th>
                <Th>{t('admin.events.user')}</Th>
                <Th>{t('admin.events.created')}</Th>
                <Th>{t('admin.events.clientIp')}</Th>
              </Tr>
            </Thead>
            <Tbody>
              {page.results.map((event) => (
                <Tr key={event.pk}>
                  <Td dataLabel={t('admin.events.action')}>
                    <Link to={`/events/log/${event.pk}`}>{actionLabel(t, event.action)}</Link>
                  </Td>
                  <Td dataLabel={t('admin.events.user')}>{text(event.user.username)}</Td>
                  <Td dataLabel={t('admin.events.created')}>{dateCell(event.created)}</Td>
                  <Td dataLabel={t('admin.events.clientIp')}>{text(event.client_ip)}</Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )
      }
    </LoadedCard>
  );
}

/** A chart bucket's start as a short local date and hour. */
export function useBucketFormat(withHour: boolean): (ms: number) => string {
  const { locale } = useI18n();
  const format = new Intl.DateTimeFormat(
    locale,
    withHour ? { weekday: 'short', day: 'numeric', hour: '2-digit' } : { month: 'short', day: 'numeric' },
  );
  return (ms) => format.format(new Date(ms));
}

function LoginChartsCards() {
  const { t } = useI18n();
  const formatX = useBucketFormat(true);
  const loaded = useLoad(() => answer(api.GET('/api/v3/admin/metrics')));
  return (
    <>
      <GridItem md={6}>
        <LoadedCard title={t('admin.dashboard.loginsChart')} loaded={loaded}>
          {(metrics) => (
            <BarChart
              title={t('admin.dashboard.loginsChart')}
              formatX={formatX}
              series={[
                { label: t('admin.dashboard.logins'), color: CHART_COLORS.success, points: metrics.logins },
                { label: t('admin.dashboard.failedLogins'), color: CHART_COLORS.danger, points: metrics.logins_failed },
              ]}
            />
          )}
        </LoadedCard>
      </GridItem>
      <GridItem md={6}>
        <LoadedCard title={t('admin.dashboard.authorizationsChart')} loaded={loaded}>
          {(metrics) => (
            <BarChart
              title={t('admin.dashboard.authorizationsChart')}
              formatX={formatX}
              series={[{ label: t('admin.dashboard.authorizations'), color: CHART_COLORS.info, points: metrics.authorizations }]}
            />
          )}
        </LoadedCard>
      </GridItem>
    </>
  );
}

function TopApplicationsCard() {
  const { t } = useI18n();
  const loaded = useLoad(() =>
    answer(api.GET('/api/v3/events/events/top_per_user', { params: { query: { action: 'authorize_application', top_n: 10 } } })),
  );
  return (
    <LoadedCard title={t('admin.dashboard.topApps')} loaded={loaded}>
      {(rows) =>
        rows.length === 0 ? (
          <Content component="p">{t('admin.dashboard.noAuthorizations')}</Content>
        ) : (
          <Table aria-label={t('admin.dashboard.topApps')} variant="compact">
            <Thead>
              <Tr>
                <Th>{t('admin.dashboard.application')}</Th>
                <Th>{t('admin.dashboard.authorizations')}</Th>
                <Th>{t('admin.dashboard.uniqueUsers')}</Th>
              </Tr>
            </Thead>
            <Tbody>
              {rows.map((row, index) => {
                const name = text(row.application.name ?? row.application.pk);
                const slug = typeof row.application.slug === 'string' ? row.application.slug : undefined;
                return (
                  <Tr key={String(row.application.pk ?? index)}>
                    <Td dataLabel={t('admin.dashboard.application')}>
                      {slug ? <Link to={`/core/applications/${encodeURIComponent(slug)}`}>{name}</Link> : name}
                    </Td>
                    <Td dataLabel={t('admin.dashboard.authorizations')}>{row.counted_events}</Td>
                    <Td dataLabel={t('admin.dashboard.uniqueUsers')}>{row.unique_users}</Td>
                  </Tr>
                );
              })}
            </Tbody>
          </Table>
        )
      }
    </LoadedCard>
  );
}

function QuickActionsCard() {
  const { t } = useI18n();
  return (
    <Card isFullHeight>
      <CardTitle>
        <Title headingLevel="h3">{t('admin.dashboard.quickActions')}</Title>
      </CardTitle>
      <CardBody>
        <List isPlain>
          <ListItem>
            <Link to="/core/applications">{t('admin.dashboard.createApplication')}</Link>
          </ListItem>
          <ListItem>
            <Link to="/flow/flows">{t('admin.dashboard.manageFlows')}</Link>
          </ListItem>
          <ListItem>
            <Link to="/identity/users">{t('admin.dashboard.manageUsers')}</Link>
          </ListItem>
          <ListItem>
            <Link to="/events/log">{t('admin.dashboard.checkLogs')}</Link>
          </ListItem>
        </List>
      </CardBody>
    </Card>
  );
}

/** The admin's first page: how the installation is doing and what happened lately. */
export function Overview() {
  const { t } = useI18n();
  const system = useLoad(loadSystem);
  return (
    <>
      <Title headingLevel="h2">{t('admin.dashboard.overview')}</Title>
      <Gallery hasGutter minWidths={{ default: '260px' }} style={{ marginBlock: '1rem' }}>
        <SystemStatusCard loaded={system} />
        <VersionCard />
        <WorkersCard loaded={system} />
        <SystemTasksCard />
        <OutpostsCard />
        <QuickActionsCard />
      </Gallery>
      <Grid hasGutter>
        <LoginChartsCards />
        <GridItem md={6}>
          <RecentEventsCard />
        </GridItem>
        <GridItem md={6}>
          <TopApplicationsCard />
        </GridItem>
      </Grid>
    </>
  );
}
