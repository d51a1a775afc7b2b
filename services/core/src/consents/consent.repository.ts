import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { fetchPage } from '@authmesh/db';
import type { ListQuery } from '@authmesh/http';
import { DATA_SOURCE } from '../core.tokens.js';
import { managerFor } from '../database/transactions.js';
import { ConsentEntity } from './consent.entity.js';

const ORDERING: Record<string, string> = { created: 'c.created', expires: 'c.expires' };

/** Every query on consents. */
@Injectable()
export class ConsentRepository {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  private manager(): EntityManager {
    return managerFor(this.dataSource);
  }

  /** The live consent of a user for an application (by slug), if any. */
  findLive(userId: number, applicationSlug: string): Promise<ConsentEntity | null> {
    return this.manager()
      .createQueryBuilder(ConsentEntity, 'c')
      .where('c.user_id = :userId', { userId })
      .andWhere('c.application_id = (SELECT id FROM core.applications WHERE slug = :slug)', { slug: applicationSlug })
      .andWhere('(c.expires IS NULL OR c.expires > now())')
      .getOne();
  }

  async applicationId(slug: string): Promise<string | null> {
    const rows: Array<{ id: string }> = await this.manager().query('SELECT id FROM core.applications WHERE slug = $1', [slug]);
    return rows[0]?.id ?? null;
  }

  /** Replaces any consent of the user for the application. */
  async replace(consent: ConsentEntity): Promise<ConsentEntity> {
    return this.manager().transaction(async (tx) => {
      await tx.delete(ConsentEntity, { userId: consent.userId, applicationId: consent.applicationId });
      return tx.save(ConsentEntity, consent);
    });
  }

  list(userId: number | undefined, query: ListQuery): Promise<[ConsentEntity[], number]> {
    const qb = this.manager().createQueryBuilder(ConsentEntity, 'c');
    if (userId !== undefined) qb.andWhere('c.user_id = :userId', { userId });
    return fetchPage(qb, query, ORDERING, { created: 'DESC' });
  }

  async names(consents: ConsentEntity[]): Promise<Map<string, { slug: string; name: string }>> {
    const ids = [...new Set(consents.map((c) => c.applicationId))];
    if (ids.length === 0) return new Map();
    const rows: Array<{ id: string; slug: string; name: string }> = await this.manager().query(
      'SELECT id, slug, name FROM core.applications WHERE id = ANY($1)',
      [ids],
    );
    return new Map(rows.map((r) => [r.id, { slug: r.slug, name: r.name }]));
  }

  findById(id: string): Promise<ConsentEntity | null> {
    return this.manager().findOne(ConsentEntity, { where: { id } });
  }

  async delete(id: string): Promise<void> {
    await this.manager().delete(ConsentEntity, { id });
  }
}
