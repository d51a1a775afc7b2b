import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager, FindOptionsWhere } from 'typeorm';
import type { ListQuery } from '@authmesh/http';
import { escapeLike, fetchPage } from '@authmesh/db';
import { DATA_SOURCE } from '../core.tokens.js';
import { managerFor } from '../database/transactions.js';
import { NotificationRuleEntity } from './notification-rule.entity.js';
import type { NotificationRuleFilters } from './notification-rule.dto.js';

const ORDERING: Record<string, string> = { name: 'r.name', severity: 'r.severity', pk: 'r.id' };

/** An active direct member of a group, as a notification delivery needs them. */
export interface MemberRecipient {
  pk: number;
  username: string;
  name: string;
  email: string;
}

/** Every query on notification rules, their transports and their groups. */
@Injectable()
export class NotificationRuleRepository {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  private manager(): EntityManager {
    return managerFor(this.dataSource);
  }

  findById(id: string): Promise<NotificationRuleEntity | null> {
    return this.manager().findOne(NotificationRuleEntity, { where: { id } });
  }

  /** The one rule whose fields all match (blueprint identifiers). */
  findOneBy(where: FindOptionsWhere<NotificationRuleEntity>): Promise<NotificationRuleEntity | null> {
    return this.manager().findOne(NotificationRuleEntity, { where });
  }

  list(filters: NotificationRuleFilters, query: ListQuery): Promise<[NotificationRuleEntity[], number]> {
    const qb = this.manager().createQueryBuilder(NotificationRuleEntity, 'r');
    if (filters.name !== undefined) qb.andWhere('r.name = :name', { name: filters.name });
    if (filters.severity !== undefined) qb.andWhere('r.severity = :severity', { severity: filters.severity });
    if (query.search) qb.andWhere(`r.name ILIKE :s ESCAPE '\\'`, { s: `%${escapeLike(query.search)}%` });
    return fetchPage(qb, query, ORDERING, { name: 'ASC' });
  }

  /** Rules with a group (the others are disabled), by name. */
  withGroup(): Promise<NotificationRuleEntity[]> {
    return this.manager()
      .createQueryBuilder(NotificationRuleEntity, 'r')
      .where('r.group_id IS NOT NULL')
      .orderBy('r.name', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .getMany();
  }

  /** The rules whose group this is. */
  async idsNotifying(groupId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.manager().query(`SELECT id FROM core.notification_rules WHERE group_id = $1`, [groupId]);
    return rows.map((r) => r.id);
  }

  /** The transport ids of each rule, ordered by transport name. */
  async transportIds(ruleIds: string[]): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>(ruleIds.map((id) => [id, []]));
    if (ruleIds.length === 0) return result;
    const rows: Array<{ rule_id: string; transport_id: string }> = await this.manager().query(
      `SELECT rt.rule_id, rt.transport_id FROM core.notification_rule_transports rt
         JOIN core.notification_transports t ON t.id = rt.transport_id
        WHERE rt.rule_id = ANY($1) ORDER BY t.name, t.id`,
      [ruleIds],
    );
    for (const row of rows) result.get(row.rule_id)?.push(row.transport_id);
    return result;
  }

  /** Replaces a rule's transports. */
  async setTransports(ruleId: string, transportIds: string[]): Promise<void> {
    await this.manager().query(`DELETE FROM core.notification_rule_transports WHERE rule_id = $1`, [ruleId]);
    if (transportIds.length === 0) return;
    await this.manager().query(
      `INSERT INTO core.notification_rule_transports (rule_id, transport_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [ruleId, transportIds],
    );
  }

  /** Which of these transport ids do not exist. */
  async missingTransports(ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows: Array<{ id: string }> = await this.manager().query(`SELECT id FROM core.notification_transports WHERE id = ANY($1)`, [ids]);
    const found = new Set(rows.map((r) => r.id));
    return ids.filter((id) => !found.has(id));
  }

  /** The names of groups, by id. */
  async groupNames(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: Array<{ id: string; name: string }> = await this.manager().query(`SELECT id, name FROM core.groups WHERE id = ANY($1)`, [
      ids,
    ]);
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async groupExists(id: string): Promise<boolean> {
    const rows: unknown[] = await this.manager().query(`SELECT 1 FROM core.groups WHERE id = $1`, [id]);
    return rows.length > 0;
  }

  /** The active direct members of a group, by primary key. */
  activeMembers(groupId: string): Promise<MemberRecipient[]> {
    return this.manager().query(
      `SELECT u.id AS pk, u.username, u.name, u.email FROM core.group_members gm
         JOIN core.users u ON u.id = gm.user_id
        WHERE gm.group_id = $1 AND u.is_active ORDER BY u.id`,
      [groupId],
    );
  }

  save(rule: NotificationRuleEntity): Promise<NotificationRuleEntity> {
    return this.manager().save(NotificationRuleEntity, rule);
  }

  async delete(id: string): Promise<void> {
    await this.manager().delete(NotificationRuleEntity, { id });
  }
}
