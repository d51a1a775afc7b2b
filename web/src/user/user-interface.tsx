import { Content, Nav, NavItem, NavList, Title } from '@patternfly/react-core';
import { useI18n } from '../shared/i18n/i18n';
import { hrefOf, matchPath, useHashRoute } from '../shared/router';
import { Shell } from '../shared/shell';
import { ImpersonationBanner } from './impersonation-banner';
import { Library } from './library';
import { Settings } from './settings';

/** /if/user/: the logged-in user's applications (`#/library`, the default) and settings (`#/settings/<tab>`). */
export function UserInterface({ navigate }: { navigate?: { assign(url: string): void } }) {
  const { t } = useI18n();
  const route = useHashRoute();
  const settings = matchPath('/settings', route.path) ? { tab: 'details' } : matchPath('/settings/:tab', route.path);
  return (
    <Shell
      title={t('user.title')}
      here="/if/user/"
      navigate={navigate}
      switchTo={(user) => (user.is_superuser ? { href: '/if/admin/', label: t('shell.adminInterface') } : undefined)}
      eventHref={(user, event) => (user.is_superuser ? `/if/admin/${hrefOf(`/events/log/${encodeURIComponent(event)}`)}` : undefined)}
      sidebar={() => (
        <Nav aria-label={t('user.nav')}>
          <NavList>
            <NavItem to="#/library" isActive={!settings}>
              {t('user.library.title')}
            </NavItem>
            <NavItem to="#/settings" isActive={Boolean(settings)}>
              {t('user.settings.title')}
            </NavItem>
          </NavList>
        </Nav>
      )}
    >
      {(user) => (
        <>
          <ImpersonationBanner navigate={navigate} />
          {settings ? (
            <Settings user={user} tab={settings.tab} />
          ) : (
            <>
              <Title headingLevel="h2" size="lg">
                {t('user.welcome', { name: user.name || user.username })}
              </Title>
              <Content component="p">{t('user.signedInAs', { username: user.username })}</Content>
              <Library />
            </>
          )}
        </>
      )}
    </Shell>
  );
}
