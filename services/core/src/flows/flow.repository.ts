import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager, FindOptionsWhere } from 'typeorm';
import { escapeLike, fetchPage } from '@authmesh/db';
import type { ListQuery } from '@authmesh/http';
import { DATA_SOURCE } from '../core.tokens.js';
import { managerFor } from '../database/transactions.js';
import { FlowEntity } from './flow.entity.js';
import type { FlowFilters } from './flow.dto.js';

const ORDERING: Record<string, string> = { name: 'f.name', slug: 'f.slug', designation: 'f.designation', title: 'f.title' };

/** Every query on flows. */
@Injectable()
export class FlowRepository {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  private manager(): EntityManager {
    return managerFor(this.dataSource);
  }

  /** The one flow matching every field (blueprint identifiers). */
  findOneBy(where: FindOptionsWhere<FlowEntity>): Promise<FlowEntity | null> {
    return this.manager().findOne(FlowEntity, { where });
  }

  findBySlug(slug: string): Promise<FlowEntity | null> {
    return this.manager().findOne(FlowEntity, { where: { slug } });
  }

  list(filters: FlowFilters, query: ListQuery): Promise<[FlowEntity[], number]> {
    const qb = this.manager().createQueryBuilder(FlowEntity, 'f');
    if (filters.name !== undefined) qb.andWhere('f.name = :name', { name: filters.name });
    if (filters.slug !== undefined) qb.andWhere('f.slug = :slug', { slug: filters.slug });
    if (filters.designation !== undefined) qb.andWhere('f.designation = :designation', { designation: filters.designation });
    if (query.search) {
      qb.andWhere(`(f.name ILIKE :s ESCAPE '\\' OR f.slug ILIKE :s ESCAPE '\\' OR f.title ILIKE :s ESCAPE '\\')`, {
        s: `%${escapeLike(query.search)}%`,
      });
    }
    return fetchPage(qb, query, ORDERING, { slug: 'ASC' });
  }

  /** Which of `ids` do not name a flow. */
  async missing(ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows: Array<{ id: string }> = await this.manager().query(
      'SELECT id FROM unnest($1::uuid[]) AS id WHERE id NOT IN (SELECT id FROM core.flows)',
      [ids],
    );
    return rows.map((r) => r.id);
  }

  /** The slug of each flow id that exists. */
  async slugsOf(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: Array<{ id: string; slug: string }> = await this.manager().query(
      'SELECT id, slug FROM core.flows WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.slug]));
  }

  save(flow: FlowEntity): Promise<FlowEntity> {
    return this.manager().save(FlowEntity, flow);
  }

  async delete(id: string): Promise<void> {
    await this.manager().delete(FlowEntity, { id });
  }
}
