import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { ListQuery } from '@authmesh/http';
import { escapeLike, fetchPage } from '@authmesh/db';
import { DATA_SOURCE } from '../core.tokens.js';
import { managerFor } from '../database/transactions.js';
import type { SourceFilters } from './source.dto.js';
import { SourceEntity } from './source.entity.js';

const ORDERING: Record<string, string> = { name: 's.name', slug: 's.slug', pk: 's.id' };

/** Every query on the source base table, and on what refers to sources from elsewhere. */
@Injectable()
export class SourceRepository {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  private manager(): EntityManager {
    return managerFor(this.dataSource);
  }

  findBySlug(slug: string): Promise<SourceEntity | null> {
    return this.manager().findOne(SourceEntity, { where: { slug } });
  }

  list(filters: SourceFilters, query: ListQuery): Promise<[SourceEntity[], number]> {
    const qb = this.manager().createQueryBuilder(SourceEntity, 's');
    if (filters.name !== undefined) qb.andWhere('s.name = :name', { name: filters.name });
    if (filters.slug !== undefined) qb.andWhere('s.slug = :slug', { slug: filters.slug });
    if (filters.enabled !== undefined) qb.andWhere('s.enabled = :enabled', { enabled: filters.enabled === 'true' });
    if (filters.managed !== undefined) qb.andWhere('s.managed = :managed', { managed: filters.managed });
    if (query.search) qb.andWhere(`(s.name ILIKE :s ESCAPE '\\' OR s.slug ILIKE :s ESCAPE '\\')`, { s: `%${escapeLike(query.search)}%` });
    return fetchPage(qb, query, ORDERING, { name: 'ASC' }, 's.id');
  }

  /** Which of `ids` are not OAuth sources. */
  async missingOAuthSources(ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows: Array<{ id: string }> = await this.manager().query(
      'SELECT id FROM unnest($1::uuid[]) AS id WHERE id NOT IN (SELECT source_id FROM core.oauth_sources)',
      [ids],
    );
    return rows.map((r) => r.id);
  }

  /** OAuth2 providers that trust this source's keys for client assertions. */
  trustingProviders(id: string): Promise<Array<{ provider_id: number; name: string }>> {
    return this.manager().query(
      `SELECT o.provider_id, p.name FROM core.oauth2_providers o JOIN core.providers p ON p.id = o.provider_id
       WHERE o.jwks_sources @> jsonb_build_array($1::text) ORDER BY p.name`,
      [id],
    );
  }

  /** Removes the source from every provider's trusted JWKS sources (before it is deleted). */
  async forgetTrust(id: string): Promise<void> {
    await this.manager().query(
      `UPDATE core.oauth2_providers SET jwks_sources = jwks_sources - $1::text WHERE jwks_sources @> jsonb_build_array($1::text)`,
      [id],
    );
  }

  async delete(id: string): Promise<void> {
    await this.manager().delete(SourceEntity, { id });
  }
}
