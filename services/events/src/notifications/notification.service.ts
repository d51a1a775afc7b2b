import { Injectable } from '@nestjs/common';
import { paginate, type ListQuery, type Paginated, type Principal } from '@authmesh/http';
import { NotFoundError } from '@authmesh/runtime';
import { serializeEvent } from '../events/event.service.js';
import type { NotificationEntity } from './notification.entity.js';
import type { NotificationFilters, NotificationPatch, NotificationRead, Severity } from './notification.dto.js';
import { NotificationRepository } from './notification.repository.js';

/**
 * The signed-in user's notifications. Every user, superusers included, sees and changes only
 * their own: another user's notification answers 404 as if it did not exist.
 */
@Injectable()
export class NotificationService {
  constructor(private readonly notifications: NotificationRepository) {}

  async list(principal: Principal, filters: NotificationFilters, query: ListQuery): Promise<Paginated<NotificationRead>> {
    const [rows, count] = await this.notifications.list(principal.user.pk, filters, query);
    return paginate(rows.map(serializeNotification), count, query);
  }

  async get(principal: Principal, pk: string): Promise<NotificationRead> {
    const notification = await this.notifications.findOwn(principal.user.pk, pk);
    if (!notification) throw new NotFoundError();
    return serializeNotification(notification);
  }

  async update(principal: Principal, pk: string, patch: NotificationPatch): Promise<NotificationRead> {
    if (patch.seen !== undefined && !(await this.notifications.markSeen(principal.user.pk, pk, patch.seen))) throw new NotFoundError();
    return this.get(principal, pk);
  }

  async delete(principal: Principal, pk: string): Promise<void> {
    if (!(await this.notifications.deleteOwn(principal.user.pk, pk))) throw new NotFoundError();
  }

  async markAllSeen(principal: Principal): Promise<void> {
    await this.notifications.markAllSeen(principal.user.pk);
  }
}

function serializeNotification(notification: NotificationEntity): NotificationRead {
  return {
    pk: notification.pk,
    severity: notification.severity as Severity,
    body: notification.body,
    created: notification.created.toISOString(),
    event: notification.event ? serializeEvent(notification.event) : null,
    seen: notification.seen,
  };
}
