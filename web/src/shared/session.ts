import { useEffect, useState } from 'react';
import { api, ApiError } from './api/client';
import type { paths } from './api/schema';

export type Me = NonNullable<paths['/api/v3/core/users/me']['get']['responses'][200]['content']['application/json']['user']>;

/** Where a page that needs a login sends the browser: the brand's authentication flow, coming back here. */
export function loginUrl(here: string): string {
  return `/flows/-/default/authentication/?next=${encodeURIComponent(here)}`;
}

/** The brand's logout flow. */
export const LOGOUT_URL = '/flows/-/default/invalidation/';

/** The user's own locale setting (`attributes.settings.locale`, or `attributes.locale`). */
export function userLocale(user: Me): string | undefined {
  const attributes = (user.attributes ?? {}) as { settings?: { locale?: unknown }; locale?: unknown };
  const value = attributes.settings?.locale ?? attributes.locale;
  return typeof value === 'string' && value ? value : undefined;
}

export type SessionState = { kind: 'loading' } | { kind: 'user'; user: Me } | { kind: 'error'; error: ApiError };

/** Who is logged in; a browser without a session is sent to log in. */
export function useSession(navigate: { assign(url: string): void }, here: string): [SessionState, () => void] {
  const [state, setState] = useState<SessionState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    api
      .GET('/api/v3/core/users/me')
      .then(({ data, response }) => {
        if (!live) return;
        if (response.status === 401 || response.status === 403) return navigate.assign(loginUrl(here));
        if (!response.ok || !data?.user) return setState({ kind: 'error', error: new ApiError(response.status, response.statusText) });
        setState({ kind: 'user', user: data.user });
      })
      .catch((error: unknown) => live && setState({ kind: 'error', error: new ApiError(0, String(error)) }));
    return () => {
      live = false;
    };
  }, [attempt, navigate, here]);
  return [state, () => setAttempt((n) => n + 1)];
}
