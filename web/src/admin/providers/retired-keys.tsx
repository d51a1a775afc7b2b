import { EmptyState, EmptyStateBody, Spinner } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../shared/api/client';
import { ErrorState } from '../../shared/error-state';
import { useI18n } from '../../shared/i18n/i18n';
import { Link } from '../../shared/router';
import { dateCell } from '../kit/cells';
import type { Row } from '../kit/resource-api';

type RetiredKey = { key_pair: string; name: string; retired_at: string; verify_until: string };

/**
 * The keys a provider signed with before its current one. They stay in its JWKS, for
 * verification only, until every token they signed has expired.
 */
export function RetiredKeys({ provider }: { provider: Row }) {
  const { t } = useI18n();
  const [keys, setKeys] = useState<RetiredKey[] | undefined>();
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setFailure(undefined);
    api
      .GET('/api/v3/providers/oauth2/{id}/retired_keys', { params: { path: { id: Number(provider.pk) } } })
      .then(({ data, response }) => {
        if (!live) return;
        if (data) setKeys(data);
        else setFailure(new ApiError(response.status, response.statusText));
      })
      .catch((error: unknown) => live && setFailure(error instanceof ApiError ? error : new ApiError(0, String(error))));
    return () => {
      live = false;
    };
  }, [provider.pk, attempt]);

  if (failure) return <ErrorState error={failure} onRetry={() => setAttempt((n) => n + 1)} />;
  if (!keys) return <Spinner size="md" aria-label={t('flow.loading')} />;
  if (keys.length === 0)
    return (
      <EmptyState titleText={t('admin.oauth2.retiredNone')} headingLevel="h3">
        <EmptyStateBody>{t('admin.oauth2.retiredHelp')}</EmptyStateBody>
      </EmptyState>
    );
  return (
    <>
      <p className="am-muted">{t('admin.oauth2.retiredHelp')}</p>
      <Table aria-label={t('admin.oauth2.retiredKeys')} variant="compact">
        <Thead>
          <Tr>
            <Th>{t('admin.oauth2.retiredKey')}</Th>
            <Th>{t('admin.oauth2.retiredAt')}</Th>
            <Th>{t('admin.oauth2.retiredUntil')}</Th>
          </Tr>
        </Thead>
        <Tbody>
          {keys.map((key) => (
            <Tr key={key.key_pair}>
              <Td dataLabel={t('admin.oauth2.retiredKey')}>
                <Link to={`/crypto/certificates/${key.key_pair}`}>{key.name}</Link>
              </Td>
              <Td dataLabel={t('admin.oauth2.retiredAt')}>{dateCell(key.retired_at)}</Td>
              <Td dataLabel={t('admin.oauth2.retiredUntil')}>{dateCell(key.verify_until)}</Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </>
  );
}
