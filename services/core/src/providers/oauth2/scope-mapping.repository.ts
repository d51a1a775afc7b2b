import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { ListQuery } from '@authmesh/http';
import { escapeLike, fetchPage } from '@authmesh/db';
import { DATA_SOURCE } from '../../core.tokens.js';
import { managerFor } from '../../database/transactions.js';
import { PropertyMappingEntity } from '../property-mapping.entity.js';
import { ScopeMappingEntity } from './scope-mapping.entity.js';
import type { ScopeMappingFilters } from './scope-mapping.dto.js';

const ORDERING: Record<string, string> = { name: 'm.name', scope_name: 's.scope_name', managed: 'm.managed' };

/** Every query on scope mappings (the property mapping row and its scope row together). */
@Injectable()
export class ScopeMappingRepository {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  private manager(): EntityManager {
    return managerFor(this.dataSource);
  }

  findById(id: string): Promise<ScopeMappingEntity | null> {
    return this.manager().findOne(ScopeMappingEntity, { where: { propertyMappingId: id }, relations: { mapping: true } });
  }

  /** The one mapping whose property-mapping fields (managed, name) all match (blueprint identifiers). */
  async findOneBy(where: Record<string, unknown>): Promise<ScopeMappingEntity | null> {
    const { scopeName, ...mapping } = where;
    return this.manager().findOne(ScopeMappingEntity, {
      where: { ...(scopeName === undefined ? {} : { scopeName: scopeName as string }), mapping },
      relations: { mapping: true },
    });
  }

  /** Mappings by id, for a provider's scopes. */
  findByIds(ids: string[]): Promise<ScopeMappingEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.manager()
      .createQueryBuilder(ScopeMappingEntity, 's')
      .innerJoinAndSelect('s.mapping', 'm')
      .where('s.property_mapping_id = ANY(:ids)', { ids })
      .getMany();
  }

  async list(filters: ScopeMappingFilters, query: ListQuery): Promise<[ScopeMappingEntity[], number]> {
    const qb = this.manager().createQueryBuilder(ScopeMappingEntity, 's').innerJoinAndSelect('s.mapping', 'm');
    if (filters.managed !== undefined) qb.andWhere('m.managed = :managed', { managed: filters.managed });
    if (filters.managed__isnull !== undefined) qb.andWhere(`m.managed IS ${filters.managed__isnull === 'true' ? '' : 'NOT '}NULL`);
    if (filters.scope_name !== undefined) qb.andWhere('s.scope_name = :scope', { scope: filters.scope_name });
    if (filters.name !== undefined) qb.andWhere('m.name = :name', { name: filters.name });
    if (query.search)
      qb.andWhere(`(m.name ILIKE :s ESCAPE '\\' OR s.scope_name ILIKE :s ESCAPE '\\')`, { s: `%${escapeLike(query.search)}%` });
    return fetchPage(qb, query, ORDERING, { name: 'ASC' });
  }

  /** Saves the property mapping row and its scope row. */
  async save(mapping: PropertyMappingEntity, scope: Omit<ScopeMappingEntity, 'mapping' | 'propertyMappingId'>): Promise<string> {
    const saved = await this.manager().save(PropertyMappingEntity, mapping);
    await this.manager().save(ScopeMappingEntity, {
      propertyMappingId: saved.id,
      scopeName: scope.scopeName,
      description: scope.description,
    });
    return saved.id;
  }

  async delete(id: string): Promise<void> {
    await this.manager().delete(PropertyMappingEntity, { id });
  }
}
