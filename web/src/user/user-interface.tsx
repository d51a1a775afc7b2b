import { Content, Title } from '@patternfly/react-core';
import { useI18n } from '../shared/i18n/i18n';
import { Shell } from '../shared/shell';
import { MfaDevices } from './mfa-devices';

/** /if/user/: the logged-in user's home (for now: who you are, your second factors, and logout). */
export function UserInterface({ navigate }: { navigate?: { assign(url: string): void } }) {
  const { t } = useI18n();
  return (
    <Shell
      title={t('user.title')}
      here="/if/user/"
      navigate={navigate}
      switchTo={(user) => (user.is_superuser ? { href: '/if/admin/', label: t('shell.adminInterface') } : undefined)}
    >
      {(user) => (
        <>
          <Title headingLevel="h2">{t('user.welcome', { name: user.name || user.username })}</Title>
          <Content component="p">{t('user.signedInAs', { username: user.username })}</Content>
          <MfaDevices />
        </>
      )}
    </Shell>
  );
}
