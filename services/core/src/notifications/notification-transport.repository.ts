import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager, FindOptionsWhere } from 'typeorm';
import type { ListQuery } from '@authmesh/http';
import { escapeLike, fetchPage } from '@authmesh/db';
import { DATA_SOURCE } from '../core.tokens.js';
import { managerFor } from '../database/transactions.js';
import { NotificationTransportEntity } from './notification-transport.entity.js';
import type { NotificationTransportFilters } from './notification-transport.dto.js';

const ORDERING: Record<string, string> = { name: 't.name', mode: 't.mode', pk: 't.id' };

/** Every query on notification transports. */
@Injectable()
export class NotificationTransportRepository {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  private manager(): EntityManager {
    return managerFor(this.dataSource);
  }

  findById(id: string): Promise<NotificationTransportEntity | null> {
    return this.manager().findOne(NotificationTransportEntity, { where: { id } });
  }

  /** The one transport whose fields all match (blueprint identifiers). */
  findOneBy(where: FindOptionsWhere<NotificationTransportEntity>): Promise<NotificationTransportEntity | null> {
    return this.manager().findOne(NotificationTransportEntity, { where });
  }

  findByIds(ids: string[]): Promise<NotificationTransportEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.manager()
      .createQueryBuilder(NotificationTransportEntity, 't')
      .where('t.id = ANY(:ids)', { ids })
      .orderBy('t.name', 'ASC')
      .getMany();
  }

  list(filters: NotificationTransportFilters, query: ListQuery): Promise<[NotificationTransportEntity[], number]> {
    const qb = this.manager().createQueryBuilder(NotificationTransportEntity, 't');
    if (filters.name !== undefined) qb.andWhere('t.name = :name', { name: filters.name });
    if (filters.mode !== undefined) qb.andWhere('t.mode = :mode', { mode: filters.mode });
    if (query.search) qb.andWhere(`(t.name ILIKE :s ESCAPE '\\' OR t.mode ILIKE :s ESCAPE '\\')`, { s: `%${escapeLike(query.search)}%` });
    return fetchPage(qb, query, ORDERING, { name: 'ASC' });
  }

  /** The transports whose body this webhook mapping builds. */
  async idsUsingMapping(mappingId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.manager().query(
      `SELECT id FROM core.notification_transports WHERE webhook_mapping_id = $1`,
      [mappingId],
    );
    return rows.map((r) => r.id);
  }

  /** Whether a webhook mapping (a property mapping of the notification type) exists. */
  async mappingExists(id: string): Promise<boolean> {
    const rows: unknown[] = await this.manager().query(`SELECT 1 FROM core.property_mappings WHERE id = $1 AND type = 'notification'`, [
      id,
    ]);
    return rows.length > 0;
  }

  /** The name and expression of webhook mappings, by id. */
  async mappings(ids: string[]): Promise<Map<string, { name: string; expression: string }>> {
    if (ids.length === 0) return new Map();
    const rows: Array<{ id: string; name: string; expression: string }> = await this.manager().query(
      `SELECT id, name, expression FROM core.property_mappings WHERE id = ANY($1) AND type = 'notification'`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, { name: r.name, expression: r.expression }]));
  }

  save(transport: NotificationTransportEntity): Promise<NotificationTransportEntity> {
    return this.manager().save(NotificationTransportEntity, transport);
  }

  async delete(id: string): Promise<void> {
    await this.manager().delete(NotificationTransportEntity, { id });
  }
}
