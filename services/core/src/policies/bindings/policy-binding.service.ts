import { Injectable } from '@nestjs/common';
import { paginate, type ListQuery, type Paginated } from '@authmesh/http';
import { NotFoundError, ValidationFailedError } from '@authmesh/runtime';
import type { Actor } from '../../audit/actor.js';
import { EventPublisher, type ModelRef } from '../../audit/event-publisher.js';
import { rethrowUnique } from '../../database/transactions.js';
import { policyType } from '../policy-types.js';
import { PolicyBindingEntity } from './policy-binding.entity.js';
import type { PolicyBindingFilters, PolicyBindingPatch, PolicyBindingRead, PolicyBindingWrite } from './policy-binding.dto.js';
import { PolicyBindingRepository } from './policy-binding.repository.js';

const ONE_SUBJECT = 'Set exactly one of policy, group or user.';

/** Which policies, groups and users gate a flow, a stage binding or an application. */
@Injectable()
export class PolicyBindingService {
  constructor(
    private readonly bindings: PolicyBindingRepository,
    private readonly events: EventPublisher,
  ) {}

  async list(filters: PolicyBindingFilters, query: ListQuery): Promise<Paginated<PolicyBindingRead>> {
    const [rows, count] = await this.bindings.list(filters, query);
    return paginate(await Promise.all(rows.map((r) => this.serialize(r))), count, query);
  }

  async get(id: string): Promise<PolicyBindingRead> {
    return this.serialize(await this.require(id));
  }

  async create(actor: Actor, input: PolicyBindingWrite): Promise<PolicyBindingRead> {
    return this.write(actor, new PolicyBindingEntity(), input, 'created');
  }

  async update(actor: Actor, id: string, input: PolicyBindingPatch): Promise<PolicyBindingRead> {
    return this.write(actor, await this.require(id), input, 'updated');
  }

  async delete(actor: Actor, id: string): Promise<void> {
    const binding = await this.require(id);
    await this.bindings.delete(id);
    await this.events.modelDeleted(actor, ref(binding));
    await this.announceRules([binding.targetNotificationRuleId]);
  }

  private async write(
    actor: Actor,
    binding: PolicyBindingEntity,
    input: PolicyBindingPatch,
    change: 'created' | 'updated',
  ): Promise<PolicyBindingRead> {
    const previousRule = binding.targetNotificationRuleId ?? null;
    await this.applyTarget(binding, input.target);
    await this.applySubject(binding, input);
    if (input.order !== undefined) binding.order = input.order;
    if (input.enabled !== undefined) binding.enabled = input.enabled;
    if (input.negate !== undefined) binding.negate = input.negate;
    if (input.timeout !== undefined) binding.timeout = input.timeout;
    if (input.failure_result !== undefined) binding.failureResult = input.failure_result;
    const saved = await this.bindings.save(binding).catch(rethrowUnique);
    await (change === 'created' ? this.events.modelCreated(actor, ref(saved)) : this.events.modelUpdated(actor, ref(saved)));
    await this.announceRules([previousRule, saved.targetNotificationRuleId]);
    return this.serialize(saved);
  }

  /** A rule's bindings are part of the rule as the events runtime caches it: it drops the rule. */
  private async announceRules(ruleIds: Array<string | null>): Promise<void> {
    for (const pk of new Set(ruleIds.filter((id): id is string => Boolean(id)))) {
      await this.events.announceChange({ app: 'authentik_events', model_name: 'notificationrule', pk }, 'updated');
    }
  }

  private async applyTarget(binding: PolicyBindingEntity, target: string | undefined): Promise<void> {
    if (target === undefined) return;
    const kind = await this.bindings.targetKind(target);
    if (!kind) throw ValidationFailedError.field('target', `Invalid pk "${target}" - object does not exist.`);
    binding.targetFlowId = kind === 'flow' ? target : null;
    binding.targetFlowStageBindingId = kind === 'flow_stage_binding' ? target : null;
    binding.targetApplicationId = kind === 'application' ? target : null;
    binding.targetSourceId = kind === 'source' ? target : null;
    binding.targetNotificationRuleId = kind === 'notification_rule' ? target : null;
  }

  private async applySubject(binding: PolicyBindingEntity, input: PolicyBindingPatch): Promise<void> {
    const named = (['policy', 'group', 'user'] as const).filter((key) => input[key] !== undefined);
    if (named.length === 0) return;
    const subject = {
      policy: input.policy === undefined ? binding.policyId : input.policy,
      group: input.group === undefined ? binding.groupId : input.group,
      user: input.user === undefined ? binding.userId : input.user,
    };
    const set = Object.entries(subject).filter(([, value]) => value !== null && value !== undefined);
    if (set.length !== 1) throw new ValidationFailedError({ policy: [ONE_SUBJECT], group: [ONE_SUBJECT], user: [ONE_SUBJECT] });
    const [[key, value]] = set as Array<['policy' | 'group' | 'user', string | number]>;
    const table = key === 'policy' ? 'policies' : key === 'group' ? 'groups' : 'users';
    if (!(await this.bindings.exists(table, value)))
      throw ValidationFailedError.field(key, `Invalid pk "${value}" - object does not exist.`);
    binding.policyId = subject.policy ?? null;
    binding.groupId = subject.group ?? null;
    binding.userId = subject.user ?? null;
  }

  private async serialize(b: PolicyBindingEntity): Promise<PolicyBindingRead> {
    const names = await this.bindings.names(b);
    return {
      pk: b.id,
      target: b.target,
      policy: b.policyId,
      group: b.groupId,
      user: b.userId,
      policy_obj:
        b.policyId && names.policy
          ? { pk: b.policyId, name: names.policy.name, meta_model_name: policyType(names.policy.type)?.alias ?? names.policy.type }
          : null,
      group_obj: b.groupId && names.group ? { pk: b.groupId, name: names.group } : null,
      user_obj: b.userId && names.user ? { pk: b.userId, username: names.user } : null,
      order: b.order,
      enabled: b.enabled,
      negate: b.negate,
      timeout: b.timeout,
      failure_result: b.failureResult,
    };
  }

  private async require(id: string): Promise<PolicyBindingEntity> {
    const binding = await this.bindings.findOneBy({ id });
    if (!binding) throw new NotFoundError();
    return binding;
  }
}

function ref(b: PolicyBindingEntity): ModelRef {
  return { app: 'authentik_policies', model_name: 'policybinding', pk: b.id, name: `${b.target}#${b.order}` };
}
