import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { escapeLike, fetchPage } from '@authmesh/db';
import type { ListQuery } from '@authmesh/http';
import { DATA_SOURCE } from '../core.tokens.js';
import { managerFor } from '../database/transactions.js';
import { StageEntity } from './stage.entity.js';

const ORDERING: Record<string, string> = { name: 's.name', type: 's.type' };

/** Every query on stages. */
@Injectable()
export class StageRepository {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  private manager(): EntityManager {
    return managerFor(this.dataSource);
  }

  findById(id: string, type?: string): Promise<StageEntity | null> {
    return this.manager().findOne(StageEntity, { where: type ? { id, type } : { id } });
  }

  findOneBy(where: Partial<Pick<StageEntity, 'id' | 'name'>>, type: string): Promise<StageEntity | null> {
    return this.manager().findOne(StageEntity, { where: { ...where, type } });
  }

  list(type: string | undefined, query: ListQuery & { name?: string }): Promise<[StageEntity[], number]> {
    const qb = this.manager().createQueryBuilder(StageEntity, 's');
    if (type) qb.andWhere('s.type = :type', { type });
    if (query.name !== undefined) qb.andWhere('s.name = :name', { name: query.name });
    if (query.search) qb.andWhere(`s.name ILIKE :s ESCAPE '\\'`, { s: `%${escapeLike(query.search)}%` });
    return fetchPage(qb, query, ORDERING, { name: 'ASC' });
  }

  /** Flows each stage is bound to, as slugs. */
  async flowsOf(stageIds: string[]): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>(stageIds.map((id) => [id, []]));
    if (stageIds.length === 0) return result;
    const rows: Array<{ stage_id: string; id: string }> = await this.manager().query(
      'SELECT DISTINCT b.stage_id, b.flow_id AS id FROM core.flow_stage_bindings b WHERE b.stage_id = ANY($1)',
      [stageIds],
    );
    for (const row of rows) result.get(row.stage_id)?.push(row.id);
    return result;
  }

  /** Stages of the given types that name a configure flow, with that flow's slug and title. */
  withConfigureFlow(
    types: string[],
  ): Promise<Array<{ id: string; name: string; type: string; config: Record<string, unknown>; flow_slug: string; flow_title: string }>> {
    return this.manager().query(
      `SELECT s.id, s.name, s.type, s.config, f.slug AS flow_slug, f.title AS flow_title
         FROM core.stages s JOIN core.flows f ON f.id::text = s.config->>'configure_flow'
        WHERE s.type = ANY($1)
        ORDER BY s.name`,
      [types],
    );
  }

  save(stage: StageEntity): Promise<StageEntity> {
    return this.manager().save(StageEntity, stage);
  }

  async delete(id: string): Promise<void> {
    await this.manager().delete(StageEntity, { id });
  }
}
