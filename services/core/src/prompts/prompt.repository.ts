import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager, FindOptionsWhere } from 'typeorm';
import { escapeLike, fetchPage } from '@authmesh/db';
import type { ListQuery } from '@authmesh/http';
import { DATA_SOURCE } from '../core.tokens.js';
import { managerFor } from '../database/transactions.js';
import { PromptEntity } from './prompt.entity.js';
import type { PromptFilters } from './prompt.dto.js';

const ORDERING: Record<string, string> = { name: 'p.name', field_key: 'p.field_key', order: 'p.order', type: 'p.type' };

/** Every query on prompts. */
@Injectable()
export class PromptRepository {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  private manager(): EntityManager {
    return managerFor(this.dataSource);
  }

  findOneBy(where: FindOptionsWhere<PromptEntity>): Promise<PromptEntity | null> {
    return this.manager().findOne(PromptEntity, { where });
  }

  findByIds(ids: string[]): Promise<PromptEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.manager()
      .createQueryBuilder(PromptEntity, 'p')
      .where('p.id = ANY(:ids)', { ids })
      .orderBy('p.order')
      .addOrderBy('p.name')
      .getMany();
  }

  list(filters: PromptFilters, query: ListQuery): Promise<[PromptEntity[], number]> {
    const qb = this.manager().createQueryBuilder(PromptEntity, 'p');
    if (filters.name !== undefined) qb.andWhere('p.name = :name', { name: filters.name });
    if (filters.field_key !== undefined) qb.andWhere('p.field_key = :key', { key: filters.field_key });
    if (filters.type !== undefined) qb.andWhere('p.type = :type', { type: filters.type });
    if (query.search)
      qb.andWhere(`(p.name ILIKE :s ESCAPE '\\' OR p.field_key ILIKE :s ESCAPE '\\' OR p.label ILIKE :s ESCAPE '\\')`, {
        s: `%${escapeLike(query.search)}%`,
      });
    return fetchPage(qb, query, ORDERING, { name: 'ASC' });
  }

  /** Prompt stages that show each prompt. */
  async stagesOf(ids: string[]): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>(ids.map((id) => [id, []]));
    if (ids.length === 0) return result;
    const rows: Array<{ prompt: string; id: string }> = await this.manager().query(
      `SELECT f.prompt, s.id FROM core.stages s, jsonb_array_elements_text(s.config->'fields') AS f(prompt)
       WHERE s.type = 'prompt' AND f.prompt = ANY($1)`,
      [ids],
    );
    for (const row of rows) result.get(row.prompt)?.push(row.id);
    return result;
  }

  async missing(ids: string[]): Promise<string[]> {
    const found = new Set((await this.findByIds(ids)).map((p) => p.id));
    return ids.filter((id) => !found.has(id));
  }

  save(prompt: PromptEntity): Promise<PromptEntity> {
    return this.manager().save(PromptEntity, prompt);
  }

  async delete(id: string): Promise<void> {
    await this.manager().delete(PromptEntity, { id });
  }
}
