import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { escapeLike, fetchPage } from '@authmesh/db';
import type { ListQuery } from '@authmesh/http';
import { DATA_SOURCE } from '../core.tokens.js';
import { managerFor } from '../database/transactions.js';
import { PolicyEntity } from './policy.entity.js';

const ORDERING: Record<string, string> = { name: 'p.name', type: 'p.type' };

/** Every query on policies. */
@Injectable()
export class PolicyRepository {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  private manager(): EntityManager {
    return managerFor(this.dataSource);
  }

  findById(id: string, type?: string): Promise<PolicyEntity | null> {
    return this.manager().findOne(PolicyEntity, { where: type ? { id, type } : { id } });
  }

  findByIds(ids: string[]): Promise<PolicyEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.manager().createQueryBuilder(PolicyEntity, 'p').where('p.id = ANY(:ids)', { ids }).getMany();
  }

  findOneBy(where: Partial<Pick<PolicyEntity, 'id' | 'name'>>, type: string): Promise<PolicyEntity | null> {
    return this.manager().findOne(PolicyEntity, { where: { ...where, type } });
  }

  list(type: string | undefined, query: ListQuery & { name?: string; unbound?: boolean }): Promise<[PolicyEntity[], number]> {
    const qb = this.manager().createQueryBuilder(PolicyEntity, 'p');
    if (type) qb.andWhere('p.type = :type', { type });
    if (query.name !== undefined) qb.andWhere('p.name = :name', { name: query.name });
    if (query.unbound) qb.andWhere('NOT EXISTS (SELECT 1 FROM core.policy_bindings b WHERE b.policy_id = p.id)');
    if (query.search) qb.andWhere(`p.name ILIKE :s ESCAPE '\\'`, { s: `%${escapeLike(query.search)}%` });
    return fetchPage(qb, query, ORDERING, { name: 'ASC' });
  }

  /** How many bindings use each policy. */
  async bindingCounts(ids: string[]): Promise<Map<string, number>> {
    const result = new Map<string, number>(ids.map((id) => [id, 0]));
    if (ids.length === 0) return result;
    const rows: Array<{ policy_id: string; n: string }> = await this.manager().query(
      'SELECT policy_id, count(*) AS n FROM core.policy_bindings WHERE policy_id = ANY($1) GROUP BY policy_id',
      [ids],
    );
    for (const row of rows) result.set(row.policy_id, Number(row.n));
    return result;
  }

  save(policy: PolicyEntity): Promise<PolicyEntity> {
    return this.manager().save(PolicyEntity, policy);
  }

  async delete(id: string): Promise<void> {
    await this.manager().delete(PolicyEntity, { id });
  }
}
