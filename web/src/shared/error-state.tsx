import { Button, EmptyState, EmptyStateActions, EmptyStateBody, EmptyStateFooter } from '@patternfly/react-core';
import type { ApiError } from './api/client';
import { useI18n } from './i18n/i18n';

/** What went wrong talking to the server, with Retry when trying again can help. */
export function ErrorState({ error, onRetry }: { error: ApiError; onRetry(): void }) {
  const { t } = useI18n();
  const title =
    error.status === 0
      ? t('error.network')
      : error.status >= 500
        ? t('error.server')
        : error.status === 404
          ? t('error.notFound')
          : t('error.request');
  return (
    <EmptyState titleText={title} headingLevel="h2" status="danger">
      <EmptyStateBody>
        {error.status >= 400 && error.message ? <span>{error.message}</span> : null}
        {error.status >= 400 ? <span className="am-status"> ({t('error.status', { status: error.status })})</span> : null}
      </EmptyStateBody>
      <EmptyStateFooter>
        <EmptyStateActions>
          {error.retryable ? (
            <Button variant="primary" onClick={onRetry}>
              {t('error.retry')}
            </Button>
          ) : (
            <Button component="a" href="/" variant="link">
              {t('error.home')}
            </Button>
          )}
        </EmptyStateActions>
      </EmptyStateFooter>
    </EmptyState>
  );
}
