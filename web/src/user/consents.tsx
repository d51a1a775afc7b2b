import { Title } from '@patternfly/react-core';
import type { Me } from '../shared/session';
import { useI18n } from '../shared/i18n/i18n';
import { OwnList } from './own-list';

/** The consents the user gave to applications; revoking one makes the application ask again. */
export function Consents({ user }: { user: Me }) {
  const { t, locale } = useI18n();
  const appName = (row: Record<string, unknown>) => (row.application as { name?: string } | null)?.name ?? t('user.consents.unknownApp');
  return (
    <section aria-labelledby="consents-title" className="am-section">
      <Title headingLevel="h2" id="consents-title">
        {t('user.consents.title')}
      </Title>
      <p>{t('user.consents.help')}</p>
      <OwnList
        list="/api/v3/core/user_consent"
        keep={(row) => row.user === user.pk}
        rowKey={(row) => String(row.pk)}
        name={appName}
        empty={t('user.consents.none')}
        deleteLabel={(name) => t('user.consents.revokeNamed', { name })}
        confirmLabel={(name) => t('user.consents.confirmRevoke', { name })}
        columns={[
          { label: t('user.consents.application'), render: appName },
          { label: t('user.consents.permissions'), render: (row) => String(row.permissions ?? '') || '—' },
          {
            label: t('user.tokens.expires'),
            render: (row) => (typeof row.expires === 'string' ? new Date(row.expires).toLocaleString(locale) : t('user.tokens.never')),
          },
        ]}
      />
    </section>
  );
}
