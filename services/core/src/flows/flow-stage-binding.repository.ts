import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager, FindOptionsWhere } from 'typeorm';
import { fetchPage } from '@authmesh/db';
import type { ListQuery } from '@authmesh/http';
import { DATA_SOURCE } from '../core.tokens.js';
import { managerFor } from '../database/transactions.js';
import { FlowStageBindingEntity } from './flow-stage-binding.entity.js';

const ORDERING: Record<string, string> = { order: 'b.order', target: 'b.flow_id' };

/** Every query on flow-stage bindings. */
@Injectable()
export class FlowStageBindingRepository {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  private manager(): EntityManager {
    return managerFor(this.dataSource);
  }

  findOneBy(where: FindOptionsWhere<FlowStageBindingEntity>): Promise<FlowStageBindingEntity | null> {
    return this.manager().findOne(FlowStageBindingEntity, { where });
  }

  list(filters: { target?: string; stage?: string }, query: ListQuery): Promise<[FlowStageBindingEntity[], number]> {
    const qb = this.manager().createQueryBuilder(FlowStageBindingEntity, 'b');
    if (filters.target) qb.andWhere('b.flow_id = :target', { target: filters.target });
    if (filters.stage) qb.andWhere('b.stage_id = :stage', { stage: filters.stage });
    return fetchPage(qb, query, ORDERING, { target: 'ASC', order: 'ASC' });
  }

  async exists(table: 'flows' | 'stages', id: string): Promise<boolean> {
    const rows: unknown[] = await this.manager().query(`SELECT 1 FROM core.${table} WHERE id = $1`, [id]);
    return rows.length > 0;
  }

  save(binding: FlowStageBindingEntity): Promise<FlowStageBindingEntity> {
    return this.manager().save(FlowStageBindingEntity, binding);
  }

  async delete(id: string): Promise<void> {
    await this.manager().delete(FlowStageBindingEntity, { id });
  }
}
