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
import { useEffect, type ReactNode } from 'react';
import { ErrorState } from './error-state';
import { useI18n } from './i18n/i18n';
import { LocalePicker } from './locale-picker';
import { LOGOUT_URL, userLocale, useSession, type Me } from './session';

/** The frame of the logged-in interfaces: masthead with user, language and logout; content needs a session. */
export function Shell({
  title,
  here,
  navigate = window.location,
  sidebar,
  switchTo,
  children,
}: {
  title: string;
  here: string;
  navigate?: { assign(url: string): void };
  /** Navigation beside the content, given the logged-in user. */
  sidebar?(user: Me): ReactNode;
  /** A link to the other interface (user ↔ admin), shown when the user may use it. */
  switchTo?(user: Me): { href: string; label: string } | undefined;
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
