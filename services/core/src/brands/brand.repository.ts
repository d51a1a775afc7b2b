import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager, FindOptionsWhere } from 'typeorm';
import type { ListQuery } from '@authmesh/http';
import { fetchPage, escapeLike } from '@authmesh/db';
import { DATA_SOURCE } from '../core.tokens.js';
import { managerFor } from '../database/transactions.js';
import { BrandEntity } from './brand.entity.js';
import type { BrandFilters } from './brand.dto.js';

const ORDERING: Record<string, string> = { domain: 'b.domain', default: 'b.default', branding_title: 'b.branding_title' };

/** Every query on brands. */
@Injectable()
export class BrandRepository {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  private manager(): EntityManager {
    return managerFor(this.dataSource);
  }

  /** The one object matching every field (blueprint identifiers). */
  findOneBy(where: FindOptionsWhere<BrandEntity>): Promise<BrandEntity | null> {
    return this.manager().findOne(BrandEntity, { where });
  }

  findById(id: string): Promise<BrandEntity | null> {
    return this.manager().findOne(BrandEntity, { where: { id } });
  }

  async list(filters: BrandFilters, query: ListQuery): Promise<[BrandEntity[], number]> {
    const qb = this.manager().createQueryBuilder(BrandEntity, 'b');
    if (filters.domain !== undefined) qb.andWhere('b.domain = :domain', { domain: filters.domain.toLowerCase() });
    if (filters.default !== undefined) qb.andWhere('b.default = :def', { def: filters.default === 'true' });
    if (filters.branding_title !== undefined) qb.andWhere('b.branding_title = :title', { title: filters.branding_title });
    if (query.search)
      qb.andWhere(`(b.domain ILIKE :s ESCAPE '\\' OR b.branding_title ILIKE :s ESCAPE '\\')`, { s: `%${escapeLike(query.search)}%` });
    return fetchPage(qb, query, ORDERING, { domain: 'ASC' });
  }

  /**
   * The brand for a host: the longest domain that is the host or a parent domain of it
   * (`example.com` matches `sso.example.com`, not `badexample.com`), else the default brand.
   */
  async forHost(host: string): Promise<{ brand: BrandEntity | null; matchedDomain: string }> {
    const hostname = host.toLowerCase().replace(/:\d+$/, '');
    const match = await this.manager()
      .createQueryBuilder(BrandEntity, 'b')
      .where(`(:host = b.domain OR right(:host, length(b.domain) + 1) = '.' || b.domain)`, { host: hostname })
      .orderBy('length(b.domain)', 'DESC')
      .getOne();
    if (match) return { brand: match, matchedDomain: match.domain };
    const fallback = await this.manager().findOne(BrandEntity, { where: { isDefault: true } });
    return { brand: fallback, matchedDomain: fallback?.domain ?? '' };
  }

  save(brand: BrandEntity): Promise<BrandEntity> {
    return this.manager().save(BrandEntity, brand);
  }

  async delete(id: string): Promise<void> {
    await this.manager().delete(BrandEntity, { id });
  }

  async certificateExists(id: string): Promise<boolean> {
    const rows: unknown[] = await this.manager().query('SELECT 1 FROM core.certificate_key_pairs WHERE id = $1', [id]);
    return rows.length > 0;
  }
}
