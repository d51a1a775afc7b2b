import {
  Card,
  CardBody,
  CardHeader,
  CardTitle,
  Content,
  EmptyState,
  EmptyStateBody,
  Gallery,
  SearchInput,
  Spinner,
  Title,
} from '@patternfly/react-core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, ApiError } from '../shared/api/client';
import { ErrorState } from '../shared/error-state';
import { useI18n } from '../shared/i18n/i18n';
import { iconImageUrl, launchTarget } from './app-icon';

type ApplicationList = NonNullable<Awaited<ReturnType<typeof listApplications>>['data']>;
/** An application as the user's library shows it. */
export type LibraryApp = Pick<
  ApplicationList['results'][number],
  'pk' | 'name' | 'slug' | 'group' | 'launch_url' | 'meta_icon' | 'meta_description' | 'meta_publisher' | 'open_in_new_tab'
>;

/** The applications the caller's policies let them open, with a launch URL. */
const listApplications = () =>
  api.GET('/api/v3/core/applications', {
    params: { query: { for_user: 'me', only_with_launch_url: 'true', page_size: 1000, ordering: 'name' } },
  });

/** Applications matching a search (name, publisher, description or group, ignoring case), grouped by group name in order. */
export function groupApplications(apps: LibraryApp[], search: string): Array<[string, LibraryApp[]]> {
  const needle = search.trim().toLowerCase();
  const groups = new Map<string, LibraryApp[]>();
  for (const app of apps) {
    const haystack = [app.name, app.meta_publisher, app.meta_description, app.group].join('\n').toLowerCase();
    if (needle && !haystack.includes(needle)) continue;
    const list = groups.get(app.group) ?? [];
    list.push(app);
    groups.set(app.group, list);
  }
  // Ungrouped applications first, then groups by name.
  return [...groups.entries()].sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b)));
}

/** "My applications": cards to launch, grouped, with a search box. */
export function Library() {
  const { t } = useI18n();
  const [apps, setApps] = useState<LibraryApp[] | undefined>();
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [search, setSearch] = useState('');
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    let live = true;
    setFailure(undefined);
    listApplications()
      .then(({ data, response }) => {
        if (!live) return;
        if (!response.ok || !data) return setFailure(new ApiError(response.status, response.statusText));
        setApps(data.results);
      })
      .catch((error: unknown) => live && setFailure(new ApiError(0, String(error))));
    return () => {
      live = false;
    };
  }, [attempt]);

  const groups = useMemo(() => groupApplications(apps ?? [], search), [apps, search]);

  return (
    <section aria-labelledby="library-title" className="am-section">
      <Title headingLevel="h2" id="library-title">
        {t('user.library.title')}
      </Title>
      {failure ? (
        <ErrorState error={failure} onRetry={reload} />
      ) : !apps ? (
        <Spinner size="lg" aria-label={t('flow.loading')} />
      ) : apps.length === 0 ? (
        <EmptyState titleText={t('user.library.emptyTitle')} headingLevel="h3">
          <EmptyStateBody>{t('user.library.empty')}</EmptyStateBody>
        </EmptyState>
      ) : (
        <>
          <SearchInput
            aria-label={t('user.library.search')}
            placeholder={t('user.library.search')}
            value={search}
            onChange={(_event, value) => setSearch(value)}
            onClear={() => setSearch('')}
            className="am-library-search"
          />
          {groups.length === 0 ? (
            <Content component="p">{t('user.library.noMatch')}</Content>
          ) : (
            groups.map(([group, members]) => (
              <section key={group} aria-label={group || t('user.library.ungrouped')} className="am-library-group">
                {group ? <Title headingLevel="h3">{group}</Title> : null}
                <Gallery hasGutter minWidths={{ default: '16rem' }}>
                  {members.map((app) => (
                    <AppCard key={app.pk} app={app} />
                  ))}
                </Gallery>
              </section>
            ))
          )}
        </>
      )}
    </section>
  );
}

/** One application: icon (or initial), name linking to its launch URL, publisher and description. */
export function AppCard({ app }: { app: LibraryApp }) {
  const image = iconImageUrl(app.meta_icon);
  const href = launchTarget(app.launch_url);
  const newTab = app.open_in_new_tab ? { target: '_blank', rel: 'noopener noreferrer' } : {};
  return (
    <Card isCompact data-testid={`app-${app.slug}`}>
      <CardHeader>
        {image ? (
          <img src={image} alt="" className="am-app-icon" width={48} height={48} />
        ) : (
          <span className="am-app-icon am-app-initial" aria-hidden="true">
            {(app.name.trim()[0] ?? '?').toUpperCase()}
          </span>
        )}
      </CardHeader>
      <CardTitle>
        {href ? (
          <a href={href} {...newTab}>
            {app.name}
          </a>
        ) : (
          app.name
        )}
      </CardTitle>
      <CardBody>
        {app.meta_publisher ? <Content component="small">{app.meta_publisher}</Content> : null}
        {app.meta_description ? <Content component="p">{app.meta_description}</Content> : null}
      </CardBody>
    </Card>
  );
}
