import { Injectable } from '@nestjs/common';
import { paginate, type ListQuery, type Paginated } from '@authmesh/http';
import { NotFoundError, ValidationFailedError } from '@authmesh/runtime';
import type { Actor } from '../audit/actor.js';
import { EventPublisher, type ModelRef } from '../audit/event-publisher.js';
import { rethrowUnique, Transactions } from '../database/transactions.js';
import { NotificationRuleEntity } from './notification-rule.entity.js';
import type {
  NotificationRuleFilters,
  NotificationRulePatch,
  NotificationRuleRead,
  NotificationRuleWrite,
} from './notification-rule.dto.js';
import { NotificationRuleRepository } from './notification-rule.repository.js';

/**
 * Notification rules: which group hears about events matching the rule's policy bindings,
 * with what severity and through which transports. A rule without a group is disabled.
 */
@Injectable()
export class NotificationRuleService {
  constructor(
    private readonly rules: NotificationRuleRepository,
    private readonly transactions: Transactions,
    private readonly events: EventPublisher,
  ) {}

  async list(filters: NotificationRuleFilters, query: ListQuery): Promise<Paginated<NotificationRuleRead>> {
    const [rows, count] = await this.rules.list(filters, query);
    return paginate(await this.serializeMany(rows), count, query);
  }

  async get(id: string): Promise<NotificationRuleRead> {
    return (await this.serializeMany([await this.require(id)]))[0];
  }

  async create(actor: Actor, input: NotificationRuleWrite): Promise<NotificationRuleRead> {
    return this.write(actor, new NotificationRuleEntity(), input, 'created');
  }

  async update(actor: Actor, id: string, input: NotificationRulePatch): Promise<NotificationRuleRead> {
    return this.write(actor, await this.require(id), input, 'updated');
  }

  async delete(actor: Actor, id: string): Promise<void> {
    const rule = await this.require(id);
    await this.rules.delete(id);
    await this.events.modelDeleted(actor, ref(rule));
  }

  private async write(
    actor: Actor,
    rule: NotificationRuleEntity,
    input: NotificationRulePatch,
    change: 'created' | 'updated',
  ): Promise<NotificationRuleRead> {
    const errors: Record<string, string[]> = {};
    if (input.group && !(await this.rules.groupExists(input.group)))
      errors.group = [`Invalid pk "${input.group}" - object does not exist.`];
    const missing = input.transports ? await this.rules.missingTransports(input.transports) : [];
    if (missing.length > 0) errors.transports = [`Invalid pk "${missing[0]}" - object does not exist.`];
    if (Object.keys(errors).length > 0) throw new ValidationFailedError(errors);
    const saved = await this.transactions
      .run(async () => {
        if (input.name !== undefined) rule.name = input.name;
        if (input.severity !== undefined) rule.severity = input.severity;
        rule.severity ??= 'notice';
        if (input.group !== undefined) rule.groupId = input.group;
        rule.groupId ??= null;
        if (input.policy_engine_mode !== undefined) rule.policyEngineMode = input.policy_engine_mode;
        rule.policyEngineMode ??= 'any';
        const row = await this.rules.save(rule);
        if (input.transports !== undefined) await this.rules.setTransports(row.id, [...new Set(input.transports)]);
        return row;
      })
      .catch(rethrowUnique);
    await (change === 'created' ? this.events.modelCreated(actor, ref(saved)) : this.events.modelUpdated(actor, ref(saved)));
    return this.get(saved.id);
  }

  private async serializeMany(rows: NotificationRuleEntity[]): Promise<NotificationRuleRead[]> {
    const transports = await this.rules.transportIds(rows.map((r) => r.id));
    const groups = await this.rules.groupNames(rows.flatMap((r) => (r.groupId ? [r.groupId] : [])));
    return rows.map((r) => {
      const groupName = r.groupId ? groups.get(r.groupId) : undefined;
      return {
        pk: r.id,
        name: r.name,
        transports: transports.get(r.id) ?? [],
        severity: r.severity,
        group: r.groupId,
        group_obj: r.groupId && groupName !== undefined ? { pk: r.groupId, name: groupName } : null,
        policy_engine_mode: r.policyEngineMode,
      };
    });
  }

  private async require(id: string): Promise<NotificationRuleEntity> {
    const rule = await this.rules.findById(id);
    if (!rule) throw new NotFoundError();
    return rule;
  }
}

function ref(r: NotificationRuleEntity): ModelRef {
  return { app: 'authentik_events', model_name: 'notificationrule', pk: r.id, name: r.name };
}
