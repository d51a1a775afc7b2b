import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { ListQuery } from '@authmesh/http';
import { escapeLike, fetchPage } from '@authmesh/db';
import { DATA_SOURCE } from '../../core.tokens.js';
import { managerFor } from '../../database/transactions.js';
import { SourceEntity } from '../source.entity.js';
import type { OAuthSourceFilters } from './oauth-source.dto.js';
import { OAuthSourceEntity, type JsonWebKeySet } from './oauth-source.entity.js';

const ORDERING: Record<string, string> = { name: 's.name', slug: 's.slug', pk: 's.id', provider_type: 'o.provider_type' };

/** Every query on OAuth sources (the base source row and the oauth row together). */
@Injectable()
export class OAuthSourceRepository {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  private manager(): EntityManager {
    return managerFor(this.dataSource);
  }

  private query() {
    return this.manager().createQueryBuilder(OAuthSourceEntity, 'o').innerJoinAndSelect('o.source', 's');
  }

  findBySlug(slug: string): Promise<OAuthSourceEntity | null> {
    return this.query().where('s.slug = :slug', { slug }).getOne();
  }

  findByIds(ids: string[]): Promise<OAuthSourceEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.query().where('o.source_id IN (:...ids)', { ids }).orderBy('s.slug').getMany();
  }

  /** Blueprint identifiers: pk, slug or name. */
  findOneBy(where: Record<string, unknown>): Promise<OAuthSourceEntity | null> {
    const qb = this.query();
    if (where.id !== undefined) qb.andWhere('o.source_id = :id', { id: where.id });
    if (where.slug !== undefined) qb.andWhere('s.slug = :slug', { slug: where.slug });
    if (where.name !== undefined) qb.andWhere('s.name = :name', { name: where.name });
    return qb.getOne();
  }

  list(filters: OAuthSourceFilters, query: ListQuery): Promise<[OAuthSourceEntity[], number]> {
    const qb = this.query();
    const equal: Array<[keyof OAuthSourceFilters, string]> = [
      ['name', 's.name'],
      ['slug', 's.slug'],
      ['pbm_uuid', 's.id'],
      ['provider_type', 'o.provider_type'],
      ['consumer_key', 'o.consumer_key'],
      ['authentication_flow', 's.authentication_flow'],
      ['enrollment_flow', 's.enrollment_flow'],
      ['policy_engine_mode', 's.policy_engine_mode'],
      ['user_matching_mode', 's.user_matching_mode'],
    ];
    for (const [filter, column] of equal) {
      if (filters[filter] !== undefined) qb.andWhere(`${column} = :${filter}`, { [filter]: filters[filter] });
    }
    if (filters.enabled !== undefined) qb.andWhere('s.enabled = :enabled', { enabled: filters.enabled === 'true' });
    if (filters.has_jwks !== undefined) {
      qb.andWhere(
        `${filters.has_jwks === 'true' ? '' : 'NOT '}(jsonb_typeof(o.oidc_jwks->'keys') = 'array' AND jsonb_array_length(o.oidc_jwks->'keys') > 0)`,
      );
    }
    if (query.search) qb.andWhere(`(s.name ILIKE :s ESCAPE '\\' OR s.slug ILIKE :s ESCAPE '\\')`, { s: `%${escapeLike(query.search)}%` });
    return fetchPage(qb, query, ORDERING, { name: 'ASC' }, 's.id');
  }

  /** Sources whose key set comes from a URL. */
  withJwksUrl(): Promise<OAuthSourceEntity[]> {
    return this.query().where(`o.oidc_jwks_url <> ''`).orderBy('s.slug').getMany();
  }

  async setKeySet(id: string, jwks: JsonWebKeySet): Promise<void> {
    await this.manager().query('UPDATE core.oauth_sources SET oidc_jwks = $2::jsonb WHERE source_id = $1', [id, JSON.stringify(jwks)]);
  }

  /** Saves the base source row and the oauth row; answers the source's id. */
  async save(base: SourceEntity, oauth: OAuthSourceEntity): Promise<string> {
    const saved = await this.manager().save(SourceEntity, base);
    oauth.sourceId = saved.id;
    await this.manager().save(OAuthSourceEntity, { ...oauth, source: undefined });
    return saved.id;
  }
}
