import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager, FindOptionsWhere } from 'typeorm';
import type { ListQuery } from '@authmesh/http';
import { fetchPage, escapeLike } from '@authmesh/db';
import { DATA_SOURCE } from '../core.tokens.js';
import { managerFor } from '../database/transactions.js';
import { ApplicationEntity } from './application.entity.js';
import type { ApplicationFilters } from './application.dto.js';

/** The most applications one per-user list considers; far beyond any real installation. */
const MAX_APPLICATIONS = 5000;

const ORDERING: Record<string, string> = { name: 'a.name', slug: 'a.slug', group: 'a.group' };

/** Every query on applications. */
@Injectable()
export class ApplicationRepository {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  private manager(): EntityManager {
    return managerFor(this.dataSource);
  }

  /** The one object matching every field (blueprint identifiers). */
  findOneBy(where: FindOptionsWhere<ApplicationEntity>): Promise<ApplicationEntity | null> {
    return this.manager().findOne(ApplicationEntity, { where });
  }

  findBySlug(slug: string): Promise<ApplicationEntity | null> {
    return this.manager().findOne(ApplicationEntity, { where: { slug }, relations: { provider: true } });
  }

  async list(filters: ApplicationFilters, query: ListQuery): Promise<[ApplicationEntity[], number]> {
    return fetchPage(this.filtered(filters, query), query, ORDERING, { name: 'ASC' });
  }

  /** Every application matching the filters and search, in list order (for per-user filtering before paging). */
  async listAll(filters: ApplicationFilters, query: ListQuery): Promise<ApplicationEntity[]> {
    const [rows] = await fetchPage(this.filtered(filters, query), { ...query, page: 1, page_size: MAX_APPLICATIONS }, ORDERING, {
      name: 'ASC',
    });
    return rows;
  }

  private filtered(filters: ApplicationFilters, query: ListQuery) {
    const qb = this.manager().createQueryBuilder(ApplicationEntity, 'a').leftJoinAndSelect('a.provider', 'p');
    if (filters.name !== undefined) qb.andWhere('a.name = :name', { name: filters.name });
    if (filters.slug !== undefined) qb.andWhere('a.slug = :slug', { slug: filters.slug });
    if (filters.group !== undefined) qb.andWhere('a.group = :group', { group: filters.group });
    if (filters.meta_publisher !== undefined) qb.andWhere('a.meta_publisher = :publisher', { publisher: filters.meta_publisher });
    if (query.search) {
      qb.andWhere(
        `(a.name ILIKE :s ESCAPE '\\' OR a.slug ILIKE :s ESCAPE '\\' OR a.meta_publisher ILIKE :s ESCAPE '\\' OR a.group ILIKE :s ESCAPE '\\')`,
        {
          s: `%${escapeLike(query.search)}%`,
        },
      );
    }
    return qb;
  }

  async providerExists(id: number): Promise<boolean> {
    const rows: unknown[] = await this.manager().query('SELECT 1 FROM core.providers WHERE id = $1', [id]);
    return rows.length > 0;
  }

  save(app: ApplicationEntity): Promise<ApplicationEntity> {
    return this.manager().save(ApplicationEntity, app);
  }

  async delete(id: string): Promise<void> {
    await this.manager().delete(ApplicationEntity, { id });
  }
}
