import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../api/client';
import type { paths } from '../api/schema';

type NotificationList = paths['/api/v3/events/notifications']['get']['responses'][200]['content']['application/json'];

/** One notification of the logged-in user, as the events service answers it. */
export type UserNotification = NotificationList['results'][number];

/** How often the unread notifications are fetched again while the page is visible. */
export const REFRESH_INTERVAL_MS = 60_000;

/** How many unread notifications the drawer lists; the badge counts them all. */
const PAGE_SIZE = 50;

export interface NotificationsState {
  /** The unread notifications, newest first; undefined before the first answer. */
  items?: UserNotification[];
  /** How many are unread in all (the list may hold fewer). */
  count?: number;
  loading: boolean;
  /** Why the list could not be fetched. */
  error?: ApiError;
  /** A mark-as-read or clear that the server refused or could not receive. */
  actionFailed: boolean;
  refresh(): void;
  markRead(pk: string): Promise<void>;
  clearAll(): Promise<void>;
}

function failure(response: Response): ApiError {
  return new ApiError(response.status, response.statusText);
}

/**
 * The logged-in user's unread notifications: fetched when `enabled`, then every minute while the
 * page is visible and when it becomes visible again. Failures are kept in the state, never thrown.
 */
export function useNotifications(enabled: boolean): NotificationsState {
  const [items, setItems] = useState<UserNotification[] | undefined>();
  const [count, setCount] = useState<number | undefined>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const [actionFailed, setActionFailed] = useState(false);
  // Answers that arrive after a newer request was sent (or after unmounting) are dropped.
  const latest = useRef(0);

  const refresh = useCallback(() => {
    const request = ++latest.current;
    setLoading(true);
    api
      .GET('/api/v3/events/notifications', {
        params: { query: { seen: 'false', ordering: '-created', page: 1, page_size: PAGE_SIZE } },
      })
      .then(({ data, response }) => {
        if (request !== latest.current) return;
        if (!response.ok || !data || !Array.isArray(data.results)) throw failure(response);
        setItems(data.results);
        setCount(typeof data.pagination?.count === 'number' ? data.pagination.count : data.results.length);
        setError(undefined);
      })
      .catch((caught: unknown) => {
        if (request !== latest.current) return;
        setError(caught instanceof ApiError ? caught : new ApiError(0, String(caught)));
      })
      .finally(() => request === latest.current && setLoading(false));
  }, []);

  useEffect(() => {
    if (!enabled) return;
    refresh();
    const visible = () => document.visibilityState !== 'hidden';
    const timer = window.setInterval(() => visible() && refresh(), REFRESH_INTERVAL_MS);
    const onVisibility = () => visible() && refresh();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
      latest.current++;
    };
  }, [enabled, refresh]);

  const markRead = useCallback(async (pk: string) => {
    try {
      const { response } = await api.PATCH('/api/v3/events/notifications/{id}', {
        params: { path: { id: pk } },
        body: { seen: true },
      });
      if (!response.ok) throw failure(response);
      setActionFailed(false);
      setItems((current) => current?.filter((item) => item.pk !== pk));
      setCount((current) => (current === undefined ? current : Math.max(0, current - 1)));
    } catch {
      setActionFailed(true);
    }
  }, []);

  const clearAll = useCallback(async () => {
    try {
      const { response } = await api.POST('/api/v3/events/notifications/mark_all_seen');
      if (!response.ok) throw failure(response);
      setActionFailed(false);
      // A list fetch still on its way would bring the cleared notifications back.
      latest.current++;
      setLoading(false);
      setItems([]);
      setCount(0);
    } catch {
      setActionFailed(true);
    }
  }, []);

  return { items, count, loading, error, actionFailed, refresh, markRead, clearAll };
}
