import {
  Alert,
  Button,
  Content,
  Dropdown,
  DropdownItem,
  DropdownList,
  EmptyState,
  EmptyStateBody,
  MenuToggle,
  Spinner,
  Tab,
  Tabs,
  TabTitleText,
  Title,
} from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import { FlowExecutor } from '../flow/flow-executor';
import { api } from '../shared/api/client';
import type { MessageKey } from '../shared/i18n/locales';
import { useI18n } from '../shared/i18n/i18n';
import { navigateTo } from '../shared/router';
import type { Me } from '../shared/session';
import { Consents } from './consents';
import { MfaDevices } from './mfa-devices';
import { Sessions } from './sessions';
import { Tokens } from './tokens';
import { configureLink, useUserSettings, type UserSetting } from './user-settings';

/** The settings tabs, in order, by route segment. */
export const SETTINGS_TABS: Array<{ key: string; title: MessageKey }> = [
  { key: 'details', title: 'user.settings.details' },
  { key: 'password', title: 'user.settings.password' },
  { key: 'mfa', title: 'user.settings.mfa' },
  { key: 'sources', title: 'user.settings.sources' },
  { key: 'tokens', title: 'user.settings.tokens' },
  { key: 'consents', title: 'user.settings.consents' },
  { key: 'sessions', title: 'user.settings.sessions' },
];

/** The user's settings: one tab per topic, the tab kept in the route (`#/settings/<tab>`). */
export function Settings({ user, tab }: { user: Me; tab: string }) {
  const { t } = useI18n();
  const active = SETTINGS_TABS.some((x) => x.key === tab) ? tab : 'details';
  const settings = useUserSettings();
  return (
    <section aria-labelledby="settings-title">
      <Title headingLevel="h2" id="settings-title">
        {t('user.settings.title')}
      </Title>
      <Tabs
        activeKey={active}
        onSelect={(_e, key) => navigateTo(`/settings/${String(key)}`)}
        aria-label={t('user.settings.title')}
        mountOnEnter
        unmountOnExit
      >
        {SETTINGS_TABS.map(({ key, title }) => (
          <Tab key={key} eventKey={key} title={<TabTitleText>{t(title)}</TabTitleText>}>
            <div className="am-section">
              {key === 'details' ? <UserDetails /> : null}
              {key === 'password' ? <ChangePassword settings={settings} /> : null}
              {key === 'mfa' ? (
                <>
                  <EnrollDevice settings={settings} />
                  <MfaDevices />
                </>
              ) : null}
              {key === 'sources' ? <ConnectedServices /> : null}
              {key === 'tokens' ? <Tokens user={user} /> : null}
              {key === 'consents' ? <Consents user={user} /> : null}
              {key === 'sessions' ? <Sessions user={user} /> : null}
            </div>
          </Tab>
        ))}
      </Tabs>
    </section>
  );
}

/** The brand's user-settings flow, run inside the page; when it finishes it starts again with the saved values. */
function UserDetails() {
  const { t } = useI18n();
  const [slug, setSlug] = useState<string | null | undefined>();
  const [round, setRound] = useState(0);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    let live = true;
    api
      .GET('/api/v3/core/brands/current')
      .then(({ data, response }) => live && setSlug(response.ok ? (data?.flow_user_settings ?? null) : null))
      .catch(() => live && setSlug(null));
    return () => {
      live = false;
    };
  }, []);
  if (slug === undefined) return <Spinner size="md" aria-label={t('flow.loading')} />;
  if (slug === null) return <Content component="p">{t('user.details.noFlow')}</Content>;
  return (
    <>
      <Title headingLevel="h2">{t('user.settings.details')}</Title>
      {saved ? <Alert variant="success" isInline title={t('user.details.saved')} /> : null}
      <FlowExecutor
        key={round}
        slug={slug}
        query=""
        embedded
        navigate={{
          assign: () => {
            setSaved(true);
            setRound((n) => n + 1);
          },
        }}
      />
    </>
  );
}

/** A link to the password stage's configure flow. */
function ChangePassword({ settings }: { settings: UserSetting[] | undefined }) {
  const { t } = useI18n();
  if (!settings) return <Spinner size="md" aria-label={t('flow.loading')} />;
  const password = settings.find((s) => s.component === 'ak-user-settings-password');
  return (
    <>
      <Title headingLevel="h2">{t('user.settings.password')}</Title>
      {password ? (
        <>
          <Content component="p">{t('user.password.help')}</Content>
          <Button component="a" href={configureLink(password, '/settings/password')} variant="primary">
            {t('user.settings.password')}
          </Button>
        </>
      ) : (
        <Content component="p">{t('user.password.none')}</Content>
      )}
    </>
  );
}

/** A menu of the authenticators the user can enroll, each opening its setup flow. */
function EnrollDevice({ settings }: { settings: UserSetting[] | undefined }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const choices = (settings ?? []).filter((s) => s.component.startsWith('ak-user-settings-authenticator-'));
  if (!settings) return null;
  if (choices.length === 0) return <Content component="p">{t('user.enroll.none')}</Content>;
  return (
    <Dropdown
      isOpen={open}
      onOpenChange={setOpen}
      toggle={(ref) => (
        <MenuToggle ref={ref} onClick={() => setOpen(!open)} isExpanded={open} variant="primary">
          {t('user.enroll.title')}
        </MenuToggle>
      )}
    >
      <DropdownList>
        {choices.map((choice) => (
          <DropdownItem key={choice.object_uid} to={configureLink(choice, '/settings/mfa')}>
            {choice.title}
          </DropdownItem>
        ))}
      </DropdownList>
    </Dropdown>
  );
}

/**
 * Sources the user has connected (social logins and the like). Core has no user connections
 * to sources yet, so this says so; a list of connections goes here once they exist.
 */
function ConnectedServices() {
  const { t } = useI18n();
  return (
    <EmptyState titleText={t('user.sources.title')} headingLevel="h2">
      <EmptyStateBody>{t('user.sources.none')}</EmptyStateBody>
    </EmptyState>
  );
}
