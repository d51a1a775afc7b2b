import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { ListQuery } from '@authmesh/http';
import { escapeLike, fetchPage } from '@authmesh/db';
import { DATA_SOURCE } from '../core.tokens.js';
import { managerFor } from '../database/transactions.js';
import { PropertyMappingEntity } from '../providers/property-mapping.entity.js';
import type { WebhookMappingFilters } from './webhook-mapping.dto.js';

/** Webhook mappings are property mappings of this type (no columns of their own). */
export const WEBHOOK_MAPPING_TYPE = 'notification';
const ORDERING: Record<string, string> = { name: 'm.name', managed: 'm.managed' };

/** Every query on webhook mappings. */
@Injectable()
export class WebhookMappingRepository {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  private manager(): EntityManager {
    return managerFor(this.dataSource);
  }

  findById(id: string): Promise<PropertyMappingEntity | null> {
    return this.manager().findOne(PropertyMappingEntity, { where: { id, type: WEBHOOK_MAPPING_TYPE } });
  }

  /** The one mapping whose fields all match (blueprint identifiers). */
  findOneBy(where: Record<string, unknown>): Promise<PropertyMappingEntity | null> {
    return this.manager().findOne(PropertyMappingEntity, { where: { ...where, type: WEBHOOK_MAPPING_TYPE } });
  }

  list(filters: WebhookMappingFilters, query: ListQuery): Promise<[PropertyMappingEntity[], number]> {
    const qb = this.manager().createQueryBuilder(PropertyMappingEntity, 'm').where('m.type = :type', { type: WEBHOOK_MAPPING_TYPE });
    if (filters.name !== undefined) qb.andWhere('m.name = :name', { name: filters.name });
    if (filters.managed !== undefined) qb.andWhere('m.managed = :managed', { managed: filters.managed });
    if (query.search) qb.andWhere(`m.name ILIKE :s ESCAPE '\\'`, { s: `%${escapeLike(query.search)}%` });
    return fetchPage(qb, query, ORDERING, { name: 'ASC' });
  }

  save(mapping: PropertyMappingEntity): Promise<PropertyMappingEntity> {
    return this.manager().save(PropertyMappingEntity, { ...mapping, type: WEBHOOK_MAPPING_TYPE });
  }

  async delete(id: string): Promise<void> {
    await this.manager().delete(PropertyMappingEntity, { id, type: WEBHOOK_MAPPING_TYPE });
  }
}
