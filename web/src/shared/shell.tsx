import {
  Bullseye,
  Button,
  Masthead,
  MastheadBrand,
  MastheadContent,
  MastheadMain,
  Page,
  PageSection,
  PageSidebar,
  PageSidebarBody,
  Spinner,
  Title,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from '@patternfly/react-core';
import { useEffect, useState, type ReactNode } from 'react';
import { ErrorState } from './error-state';
import { useI18n } from './i18n/i18n';
import { LocalePicker } from './locale-picker';
import { NotificationBell, NotificationPanel } from './notifications/notification-drawer';
import { useNotifications } from './notifications/use-notifications';
import { LOGOUT_URL, userLocale, useSession, type Me } from './session';

/** The frame of the logged-in interfaces: masthead with user, language and logout; content needs a session. */
export function Shell({
  title,
  here,
  navigate = window.location,
  sidebar,
  switchTo,
  eventHref,
  children,
}: {
  title: string;
  here: string;
  navigate?: { assign(url: string): void };
  /** Navigation beside the content, given the logged-in user. */
  sidebar?(user: Me): ReactNode;
  /** A link to the other interface (user ↔ admin), shown when the user may use it. */
  switchTo?(user: Me): { href: string; label: string } | undefined;
  /** Where a notification's event opens, when this user may see it there. */
  eventHref?(user: Me, event: string): string | undefined;
  children(user: Me): ReactNode;
}) {
  const { t, setUserLocale } = useI18n();
  const [session, retry] = useSession(navigate, here);
  const user = session.kind === 'user' ? session.user : undefined;
  useEffect(() => {
    if (user) setUserLocale(userLocale(user));
  }, [user, setUserLocale]);
  useEffect(() => {
    document.title = title;
  }, [title]);

  const notifications = useNotifications(user !== undefined);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const toggleDrawer = () => {
    // Opening shows what is new now, not what the last minute's poll saw.
    if (!drawerOpen) notifications.refresh();
    setDrawerOpen(!drawerOpen);
  };
  const closeDrawer = () => {
    setDrawerOpen(false);
    document.getElementById('am-notification-bell')?.focus();
  };

  const switchTarget = user && switchTo ? switchTo(user) : undefined;
  const masthead = (
    <Masthead>
      <MastheadMain>
        <MastheadBrand>
          <Title headingLevel="h1" size="lg">
            {title}
          </Title>
        </MastheadBrand>
      </MastheadMain>
      <MastheadContent>
        <Toolbar isFullHeight isStatic>
          <ToolbarContent>
            <ToolbarItem>
              <LocalePicker />
            </ToolbarItem>
            {user ? (
              <>
                {switchTarget ? (
                  <ToolbarItem>
                    <Button component="a" href={switchTarget.href} variant="link">
                      {switchTarget.label}
                    </Button>
                  </ToolbarItem>
                ) : null}
                <ToolbarItem>
                  <NotificationBell count={notifications.count} expanded={drawerOpen} onToggle={toggleDrawer} />
                </ToolbarItem>
                <ToolbarItem>
                  <span data-testid="whoami">{user.name || user.username}</span>
                </ToolbarItem>
                <ToolbarItem>
                  <Button component="a" href={LOGOUT_URL} variant="secondary">
                    {t('shell.logout')}
                  </Button>
                </ToolbarItem>
              </>
            ) : null}
          </ToolbarContent>
        </Toolbar>
      </MastheadContent>
    </Masthead>
  );
  return (
    <Page
      masthead={masthead}
      // Always given, so the content is not mounted anew when the session arrives.
      notificationDrawer={
        user && drawerOpen ? (
          <NotificationPanel
            state={notifications}
            eventHref={eventHref ? (event) => eventHref(user, event) : undefined}
            onClose={closeDrawer}
          />
        ) : (
          <span />
        )
      }
      isNotificationDrawerExpanded={user !== undefined && drawerOpen}
      sidebar={
        user && sidebar ? (
          <PageSidebar isSidebarOpen>
            <PageSidebarBody>{sidebar(user)}</PageSidebarBody>
          </PageSidebar>
        ) : undefined
      }
    >
      <PageSection>
        {session.kind === 'user' ? (
          children(session.user)
        ) : session.kind === 'error' ? (
          <ErrorState error={session.error} onRetry={retry} />
        ) : (
          <Bullseye>
            <Spinner aria-label={t('flow.loading')} />
          </Bullseye>
        )}
      </PageSection>
    </Page>
  );
}
