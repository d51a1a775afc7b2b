import { Alert, Nav, NavExpandable, NavItem, NavList, Title } from '@patternfly/react-core';
import { useI18n } from '../shared/i18n/i18n';
import { hrefOf, matchPath, useHashRoute, type HashRoute } from '../shared/router';
import { Shell } from '../shared/shell';
import { ADMIN_AREAS } from './areas';
import type { AdminArea } from './kit/area';
import { ResourceDetail } from './kit/resource-detail';
import { ResourceList } from './kit/resource-list';

/** The page a route names, or undefined. */
function pageFor(areas: AdminArea[], route: HashRoute) {
  for (const area of areas)
    for (const item of area.items) {
      if ('page' in item) {
        const params = matchPath(item.page.route, route.path);
        if (params) return item.page.render(params, route);
        continue;
      }
      const { resource } = item;
      if (matchPath(resource.route, route.path)) return <ResourceList key={resource.route} resource={resource} route={route} />;
      const detail = matchPath(`${resource.route}/:id`, route.path);
      if (detail) return <ResourceDetail key={`${resource.route}/${detail.id}`} resource={resource} id={detail.id} />;
    }
  return undefined;
}

/** The route of an area item, for the navigation. */
function itemRoute(item: AdminArea['items'][number]): string {
  return 'page' in item ? item.page.route : item.resource.route;
}

/** The admin navigation: one expandable group per area. */
function AdminNav({ areas, path }: { areas: AdminArea[]; path: string }) {
  const { t } = useI18n();
  return (
    <Nav aria-label={t('admin.nav')}>
      <NavList>
        {areas.map((area) => {
          const items = area.items.filter((item) => !('page' in item && item.page.hidden));
          const active = items.some((item) => path === itemRoute(item) || path.startsWith(`${itemRoute(item)}/`));
          return (
            <NavExpandable key={area.section} title={t(area.section)} isExpanded isActive={active}>
              {items.map((item) => {
                const route = itemRoute(item);
                const title = 'page' in item ? item.page.title : item.resource.title;
                return (
                  <NavItem key={route} to={`#${route}`} isActive={path === route || path.startsWith(`${route}/`)}>
                    {t(title)}
                  </NavItem>
                );
              })}
            </NavExpandable>
          );
        })}
      </NavList>
    </Nav>
  );
}

/** /if/admin/: the administration interface (superusers only). */
export function AdminInterface({ navigate, areas = ADMIN_AREAS }: { navigate?: { assign(url: string): void }; areas?: AdminArea[] }) {
  const { t } = useI18n();
  const route = useHashRoute();
  const first = areas.flatMap((area) => area.items)[0];
  const current = route.path === '/' && first ? { ...route, path: itemRoute(first) } : route;
  return (
    <Shell
      title={t('admin.title')}
      here="/if/admin/"
      navigate={navigate}
      sidebar={(user) => (user.is_superuser ? <AdminNav areas={areas} path={current.path} /> : null)}
      switchTo={() => ({ href: '/if/user/', label: t('shell.userInterface') })}
      eventHref={(user, event) => (user.is_superuser ? hrefOf(`/events/log/${encodeURIComponent(event)}`) : undefined)}
    >
      {(user) =>
        user.is_superuser ? (
          (pageFor(areas, current) ?? (
            <>
              <Title headingLevel="h2">{t('admin.notFound')}</Title>
              <Alert variant="info" isInline title={t('admin.notFoundHelp')} />
            </>
          ))
        ) : (
          <Alert variant="warning" isInline title={t('admin.forbidden')} />
        )
      }
    </Shell>
  );
}
