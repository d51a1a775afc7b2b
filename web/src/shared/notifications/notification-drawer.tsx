import {
  Alert,
  AlertActionLink,
  Button,
  EmptyState,
  EmptyStateBody,
  NotificationBadge,
  NotificationDrawer,
  NotificationDrawerBody,
  NotificationDrawerHeader,
  NotificationDrawerList,
  NotificationDrawerListItem,
  NotificationDrawerListItemBody,
  NotificationDrawerListItemHeader,
  Spinner,
} from '@patternfly/react-core';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/locales';
import { relativeTime } from './relative-time';
import type { NotificationsState, UserNotification } from './use-notifications';

const SEVERITY_VARIANTS: Record<string, 'info' | 'warning' | 'danger'> = { notice: 'info', warning: 'warning', alert: 'danger' };
const SEVERITY_TITLES: Record<string, MessageKey> = {
  notice: 'shell.notifications.notice',
  warning: 'shell.notifications.warning',
  alert: 'shell.notifications.alert',
};

/** The header's bell: how many notifications are unread; opens and closes the drawer. */
export function NotificationBell({ count, expanded, onToggle }: { count?: number; expanded: boolean; onToggle(): void }) {
  const { t } = useI18n();
  return (
    <NotificationBadge
      id="am-notification-bell"
      variant={count ? 'unread' : 'read'}
      count={count ?? 0}
      isExpanded={expanded}
      onClick={onToggle}
      aria-label={count === undefined ? t('shell.notifications.title') : t('shell.notifications.bell', { count })}
    />
  );
}

/** One notification: its severity, body (as text), age, a link to its event where allowed, and "mark as read". */
function NotificationItem({
  notification,
  eventHref,
  onRead,
}: {
  notification: UserNotification;
  eventHref?(event: string): string | undefined;
  onRead(): void;
}) {
  const { t, locale } = useI18n();
  const severity = String(notification.severity);
  const titleKey = SEVERITY_TITLES[severity] ?? 'shell.notifications.notice';
  const href = notification.event && eventHref ? eventHref(notification.event.pk) : undefined;
  const created = new Date(notification.created);
  return (
    <NotificationDrawerListItem variant={SEVERITY_VARIANTS[severity] ?? 'info'} isHoverable={false}>
      <NotificationDrawerListItemHeader
        variant={SEVERITY_VARIANTS[severity] ?? 'info'}
        title={t(titleKey)}
        srTitle={t(titleKey)}
        headingLevel="h3"
      >
        <Button variant="link" isInline onClick={onRead}>
          {t('shell.notifications.markRead')}
        </Button>
      </NotificationDrawerListItemHeader>
      <NotificationDrawerListItemBody
        timestamp={
          <time dateTime={notification.created} title={Number.isNaN(created.getTime()) ? undefined : created.toLocaleString(locale)}>
            {relativeTime(notification.created, locale)}
          </time>
        }
      >
        <div className="am-notification-body">{notification.body}</div>
        {href ? (
          <Button component="a" variant="link" isInline href={href}>
            {t('shell.notifications.openEvent')}
          </Button>
        ) : null}
      </NotificationDrawerListItemBody>
    </NotificationDrawerListItem>
  );
}

/**
 * The notification drawer's content: unread notifications with "mark as read" and "Clear all",
 * an empty state, and failures with Retry inside the drawer. Escape closes it.
 */
export function NotificationPanel({
  state,
  eventHref,
  onClose,
}: {
  state: NotificationsState;
  /** Where an event's page is, when the user may open it. */
  eventHref?(event: string): string | undefined;
  onClose(): void;
}) {
  const { t } = useI18n();
  const drawer = useRef<HTMLDivElement>(null);
  // The drawer takes the focus when it opens, so keyboard users land in it. Without preventScroll
  // the browser would scroll the page sideways to the panel while it is still sliding in.
  useEffect(() => drawer.current?.focus({ preventScroll: true }), []);
  // "Mark as read" leaves with its item and "Clear all" is disabled once nothing is left: the focus
  // they held would fall back to the page, out of reach of Escape. It stays in the drawer instead.
  const keepFocus = () => drawer.current?.focus({ preventScroll: true });
  const { items, count, loading, error, actionFailed } = state;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    onClose();
  };
  return (
    <NotificationDrawer ref={drawer} tabIndex={-1} onKeyDown={onKeyDown} aria-label={t('shell.notifications.title')}>
      <NotificationDrawerHeader
        title={t('shell.notifications.title')}
        customText={count === undefined ? undefined : t('shell.notifications.unread', { count })}
        closeButtonAriaLabel={t('shell.notifications.close')}
        onClose={onClose}
      >
        <Button variant="link" isDisabled={!items || items.length === 0} onClick={() => void state.clearAll().then(keepFocus)}>
          {t('shell.notifications.clearAll')}
        </Button>
      </NotificationDrawerHeader>
      <NotificationDrawerBody>
        {actionFailed ? <Alert variant="danger" isInline title={t('shell.notifications.actionFailed')} /> : null}
        {error ? (
          <Alert
            variant="danger"
            isInline
            title={error.status === 0 ? t('error.network') : t('shell.notifications.loadFailed')}
            actionLinks={<AlertActionLink onClick={state.refresh}>{t('error.retry')}</AlertActionLink>}
          />
        ) : null}
        {items === undefined ? (
          loading ? (
            <Spinner size="lg" aria-label={t('flow.loading')} />
          ) : null
        ) : items.length === 0 ? (
          <EmptyState titleText={t('shell.notifications.emptyTitle')} headingLevel="h3">
            <EmptyStateBody>{t('shell.notifications.empty')}</EmptyStateBody>
          </EmptyState>
        ) : (
          <NotificationDrawerList aria-label={t('shell.notifications.list')}>
            {items.map((notification) => (
              <NotificationItem
                key={notification.pk}
                notification={notification}
                eventHref={eventHref}
                onRead={() => void state.markRead(notification.pk).then(keepFocus)}
              />
            ))}
          </NotificationDrawerList>
        )}
      </NotificationDrawerBody>
    </NotificationDrawer>
  );
}
