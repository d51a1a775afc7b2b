import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import type { ListQuery } from '@authmesh/http';
import { fetchPage, escapeLike } from '@authmesh/db';
import { EVENTS_DATA_SOURCE } from '../events.tokens.js';
import { EventEntity } from './event.entity.js';
import type { EventFilters } from './event.dto.js';

const ORDERING: Record<string, string> = {
  created: 'e.created',
  action: 'e.action',
  client_ip: 'e.client_ip',
  user: `e."user"->>'username'`,
};

/** Every query on the event log. */
@Injectable()
export class EventRepository {
  constructor(@Inject(EVENTS_DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** Stores an event once; a redelivered event (same uuid) changes nothing. */
  async insert(event: EventEntity): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO events.events (event_uuid, action, app, "user", context, client_ip, brand, created, expires)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (event_uuid) DO NOTHING RETURNING event_uuid`,
      [event.eventUuid, event.action, event.app, event.user, event.context, event.clientIp, event.brand, event.created, event.expires],
    );
    return rows.length > 0;
  }

  findById(id: string): Promise<EventEntity | null> {
    return this.dataSource.manager.findOne(EventEntity, { where: { eventUuid: id } });
  }

  async list(filters: EventFilters, query: ListQuery): Promise<[EventEntity[], number]> {
    const qb = this.dataSource.manager.createQueryBuilder(EventEntity, 'e');
    this.filter(qb, filters);
    if (query.search) {
      qb.andWhere(`(e.action ILIKE :s ESCAPE '\\' OR e."user"->>'username' ILIKE :s ESCAPE '\\' OR e.client_ip ILIKE :s ESCAPE '\\')`, {
        s: `%${escapeLike(query.search)}%`,
      });
    }
    return fetchPage(qb, query, ORDERING, { created: 'DESC' });
  }

  /**
   * How many events matched per time bucket since `since` (buckets of `bucketSeconds` starting
   * at `since`); buckets without events are absent.
   */
  async volume(filters: EventFilters, since: Date, bucketSeconds: number): Promise<Array<{ bucket: Date; count: number }>> {
    const qb = this.dataSource.manager
      .createQueryBuilder(EventEntity, 'e')
      .select(`date_bin(make_interval(secs => :bucket), e.created, :since)`, 'bucket')
      .addSelect('count(*)', 'count')
      .where('e.created >= :since', { since, bucket: bucketSeconds })
      .groupBy('1')
      .orderBy('1');
    this.filter(qb, filters);
    const rows: Array<{ bucket: Date | string; count: string }> = await qb.getRawMany();
    return rows.map((row) => ({ bucket: new Date(row.bucket), count: Number(row.count) }));
  }

  /** The applications named by the most events of an action, with how many users they had. */
  async topApplications(
    action: string,
    limit: number,
  ): Promise<Array<{ application: Record<string, unknown>; counted: number; users: number }>> {
    const rows: Array<{ application: Record<string, unknown>; counted: string; users: string }> = await this.dataSource.query(
      `SELECT context->'authorized_application' AS application, count(*) AS counted, count(DISTINCT "user"->>'pk') AS users
         FROM events.events
        WHERE action = $1 AND context ? 'authorized_application'
        GROUP BY context->'authorized_application'
        ORDER BY counted DESC
        LIMIT $2`,
      [action, limit],
    );
    return rows.map((row) => ({ application: row.application, counted: Number(row.counted), users: Number(row.users) }));
  }

  /** Narrows a query to the events the filters name. */
  private filter(qb: SelectQueryBuilder<EventEntity>, filters: EventFilters): void {
    if (filters.action !== undefined) qb.andWhere('e.action = :action', { action: filters.action });
    if (filters.client_ip !== undefined) qb.andWhere('e.client_ip = :ip', { ip: filters.client_ip });
    if (filters.username !== undefined) qb.andWhere(`e."user"->>'username' = :username`, { username: filters.username });
    if (filters.brand_name !== undefined) qb.andWhere(`e.brand->>'name' = :brand`, { brand: filters.brand_name });
    if (filters.context_model_app !== undefined) qb.andWhere(`e.context->'model'->>'app' = :mapp`, { mapp: filters.context_model_app });
    if (filters.context_model_name !== undefined) {
      qb.andWhere(`e.context->'model'->>'model_name' = :mname`, { mname: filters.context_model_name });
    }
    if (filters.context_model_pk !== undefined) qb.andWhere(`e.context->'model'->>'pk' = :mpk`, { mpk: filters.context_model_pk });
    if (filters.context_authorized_app !== undefined) {
      qb.andWhere(`e.context->'authorized_application'->>'pk' = :aapp`, { aapp: filters.context_authorized_app });
    }
    if (filters.created__gte !== undefined) qb.andWhere('e.created >= :after', { after: new Date(filters.created__gte) });
    if (filters.created__lte !== undefined) qb.andWhere('e.created <= :before', { before: new Date(filters.created__lte) });
  }

  async actions(): Promise<string[]> {
    const rows: Array<{ action: string }> = await this.dataSource.query('SELECT DISTINCT action FROM events.events ORDER BY action');
    return rows.map((r) => r.action);
  }

  /** Deletes up to `limit` expired events; returns how many went. */
  async deleteExpired(limit: number): Promise<number> {
    // TypeORM answers a DELETE with [rows, affected count].
    const [, deleted]: [unknown[], number] = await this.dataSource.query(
      `DELETE FROM events.events WHERE event_uuid IN (SELECT event_uuid FROM events.events WHERE expires < now() LIMIT $1)`,
      [limit],
    );
    return deleted;
  }
}
