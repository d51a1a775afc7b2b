import { Alert, Content, Title } from '@patternfly/react-core';
import { useI18n } from '../shared/i18n/i18n';
import { Shell } from '../shared/shell';

/** /if/admin/: the administration interface's shell; pages come later. */
export function AdminInterface({ navigate }: { navigate?: { assign(url: string): void } }) {
  const { t } = useI18n();
  return (
    <Shell title={t('admin.title')} here="/if/admin/" navigate={navigate}>
      {(user) =>
        user.is_superuser ? (
          <>
            <Title headingLevel="h2">{t('admin.title')}</Title>
            <Content component="p">{t('admin.placeholder')}</Content>
          </>
        ) : (
          <Alert variant="warning" isInline title={t('admin.forbidden')} />
        )
      }
    </Shell>
  );
}
