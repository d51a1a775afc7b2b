import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager, FindOptionsWhere } from 'typeorm';
import { fetchPage } from '@authmesh/db';
import type { ListQuery } from '@authmesh/http';
import { DATA_SOURCE } from '../../core.tokens.js';
import { managerFor } from '../../database/transactions.js';
import { PolicyBindingEntity, type BindingTargetKind } from './policy-binding.entity.js';
import type { PolicyBindingFilters } from './policy-binding.dto.js';

const ORDERING: Record<string, string> = { order: 'b.order', target: 'b.target_flow_id', pk: 'b.id' };

/** Every query on policy bindings. */
@Injectable()
export class PolicyBindingRepository {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  private manager(): EntityManager {
    return managerFor(this.dataSource);
  }

  findOneBy(where: FindOptionsWhere<PolicyBindingEntity>): Promise<PolicyBindingEntity | null> {
    return this.manager().findOne(PolicyBindingEntity, { where });
  }

  /** Blueprint lookups name the target without its kind; a non-scalar condition (IsNull) means "not set". */
  findByTarget(where: Record<string, unknown>): Promise<PolicyBindingEntity | null> {
    const qb = this.manager().createQueryBuilder(PolicyBindingEntity, 'b');
    const columns: Record<string, string> = { id: 'b.id', order: 'b.order', policy: 'b.policy_id', group: 'b.group_id', user: 'b.user_id' };
    for (const [key, value] of Object.entries(where)) {
      const isScalar = typeof value === 'string' || typeof value === 'number';
      if (key === 'target') {
        if (!isScalar) return Promise.resolve(null);
        qb.andWhere(TARGET_MATCH, { target: value });
      } else if (columns[key]) {
        qb.andWhere(isScalar ? `${columns[key]} = :${key}` : `${columns[key]} IS NULL`, { [key]: value });
      }
    }
    return qb.getOne();
  }

  list(filters: PolicyBindingFilters, query: ListQuery): Promise<[PolicyBindingEntity[], number]> {
    const qb = this.manager().createQueryBuilder(PolicyBindingEntity, 'b');
    if (filters.target) qb.andWhere(TARGET_MATCH, { target: filters.target });
    if (filters.policy) qb.andWhere('b.policy_id = :policy', { policy: filters.policy });
    if (filters.enabled) qb.andWhere('b.enabled = :enabled', { enabled: filters.enabled === 'true' });
    return fetchPage(qb, query, ORDERING, { order: 'ASC', pk: 'ASC' });
  }

  /** Every binding of these targets, in evaluation order. */
  forTargets(targets: string[]): Promise<PolicyBindingEntity[]> {
    if (targets.length === 0) return Promise.resolve([]);
    return this.manager()
      .createQueryBuilder(PolicyBindingEntity, 'b')
      .where(
        `(b.target_flow_id = ANY(:t) OR b.target_flow_stage_binding_id = ANY(:t) OR b.target_application_id = ANY(:t)
        OR b.target_source_id = ANY(:t) OR b.target_notification_rule_id = ANY(:t))`,
        {
          t: targets,
        },
      )
      .orderBy('b.order', 'ASC')
      .addOrderBy('b.id', 'ASC')
      .getMany();
  }

  /** Which kind of object an id names, if any can carry bindings. */
  async targetKind(id: string): Promise<BindingTargetKind | null> {
    const rows: Array<{ kind: BindingTargetKind }> = await this.manager().query(
      `SELECT 'flow' AS kind FROM core.flows WHERE id = $1
       UNION ALL SELECT 'flow_stage_binding' FROM core.flow_stage_bindings WHERE id = $1
       UNION ALL SELECT 'application' FROM core.applications WHERE id = $1
       UNION ALL SELECT 'source' FROM core.sources WHERE id = $1
       UNION ALL SELECT 'notification_rule' FROM core.notification_rules WHERE id = $1`,
      [id],
    );
    return rows[0]?.kind ?? null;
  }

  async names(binding: PolicyBindingEntity): Promise<{ policy?: { name: string; type: string }; group?: string; user?: string }> {
    const [row] = (await this.manager().query(
      `SELECT (SELECT json_build_object('name', name, 'type', type) FROM core.policies WHERE id = $1) AS policy,
              (SELECT name FROM core.groups WHERE id = $2) AS "group",
              (SELECT username FROM core.users WHERE id = $3) AS "user"`,
      [binding.policyId, binding.groupId, binding.userId],
    )) as Array<{ policy: { name: string; type: string } | null; group: string | null; user: string | null }>;
    return { policy: row.policy ?? undefined, group: row.group ?? undefined, user: row.user ?? undefined };
  }

  async exists(table: 'policies' | 'groups' | 'users', id: string | number): Promise<boolean> {
    const rows: unknown[] = await this.manager().query(`SELECT 1 FROM core.${table} WHERE id = $1`, [id]);
    return rows.length > 0;
  }

  save(binding: PolicyBindingEntity): Promise<PolicyBindingEntity> {
    return this.manager().save(PolicyBindingEntity, binding);
  }

  async delete(id: string): Promise<void> {
    await this.manager().delete(PolicyBindingEntity, { id });
  }
}

const TARGET_MATCH = `(b.target_flow_id = :target OR b.target_flow_stage_binding_id = :target OR b.target_application_id = :target
  OR b.target_source_id = :target OR b.target_notification_rule_id = :target)`;
