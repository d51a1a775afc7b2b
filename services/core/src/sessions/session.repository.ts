import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { fetchPage } from '@authmesh/db';
import type { ListQuery } from '@authmesh/http';
import { DATA_SOURCE } from '../core.tokens.js';
import { managerFor } from '../database/transactions.js';
import { SessionEntity } from './session.entity.js';

const ORDERING: Record<string, string> = { last_used: 's.last_used', created: 's.created', expires: 's.expires' };

/** Every query on login sessions. */
@Injectable()
export class SessionRepository {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  private manager(): EntityManager {
    return managerFor(this.dataSource);
  }

  /**
   * The live session with this key digest whose user is active; a session an admin uses to
   * impersonate someone also needs that admin to be active still (deactivating the admin ends it).
   */
  findLive(keyDigest: string): Promise<SessionEntity | null> {
    return this.manager()
      .createQueryBuilder(SessionEntity, 's')
      .where('s.key_digest = :keyDigest AND s.expires > now()', { keyDigest })
      .andWhere('EXISTS (SELECT 1 FROM core.users u WHERE u.id = s.user_id AND u.is_active)')
      .andWhere('(s.impersonator_id IS NULL OR EXISTS (SELECT 1 FROM core.users a WHERE a.id = s.impersonator_id AND a.is_active))')
      .getOne();
  }

  findById(id: string): Promise<SessionEntity | null> {
    return this.manager().findOne(SessionEntity, { where: { id } });
  }

  list(userId: number | undefined, query: ListQuery): Promise<[SessionEntity[], number]> {
    const qb = this.manager().createQueryBuilder(SessionEntity, 's').where('s.expires > now()');
    if (userId !== undefined) qb.andWhere('s.user_id = :userId', { userId });
    return fetchPage(qb, query, ORDERING, { last_used: 'DESC' });
  }

  save(session: SessionEntity): Promise<SessionEntity> {
    return this.manager().save(SessionEntity, session);
  }

  async touch(id: string, ip: string, userAgent: string, expires?: Date): Promise<void> {
    await this.manager().update(
      SessionEntity,
      { id },
      { lastUsed: new Date(), lastIp: ip, lastUserAgent: userAgent, ...(expires ? { expires } : {}) },
    );
  }

  /** Switches the session's user (impersonation starts or ends). */
  async setUser(id: string, userId: number, impersonatorId: number | null): Promise<void> {
    await this.manager().update(SessionEntity, { id }, { userId, impersonatorId });
  }

  async deleteByDigest(keyDigest: string): Promise<void> {
    await this.manager().delete(SessionEntity, { keyDigest });
  }

  async delete(id: string): Promise<void> {
    await this.manager().delete(SessionEntity, { id });
  }

  /** Ends every session of a user except one. */
  async deleteOthers(userId: number, keepId: string): Promise<number> {
    const result = await this.manager()
      .createQueryBuilder()
      .delete()
      .from(SessionEntity)
      .where('user_id = :userId AND id <> :keepId', { userId, keepId })
      .execute();
    return result.affected ?? 0;
  }

  async purgeExpired(): Promise<number> {
    const result = await this.manager().createQueryBuilder().delete().from(SessionEntity).where('expires <= now()').execute();
    return result.affected ?? 0;
  }
}
