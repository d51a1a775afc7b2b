import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { escapeLike, fetchPage } from '@authmesh/db';
import type { ListQuery } from '@authmesh/http';
import { DATA_SOURCE } from '../core.tokens.js';
import { managerFor } from '../database/transactions.js';
import { BlueprintInstanceEntity } from './blueprint-instance.entity.js';

const ORDERING: Record<string, string> = { name: 'b.name', path: 'b.path', status: 'b.status', last_applied: 'b.last_applied' };

/** Every query on blueprint instances. */
@Injectable()
export class BlueprintInstanceRepository {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  private manager(): EntityManager {
    return managerFor(this.dataSource);
  }

  findById(id: string): Promise<BlueprintInstanceEntity | null> {
    return this.manager().findOne(BlueprintInstanceEntity, { where: { id } });
  }

  findByPath(path: string): Promise<BlueprintInstanceEntity | null> {
    return this.manager().findOne(BlueprintInstanceEntity, { where: { path } });
  }

  /** Instances for the API list; blueprints labelled as system ones are hidden unless asked for. */
  list(filters: { name?: string; path?: string; show_system?: string }, query: ListQuery): Promise<[BlueprintInstanceEntity[], number]> {
    const qb = this.manager().createQueryBuilder(BlueprintInstanceEntity, 'b');
    if (filters.name !== undefined) qb.andWhere('b.name = :name', { name: filters.name });
    if (filters.path !== undefined) qb.andWhere('b.path = :path', { path: filters.path });
    if (filters.show_system !== 'true') {
      qb.andWhere(`coalesce(b.metadata->'labels'->>'blueprints.goauthentik.io/system', 'false') <> 'true'`);
    }
    if (query.search) qb.andWhere(`(b.name ILIKE :s ESCAPE '\\' OR b.path ILIKE :s ESCAPE '\\')`, { s: `%${escapeLike(query.search)}%` });
    return fetchPage(qb, query, ORDERING, { name: 'ASC' });
  }

  save(instance: BlueprintInstanceEntity): Promise<BlueprintInstanceEntity> {
    return this.manager().save(BlueprintInstanceEntity, instance);
  }

  async delete(id: string): Promise<void> {
    await this.manager().delete(BlueprintInstanceEntity, { id });
  }
}
