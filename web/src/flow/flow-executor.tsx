import { Alert, Bullseye, Button, LoginPage, Spinner } from '@patternfly/react-core';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../shared/api/client';
import { useBrand } from '../shared/brand';
import { ErrorState } from '../shared/error-state';
import { useI18n } from '../shared/i18n/i18n';
import { LocalePicker } from '../shared/locale-picker';
import { stringOf, type Challenge } from './challenge';
import { ExecutorClient } from './executor-client';
import { STAGE_RENDERERS } from './stages';

type View =
  | { kind: 'loading' }
  | { kind: 'challenge'; challenge: Challenge; generation: number }
  | { kind: 'redirecting'; to: string }
  | { kind: 'error'; error: ApiError; retry: () => void };

/** Where the browser goes: a local path, or an absolute http(s) URL (e.g. back to an OAuth client). */
export function safeTarget(to: string): string {
  if (to.startsWith('/') && !to.startsWith('//')) return to;
  try {
    const url = new URL(to);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : '/';
  } catch {
    return '/';
  }
}

/** How the page navigates; replaced in component tests. */
export interface Navigator {
  assign(url: string): void;
}

/**
 * The flow interface at /if/flow/<slug>/: fetches the current challenge, draws the stage's
 * renderer in the flow's frame, posts answers, and follows the final redirect.
 */
export function FlowExecutor({
  slug,
  query,
  navigate = window.location,
  embedded = false,
}: {
  slug: string;
  query: string;
  navigate?: Navigator;
  /** Inside another page (the user settings): only the stages, without the login page frame or the page title. */
  embedded?: boolean;
}) {
  const { t } = useI18n();
  const client = useMemo(() => new ExecutorClient(slug, query), [slug, query]);
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [busy, setBusy] = useState(false);
  const generation = useRef(0);
  const stageBox = useRef<HTMLDivElement>(null);

  const show = useCallback(
    (challenge: Challenge) => {
      if (challenge.component === 'xak-flow-redirect' || challenge.type === 'redirect') {
        const to = safeTarget(stringOf(challenge, 'to') || '/');
        setView({ kind: 'redirecting', to });
        navigate.assign(to);
        return;
      }
      // A challenge without errors is a new step: its renderer starts afresh. With errors it
      // is the same step again, so what the user typed stays.
      if (!challenge.response_errors || Object.keys(challenge.response_errors).length === 0) generation.current += 1;
      setView({ kind: 'challenge', challenge, generation: generation.current });
    },
    [navigate],
  );

  const run = useCallback(
    async (request: () => Promise<Challenge>) => {
      setBusy(true);
      try {
        show(await request());
      } catch (error) {
        const failure = error instanceof ApiError ? error : new ApiError(0, String(error));
        // Retry asks for the current challenge again: safe after any failure, and never repeats an answer.
        setView({ kind: 'error', error: failure, retry: () => void run(() => client.get()) });
      } finally {
        setBusy(false);
      }
    },
    [client, show],
  );

  useEffect(() => {
    void run(() => client.get());
  }, [client, run]);

  const submit = useCallback((answer: Record<string, unknown>) => run(() => client.post(answer)), [client, run]);

  const currentGeneration = view.kind === 'challenge' ? view.generation : -1;
  // Focus the first field of each new step (and the first invalid one after errors).
  useLayoutEffect(() => {
    const box = stageBox.current;
    if (!box || view.kind !== 'challenge') return;
    const invalid = box.querySelector<HTMLElement>('[aria-invalid="true"]');
    const field = box.querySelector<HTMLElement>(
      'input:not([type=hidden]):not([hidden]):not([readonly]), select, textarea:not([readonly])',
    );
    const action = box.querySelector<HTMLElement>('button, a[href]');
    (invalid ?? field ?? action)?.focus();
  }, [currentGeneration, view]);

  const challenge = view.kind === 'challenge' ? view.challenge : undefined;
  const info = challenge?.flow_info;
  const brand = useBrand();
  const title = info?.title || t('flow.title');
  useEffect(() => {
    if (!embedded) document.title = brand?.title ? `${title} – ${brand.title}` : title;
  }, [title, brand?.title, embedded]);

  let body;
  if (view.kind === 'loading' || view.kind === 'redirecting') {
    body = (
      <Bullseye>
        <Spinner aria-label={view.kind === 'loading' ? t('flow.loading') : t('flow.redirecting')} />
      </Bullseye>
    );
  } else if (view.kind === 'error') {
    body = <ErrorState error={view.error} onRetry={view.retry} />;
  } else {
    const Renderer = STAGE_RENDERERS[view.challenge.component];
    body = Renderer ? (
      <Renderer key={`${view.challenge.component}:${view.generation}`} challenge={view.challenge} submit={submit} busy={busy} />
    ) : (
      <Alert variant="danger" isInline title={t('flow.unknownStage')}>
        <p>{view.challenge.component}</p>
      </Alert>
    );
  }

  if (embedded) {
    return (
      <div ref={stageBox} className="am-flow-embedded" data-component={challenge?.component ?? view.kind}>
        {body}
      </div>
    );
  }

  return (
    <div className={`am-flow am-layout-${(info?.layout || 'stacked').replace(/[^a-z_]/g, '')}`}>
      <LoginPage
        loginTitle={title}
        backgroundImgSrc={info?.background || undefined}
        brandImgSrc={brand?.logo || undefined}
        brandImgAlt={brand?.title || 'authmesh'}
        headerUtilities={<LocalePicker />}
      >
        <div ref={stageBox} data-component={challenge?.component ?? view.kind}>
          {body}
        </div>
        {info?.cancel_url && view.kind === 'challenge' ? (
          <p className="am-flow-links">
            <Button component="a" href={info.cancel_url} variant="link" isInline>
              {t('flow.cancel')}
            </Button>
          </p>
        ) : null}
      </LoginPage>
    </div>
  );
}
