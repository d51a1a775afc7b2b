import { Label, Title } from '@patternfly/react-core';
import type { Me } from '../shared/session';
import { useI18n } from '../shared/i18n/i18n';
import { OwnList } from './own-list';

/** The user's login sessions; ending one logs that browser out on its next request. The current one cannot be ended here. */
export function Sessions({ user }: { user: Me }) {
  const { t, locale } = useI18n();
  const when = (value: unknown) => (typeof value === 'string' ? new Date(value).toLocaleString(locale) : '');
  return (
    <section aria-labelledby="sessions-title" className="am-section">
      <Title headingLevel="h2" id="sessions-title">
        {t('user.sessions.title')}
      </Title>
      <p>{t('user.sessions.help')}</p>
      <OwnList
        list="/api/v3/core/authenticated_sessions"
        keep={(row) => row.user === user.pk}
        rowKey={(row) => String(row.uuid)}
        name={(row) => `${String(row.last_user_agent || t('user.sessions.unknownBrowser'))} (${String(row.last_ip ?? '')})`}
        canDelete={(row) => row.current !== true}
        empty={t('user.sessions.none')}
        deleteLabel={(name) => t('user.sessions.endNamed', { name })}
        confirmLabel={() => t('user.sessions.confirmEnd')}
        columns={[
          {
            label: t('user.sessions.browser'),
            render: (row) => (
              <>
                {String(row.last_user_agent || t('user.sessions.unknownBrowser'))}{' '}
                {row.current === true ? <Label color="green">{t('user.sessions.current')}</Label> : null}
              </>
            ),
          },
          { label: t('user.sessions.ip'), render: (row) => String(row.last_ip ?? '') },
          { label: t('user.sessions.lastUsed'), render: (row) => when(row.last_used) },
          { label: t('user.tokens.expires'), render: (row) => when(row.expires) },
        ]}
      />
    </section>
  );
}
