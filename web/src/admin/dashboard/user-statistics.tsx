import { Card, CardBody, CardTitle, Content, Gallery, Grid, GridItem, Spinner, Title } from '@patternfly/react-core';
import { api } from '../../shared/api/client';
import { ErrorState } from '../../shared/error-state';
import { useI18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/locales';
import { Link } from '../../shared/router';
import { BarChart, type ChartSeries } from './bar-chart';
import { CHART_COLORS, useBucketFormat } from './overview';
import { answer, useLoad } from './use-load';

type UserQuery = { is_active?: 'true' | 'false'; type?: 'internal' | 'external' | 'service_account' };

/** How many users match a filter, read from a one-row page's count. */
async function countUsers(query: UserQuery): Promise<number> {
  const page = await answer(api.GET('/api/v3/core/users', { params: { query: { ...query, page_size: 1 } } }));
  return page.pagination.count ?? 0;
}

const COUNTS: Array<{ label: MessageKey; query: UserQuery; link: string }> = [
  { label: 'admin.dashboard.usersActive', query: { is_active: 'true' }, link: '/identity/users?is_active=true' },
  { label: 'admin.dashboard.usersInactive', query: { is_active: 'false' }, link: '/identity/users?is_active=false' },
  { label: 'admin.dashboard.usersInternal', query: { type: 'internal' }, link: '/identity/users?type=internal' },
  { label: 'admin.dashboard.usersExternal', query: { type: 'external' }, link: '/identity/users?type=external' },
  { label: 'admin.dashboard.usersService', query: { type: 'service_account' }, link: '/identity/users?type=service_account' },
];

function UserCount({ label, query, link }: (typeof COUNTS)[number]) {
  const { t } = useI18n();
  const loaded = useLoad(() => countUsers(query));
  return (
    <Card isFullHeight>
      <CardTitle>
        <Title headingLevel="h3">{t(label)}</Title>
      </CardTitle>
      <CardBody>
        {loaded.failure ? (
          <ErrorState error={loaded.failure} onRetry={loaded.retry} />
        ) : loaded.data === undefined ? (
          <Spinner size="md" aria-label={t('flow.loading')} />
        ) : (
          <Link to={link}>
            <span style={{ fontSize: '2rem' }}>{loaded.data}</span>
          </Link>
        )}
      </CardBody>
    </Card>
  );
}

type VolumeFilter = { action: string; context_model_name?: string };

/** Events per day over the last 30 days for one filter, as a chart card. */
function DailyChart({ title, series, filter, color }: { title: MessageKey; series: MessageKey; filter: VolumeFilter; color: string }) {
  const { t } = useI18n();
  const formatX = useBucketFormat(false);
  const loaded = useLoad(() => answer(api.GET('/api/v3/events/events/per_month', { params: { query: filter } })));
  const lines: ChartSeries[] = loaded.data ? [{ label: t(series), color, points: loaded.data }] : [];
  return (
    <Card isFullHeight>
      <CardTitle>
        <Title headingLevel="h3">{t(title)}</Title>
      </CardTitle>
      <CardBody>
        {loaded.failure ? (
          <ErrorState error={loaded.failure} onRetry={loaded.retry} />
        ) : loaded.data === undefined ? (
          <Spinner size="md" aria-label={t('flow.loading')} />
        ) : (
          <BarChart title={t(title)} series={lines} formatX={formatX} />
        )}
      </CardBody>
    </Card>
  );
}

/** Users by state and type, and how many were created and logged in per day this month. */
export function UserStatistics() {
  const { t } = useI18n();
  return (
    <>
      <Title headingLevel="h2">{t('admin.dashboard.userStatistics')}</Title>
      <Content component="p">{t('admin.dashboard.userStatisticsHelp')}</Content>
      <Gallery hasGutter minWidths={{ default: '180px' }} style={{ marginBlock: '1rem' }}>
        {COUNTS.map((count) => (
          <UserCount key={count.label} {...count} />
        ))}
      </Gallery>
      <Grid hasGutter>
        <GridItem md={6}>
          <DailyChart
            title={'admin.dashboard.usersCreatedChart'}
            series={'admin.dashboard.usersCreated'}
            filter={{ action: 'model_created', context_model_name: 'user' }}
            color={CHART_COLORS.info}
          />
        </GridItem>
        <GridItem md={6}>
          <DailyChart
            title={'admin.dashboard.loginsDailyChart'}
            series={'admin.dashboard.logins'}
            filter={{ action: 'login' }}
            color={CHART_COLORS.success}
          />
        </GridItem>
        <GridItem md={6}>
          <DailyChart
            title={'admin.dashboard.failedLoginsDailyChart'}
            series={'admin.dashboard.failedLogins'}
            filter={{ action: 'login_failed' }}
            color={CHART_COLORS.danger}
          />
        </GridItem>
      </Grid>
    </>
  );
}
