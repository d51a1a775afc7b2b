import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { ListQuery } from '@authmesh/http';
import { escapeLike, fetchPage } from '@authmesh/db';
import { DATA_SOURCE } from '../core.tokens.js';
import { managerFor } from '../database/transactions.js';
import { PropertyMappingEntity } from './property-mapping.entity.js';

const ORDERING: Record<string, string> = { name: 'm.name', managed: 'm.managed', type: 'm.type' };

export interface PropertyMappingFilters {
  managed__isnull?: string;
  type?: string;
  name?: string;
}

/** Every query on property mappings of any kind (the shared `property_mappings` rows). */
@Injectable()
export class PropertyMappingRepository {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  private manager(): EntityManager {
    return managerFor(this.dataSource);
  }

  findById(id: string): Promise<PropertyMappingEntity | null> {
    return this.manager().findOne(PropertyMappingEntity, { where: { id } });
  }

  list(filters: PropertyMappingFilters, query: ListQuery): Promise<[PropertyMappingEntity[], number]> {
    const qb = this.manager().createQueryBuilder(PropertyMappingEntity, 'm');
    if (filters.type !== undefined) qb.andWhere('m.type = :type', { type: filters.type });
    if (filters.name !== undefined) qb.andWhere('m.name = :name', { name: filters.name });
    if (filters.managed__isnull !== undefined) qb.andWhere(`m.managed IS ${filters.managed__isnull === 'true' ? '' : 'NOT '}NULL`);
    if (query.search) qb.andWhere(`m.name ILIKE :s ESCAPE '\\'`, { s: `%${escapeLike(query.search)}%` });
    return fetchPage(qb, query, ORDERING, { name: 'ASC' });
  }

  /** Deletes the mapping; its typed row (scope, ...) and provider links go with it by cascade. */
  async delete(id: string): Promise<void> {
    await this.manager().delete(PropertyMappingEntity, { id });
  }
}
