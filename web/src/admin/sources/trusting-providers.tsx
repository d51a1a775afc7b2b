import { EmptyState, EmptyStateBody, List, ListItem, Spinner } from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import { ErrorState } from '../../shared/error-state';
import { useI18n } from '../../shared/i18n/i18n';
import { ApiError } from '../../shared/api/client';
import { usedBy, type UsedBy } from '../kit/resource-api';

/**
 * The OAuth2 providers that accept JWTs signed with this source's keys (machine-to-machine
 * logins), as the source's `used_by` lists them.
 */
export function TrustingProviders({ slug }: { slug: string }) {
  const { t } = useI18n();
  const [providers, setProviders] = useState<UsedBy[] | undefined>();
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setFailure(undefined);
    usedBy('/api/v3/sources/all', slug)
      .then((rows) => live && setProviders(rows.filter((row) => row.model_name === 'oauth2provider')))
      .catch((error: unknown) => live && setFailure(error instanceof ApiError ? error : new ApiError(0, String(error))));
    return () => {
      live = false;
    };
  }, [slug, attempt]);

  if (failure) return <ErrorState error={failure} onRetry={() => setAttempt((n) => n + 1)} />;
  if (!providers) return <Spinner aria-label={t('flow.loading')} />;
  if (providers.length === 0)
    return (
      <EmptyState titleText={t('admin.sources.oauth.trustedByNone')} headingLevel="h3">
        <EmptyStateBody>{t('admin.sources.oauth.trustedByHelp')}</EmptyStateBody>
      </EmptyState>
    );
  return (
    <>
      <p className="am-muted">{t('admin.sources.oauth.trustedByHelp')}</p>
      <List aria-label={t('admin.sources.oauth.trustedBy')}>
        {providers.map((provider) => (
          <ListItem key={provider.pk}>{provider.name}</ListItem>
        ))}
      </List>
    </>
  );
}
