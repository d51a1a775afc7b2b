import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { ListQuery } from '@authmesh/http';
import { fetchPage, escapeLike } from '@authmesh/db';
import { DATA_SOURCE } from '../core.tokens.js';
import { managerFor } from '../database/transactions.js';
import { ProviderEntity } from './provider.entity.js';

export interface ProviderRow extends ProviderEntity {
  assignedApplicationSlug: string | null;
  assignedApplicationName: string | null;
}

const ORDERING: Record<string, string> = { name: 'p.name', pk: 'p.id', type: 'p.type' };

/** Every query on the provider base table. */
@Injectable()
export class ProviderRepository {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  private manager(): EntityManager {
    return managerFor(this.dataSource);
  }

  findById(id: number): Promise<ProviderEntity | null> {
    return this.manager().findOne(ProviderEntity, { where: { id }, relations: { propertyMappings: true } });
  }

  async list(filters: { application__isnull?: string; type?: string }, query: ListQuery): Promise<[ProviderEntity[], number]> {
    const qb = this.manager().createQueryBuilder(ProviderEntity, 'p').leftJoinAndSelect('p.propertyMappings', 'pm');
    if (filters.type !== undefined) qb.andWhere('p.type = :type', { type: filters.type });
    if (filters.application__isnull !== undefined) {
      qb.andWhere(
        `${filters.application__isnull === 'true' ? 'NOT ' : ''}EXISTS (SELECT 1 FROM core.applications a WHERE a.provider_id = p.id)`,
      );
    }
    if (query.search) qb.andWhere(`p.name ILIKE :s ESCAPE '\\'`, { s: `%${escapeLike(query.search)}%` });
    return fetchPage(qb, query, ORDERING, { name: 'ASC' });
  }

  /** The application each provider is assigned to, if any. */
  async assignments(ids: number[]): Promise<Map<number, { slug: string; name: string }>> {
    if (ids.length === 0) return new Map();
    const rows: Array<{ provider_id: number; slug: string; name: string }> = await this.manager().query(
      'SELECT provider_id, slug, name FROM core.applications WHERE provider_id = ANY($1)',
      [ids],
    );
    return new Map(rows.map((r) => [r.provider_id, { slug: r.slug, name: r.name }]));
  }

  /** The application that uses the provider; deleting the provider leaves it without one. */
  usedBy(id: number): Promise<Array<{ app: string; model_name: string; pk: string; name: string; action: string }>> {
    return this.manager().query(
      `SELECT 'authentik_core' AS app, 'application' AS model_name, id::text AS pk, name, 'set_null' AS action
         FROM core.applications WHERE provider_id = $1 ORDER BY name`,
      [id],
    );
  }

  create(fields: Partial<ProviderEntity>): Promise<ProviderEntity> {
    return this.manager().save(ProviderEntity, this.manager().create(ProviderEntity, fields));
  }

  async delete(id: number): Promise<void> {
    await this.manager().delete(ProviderEntity, { id });
  }
}
