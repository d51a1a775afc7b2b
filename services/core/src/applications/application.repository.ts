import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { ListQuery } from '@authmesh/http';
import { fetchPage, escapeLike } from '@authmesh/db';
import { DATA_SOURCE } from '../core.tokens.js';
import { ApplicationEntity } from './application.entity.js';
import type { ApplicationFilters } from './application.dto.js';

const ORDERING: Record<string, string> = { name: 'a.name', slug: 'a.slug', group: 'a.group' };

/** Every query on applications. */
@Injectable()
export class ApplicationRepository {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  findBySlug(slug: string): Promise<ApplicationEntity | null> {
    return this.dataSource.manager.findOne(ApplicationEntity, { where: { slug }, relations: { provider: true } });
  }

  async list(filters: ApplicationFilters, query: ListQuery): Promise<[ApplicationEntity[], number]> {
    const qb = this.dataSource.manager.createQueryBuilder(ApplicationEntity, 'a').leftJoinAndSelect('a.provider', 'p');
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
    return fetchPage(qb, query, ORDERING, { name: 'ASC' });
  }

  async providerExists(id: number): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM core.providers WHERE id = $1', [id]);
    return rows.length > 0;
  }

  save(app: ApplicationEntity): Promise<ApplicationEntity> {
    return this.dataSource.manager.save(ApplicationEntity, app);
  }

  async delete(id: string): Promise<void> {
    await this.dataSource.manager.delete(ApplicationEntity, { id });
  }
}
