import { Flex, FlexItem } from '@patternfly/react-core';
import { useI18n } from '../../shared/i18n/i18n';

/** "Logged in as …" with a way out when it is not you. */
export function PendingUser({ username }: { username: string }) {
  const { t } = useI18n();
  if (!username) return null;
  return (
    <Flex justifyContent={{ default: 'justifyContentSpaceBetween' }} className="am-pending-user">
      <FlexItem>{t('flow.pendingUser', { username })}</FlexItem>
      <FlexItem>
        <a href="/flows/-/cancel/">{t('flow.notYou')}</a>
      </FlexItem>
    </Flex>
  );
}
