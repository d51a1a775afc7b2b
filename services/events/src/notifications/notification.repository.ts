import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { ListQuery } from '@authmesh/http';
import { fetchPage } from '@authmesh/db';
import { EVENTS_DATA_SOURCE } from '../events.tokens.js';
import { NotificationEntity } from './notification.entity.js';
import type { NotificationFilters } from './notification.dto.js';

const ORDERING: Record<string, string> = {
  created: 'n.created',
  severity: 'n.severity',
  seen: 'n.seen',
};

/** Every query on notifications; each one that reads or changes a notification is scoped to its owner. */
@Injectable()
export class NotificationRepository {
  constructor(@Inject(EVENTS_DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** Stores notifications (one per recipient of a local delivery). */
  async insert(rows: Array<Pick<NotificationEntity, 'userPk' | 'severity' | 'body' | 'eventId'>>): Promise<void> {
    if (rows.length === 0) return;
    await this.dataSource.manager.insert(NotificationEntity, rows);
  }

  list(userPk: string, filters: NotificationFilters, query: ListQuery): Promise<[NotificationEntity[], number]> {
    const qb = this.dataSource.manager
      .createQueryBuilder(NotificationEntity, 'n')
      .leftJoinAndSelect('n.event', 'e')
      .where('n.user_pk = :userPk', { userPk });
    if (filters.seen !== undefined) qb.andWhere('n.seen = :seen', { seen: filters.seen });
    if (filters.severity) qb.andWhere('n.severity = :severity', { severity: filters.severity });
    return fetchPage(qb, query, ORDERING, { created: 'DESC' }, 'n.pk');
  }

  findOwn(userPk: string, pk: string): Promise<NotificationEntity | null> {
    return this.dataSource.manager.findOne(NotificationEntity, { where: { pk, userPk }, relations: { event: true } });
  }

  /** Sets `seen` on one notification of the user; false when there is none. */
  async markSeen(userPk: string, pk: string, seen: boolean): Promise<boolean> {
    const result = await this.dataSource.manager.update(NotificationEntity, { pk, userPk }, { seen });
    return (result.affected ?? 0) > 0;
  }

  async markAllSeen(userPk: string): Promise<void> {
    await this.dataSource.manager.update(NotificationEntity, { userPk, seen: false }, { seen: true });
  }

  /** Deletes every notification of a user (the user was deleted in core). */
  async deleteForUser(userPk: string): Promise<void> {
    await this.dataSource.manager.delete(NotificationEntity, { userPk });
  }

  /** Deletes one notification of the user; false when there is none. */
  async deleteOwn(userPk: string, pk: string): Promise<boolean> {
    const result = await this.dataSource.manager.delete(NotificationEntity, { pk, userPk });
    return (result.affected ?? 0) > 0;
  }
}
